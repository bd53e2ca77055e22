import { pagingHandlesIn } from "../model/handles.js";
import { isRecord } from "../synth-output/read-synth-output.js";
import type { AllowEntry } from "./read-allow-list.js";
import type { PlanAction, PlannedChange } from "./read-plan.js";

/** What the guard decided about one planned change. */
export type Verdict =
  /** Not a destroy; nothing to decide. */
  | "ok"
  /** A destroy within the limit. */
  | "counted"
  /** Listed in the allow file. */
  | "allowed"
  | "blocked";

/** One non-trivial planned change and the guard's verdict on it. */
export interface GuardFinding {
  readonly change: PlannedChange;
  /** Why the resource pages today: its paging handles, or `tier:oncall`. */
  readonly pages: readonly string[];
  readonly verdict: Verdict;
  /** The rule behind a `blocked` or `allowed` verdict. */
  readonly check?:
    "paging-monitor-destroy" | "paging-monitor-replace" | "destroy-limit";
  /** The allow entry that let it through. */
  readonly allowedBy?: AllowEntry;
}

/** What the guard allows: the destroy limit and the allow file's entries. */
export interface GuardOptions {
  /** Destroys (deletes and replacements) allowed without an allow entry. */
  readonly maxDestroy: number;
  readonly allow: readonly AllowEntry[];
  /** The stack the plan belongs to; entries for other stacks are ignored. */
  readonly stack?: string;
}

/** The guard's decision on a whole plan. */
export interface GuardResult {
  readonly ok: boolean;
  /** Every change but no-ops and reads, in plan order. */
  readonly findings: readonly GuardFinding[];
  readonly counts: Readonly<Record<PlanAction, number>>;
  /** Destroys not covered by an allow entry. */
  readonly destroys: number;
  /** Entries for this stack that matched no destroy: stale, or a typo. */
  readonly unusedAllows: readonly AllowEntry[];
}

const DESTROYS: readonly PlanAction[] = ["delete", "replace"];

/**
 * Decides whether a plan may be applied. It is blocked when a paging
 * monitor would be deleted or replaced (a replacement gets a new Datadog
 * id and loses its history, links and mutes), or when more resources than
 * `maxDestroy` would be destroyed, unless the allow file lists them.
 */
export function guardPlan(
  changes: readonly PlannedChange[],
  options: GuardOptions,
): GuardResult {
  const applicable = options.allow.filter(
    (e) => stackOf(e) === undefined || stackOf(e) === options.stack,
  );
  const used = new Set<AllowEntry>();
  const counts = Object.fromEntries(
    ["create", "update", "replace", "delete", "no-op", "read", "forget"].map(
      (a) => [a, 0],
    ),
  ) as Record<PlanAction, number>;
  let destroys = 0;

  const findings = changes.flatMap((change): GuardFinding[] => {
    counts[change.action]++;
    if (change.action === "no-op" || change.action === "read") return [];
    const pages = pagingReasons(change);
    if (!DESTROYS.includes(change.action)) {
      return [{ change, pages, verdict: "ok" }];
    }

    const allowedBy = applicable.find((e) => matches(e, change));
    const check =
      pages.length === 0
        ? "destroy-limit"
        : change.action === "replace"
          ? "paging-monitor-replace"
          : "paging-monitor-destroy";
    if (allowedBy) {
      used.add(allowedBy);
      return [{ change, pages, verdict: "allowed", check, allowedBy }];
    }
    if (pages.length > 0) return [{ change, pages, verdict: "blocked", check }];
    destroys++;
    const verdict = destroys > options.maxDestroy ? "blocked" : "counted";
    return [{ change, pages, verdict, check }];
  });

  // Past the limit every unlisted destroy is blocked, not just the extra.
  const over = destroys > options.maxDestroy;
  const final = findings.map((f) =>
    over && f.verdict === "counted" ? { ...f, verdict: "blocked" as const } : f,
  );
  return {
    ok: !final.some((f) => f.verdict === "blocked"),
    findings: final,
    counts,
    destroys,
    unusedAllows: applicable.filter((e) => !used.has(e)),
  };
}

/**
 * Why a resource pages before the change: the paging handles in a
 * monitor's message, and `tier:oncall` when it carries that tag.
 */
export function pagingReasons(change: PlannedChange): string[] {
  if (change.type !== "datadog_monitor" || !isRecord(change.before)) return [];
  const { message, tags } = change.before;
  const handles = typeof message === "string" ? pagingHandlesIn(message) : [];
  const oncall = Array.isArray(tags) && tags.includes("tier:oncall");
  return [...new Set(handles)].sort().concat(oncall ? ["tier:oncall"] : []);
}

/** `mainnet-prod-oncall/alb-5xx-rate` gives the stack; a bare id none. */
function stackOf(entry: AllowEntry): string | undefined {
  const slash = entry.id.indexOf("/");
  return slash > 0 ? entry.id.slice(0, slash) : undefined;
}

function matches(entry: AllowEntry, change: PlannedChange): boolean {
  const id = stackOf(entry)
    ? entry.id.slice(entry.id.indexOf("/") + 1)
    : entry.id;
  return id === change.address || id === change.name;
}
