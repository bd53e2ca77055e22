import { expect } from "vitest";
import {
  type EvaluationResult,
  type GroupTimeline,
  type MonitorState,
  formatMinute,
  formatTimeline,
  notifications,
  parseMinute,
} from "../../lib/evaluate/index.js";

/**
 * Vitest matchers for evaluation results. Each names the group, the
 * expected minute and what happened instead, then prints the timeline:
 *
 *   expect(evaluate(spec, series)).toAlert({ group: "chain_id:8453", from: "11m" });
 *
 * Times are minutes from the start of the series: `"11m"`, `"1h5m"` or 11.
 */
export interface StateExpectation {
  /** The group, e.g. `chain_id:8453`; optional when there is one group. */
  readonly group?: string;
  /** The first step in the state. */
  readonly from?: string | number;
  /** The first step after the first run of the state. */
  readonly until?: string | number;
  /** No other group ever reaches the state. */
  readonly only?: boolean;
}

export interface RecoveryExpectation {
  readonly group?: string;
  /** The step of the first return to OK after ALERT, WARN or NO DATA. */
  readonly at?: string | number;
}

export interface GroupOnly {
  readonly group?: string;
}

declare module "vitest" {
  interface Matchers<T = any> {
    /** The group reaches ALERT (first at `from`, ending at `until`). */
    toAlert(expected?: StateExpectation): T;
    /** The group reaches WARN (first at `from`) and never ALERT. */
    toWarn(expected?: StateExpectation): T;
    /** The group reaches NO DATA (first at `from`). */
    toBeNoData(expected?: StateExpectation): T;
    /** The group (every group when none is named) is OK at every step. */
    toStayOk(expected?: GroupOnly): T;
    /** The group returns to OK (first at `at`) and ends OK. */
    toRecover(expected?: RecoveryExpectation): T;
    /** Some state change would notify a paging handle. */
    toPage(): T;
  }
}

type Outcome = { pass: boolean; message: () => string };

function stateMatcher(state: MonitorState) {
  return function (
    this: { isNot: boolean },
    received: EvaluationResult,
    expected: StateExpectation = {},
  ): Outcome {
    const picked = pickGroups(received, expected.group);
    if ("error" in picked) return fail(received, picked.error);

    const verb = state === "NO DATA" ? "be NO DATA" : `reach ${state}`;
    const hits = picked.groups.filter((g) => firstIn(g, state) !== undefined);
    const target = expected.group ? picked.groups[0]! : hits[0];
    const show = expected.group ? [expected.group] : undefined;
    const name = `${received.monitorId}${expected.group ? ` group ${expected.group}` : ""}`;
    if (!target || firstIn(target, state) === undefined) {
      return result(
        false,
        received,
        `expected ${name} to ${verb}, but it never did`,
        show,
      );
    }

    const first = firstIn(target, state)!;
    if (expected.from !== undefined && first !== parseMinute(expected.from)) {
      return result(
        false,
        received,
        `expected ${name} to ${verb} from ${formatMinute(parseMinute(expected.from))}, but it first did at ${formatMinute(first)}`,
        [target.group],
      );
    }
    if (expected.until !== undefined) {
      const end = firstAfter(target, state, first);
      const want = parseMinute(expected.until);
      if (end !== want) {
        const got =
          end === undefined
            ? "it never left it"
            : `it left it at ${formatMinute(end)}`;
        return result(
          false,
          received,
          `expected ${name} to leave ${state} at ${formatMinute(want)}, but ${got}`,
          [target.group],
        );
      }
    }
    if (state === "WARN" && firstIn(target, "ALERT") !== undefined) {
      return result(
        false,
        received,
        `expected ${name} to warn without alerting, but it alerted at ${formatMinute(firstIn(target, "ALERT")!)}`,
        [target.group],
      );
    }
    if (expected.only) {
      const others = received.groups.filter(
        (g) => g !== target && firstIn(g, state) !== undefined,
      );
      if (others.length) {
        return result(
          false,
          received,
          `expected only ${target.group} to ${verb}, but ${others.map((g) => g.group).join(", ")} did too`,
        );
      }
    }
    return result(
      true,
      received,
      `expected ${name} not to ${verb}, but it did from ${formatMinute(first)}`,
      [target.group],
    );
  };
}

expect.extend({
  toAlert: stateMatcher("ALERT"),
  toWarn: stateMatcher("WARN"),
  toBeNoData: stateMatcher("NO DATA"),

  toStayOk(received: EvaluationResult, expected: GroupOnly = {}) {
    const picked = pickGroups(received, expected.group, true);
    if ("error" in picked) return fail(received, picked.error);
    for (const g of picked.groups) {
      const bad = g.steps.find((s) => s.state !== "OK");
      if (bad) {
        return result(
          false,
          received,
          `expected ${received.monitorId} group ${g.group} to stay OK, but it was ${bad.state} at ${formatMinute(bad.minute)}`,
          [g.group],
        );
      }
    }
    return result(
      true,
      received,
      `expected ${received.monitorId} to leave OK at some step, but it stayed OK`,
    );
  },

  toRecover(received: EvaluationResult, expected: RecoveryExpectation = {}) {
    const picked = pickGroups(received, expected.group);
    if ("error" in picked) return fail(received, picked.error);
    if (picked.groups.length > 1) {
      return fail(
        received,
        `expected a group name for ${received.monitorId}, got none; groups: ${picked.groups.map((x) => x.group).join(", ")}`,
      );
    }
    const g = picked.groups[0]!;
    const recovery = g.steps.find(
      (s, i) => i > 0 && s.state === "OK" && g.steps[i - 1]!.state !== "OK",
    );
    const name = `${received.monitorId} group ${g.group}`;
    if (!recovery)
      return result(
        false,
        received,
        `expected ${name} to recover, but it never returned to OK`,
        [g.group],
      );
    if (
      expected.at !== undefined &&
      recovery.minute !== parseMinute(expected.at)
    ) {
      return result(
        false,
        received,
        `expected ${name} to recover at ${formatMinute(parseMinute(expected.at))}, but it recovered at ${formatMinute(recovery.minute)}`,
        [g.group],
      );
    }
    const end = g.steps[g.steps.length - 1]!;
    if (end.state !== "OK") {
      return result(
        false,
        received,
        `expected ${name} to end OK after recovering, but it ended ${end.state}`,
        [g.group],
      );
    }
    return result(
      true,
      received,
      `expected ${name} not to recover, but it did at ${formatMinute(recovery.minute)}`,
      [g.group],
    );
  },

  toPage(received: EvaluationResult) {
    const pages = notifications(received).filter((n) => n.paging.length > 0);
    const list = pages.map(
      (n) =>
        `  ${formatMinute(n.minute)} ${n.group} ${n.from} -> ${n.to}: ${n.paging.join(" ")}`,
    );
    return result(
      pages.length > 0,
      received,
      pages.length
        ? `expected ${received.monitorId} not to page, but it would page:\n${list.join("\n")}`
        : `expected ${received.monitorId} to page, but no state change notifies a paging handle`,
    );
  },
});

function result(
  pass: boolean,
  received: EvaluationResult,
  message: string,
  groups?: readonly string[],
): Outcome {
  return {
    pass,
    message: () => `${message}\n\n${formatTimeline(received, groups)}`,
  };
}

function fail(received: EvaluationResult, message: string): Outcome {
  return result(false, received, message);
}

function pickGroups(
  r: EvaluationResult,
  group: string | undefined,
  all = false,
): { groups: GroupTimeline[] } | { error: string } {
  const names = r.groups.map((g) => g.group).join(", ") || "none";
  if (group !== undefined) {
    const g = r.groups.find((x) => x.group === group);
    return g
      ? { groups: [g] }
      : {
          error: `expected a group "${group}" in ${r.monitorId}, got ${names}`,
        };
  }
  if (all || r.groups.length === 1) return { groups: [...r.groups] };
  if (r.groups.length === 0)
    return { error: `expected a group in ${r.monitorId}, got none` };
  return { groups: [...r.groups] };
}

function firstIn(g: GroupTimeline, state: MonitorState): number | undefined {
  return g.steps.find((s) => s.state === state)?.minute;
}

function firstAfter(
  g: GroupTimeline,
  state: MonitorState,
  from: number,
): number | undefined {
  return g.steps.find((s) => s.minute > from && s.state !== state)?.minute;
}
