import { type MetricKind, metrics } from "../catalog/metrics.js";
import type { MonitorSpec, NoDataPolicy } from "../model/monitor.js";
import type { MetricMonitorQuery } from "../query/ast.js";
import { formatQuery } from "../query/format.js";
import { parseQuery } from "../query/parse.js";
import { ProblemList } from "./errors.js";
import { checkLeafKinds } from "./leaf.js";
import { planQuery, type QueryPlan } from "./query-plan.js";
import { Snapshot } from "./snapshot.js";
import { loadSources, type Source } from "./sources.js";
import {
  nextState,
  recoveryProblem,
  type ThresholdRules,
} from "./thresholds.js";
import type {
  EvaluateOptions,
  EvaluationResult,
  MonitorState,
  SeriesInput,
  Step,
  StepReason,
} from "./types.js";

/**
 * Evaluates a metric monitor offline: the state of each group at every
 * one-minute step, as Datadog would compute it from these series.
 * lib/evaluate/SEMANTICS.md lists each rule with the doc it follows and
 * what is not modelled.
 *
 * @throws EvaluateError listing every construct the evaluator does not
 *   model and every problem in the series, never a silent guess.
 */
export function evaluate(
  spec: MonitorSpec,
  series: readonly SeriesInput[],
  options: EvaluateOptions = {},
): EvaluationResult {
  const problems = new ProblemList(spec.id);
  if (spec.type !== "query alert" && spec.type !== "metric alert") {
    problems.add(
      "evaluate-unsupported",
      "type",
      `expected a metric monitor (query alert), got "${spec.type}"`,
    );
    problems.throwIfAny();
  }
  const query = readQuery(spec, problems);
  checkExtraOptions(spec, problems);
  if (!query) return problems.fail();

  const plan = planQuery(query, problems);
  const settings = readSettings(spec, query, plan, problems);
  const { sources, length } = loadSources(
    series,
    options.metricKinds ?? {},
    problems,
  );
  const kindOf = kindLookup(sources, options.metricKinds ?? {});
  checkLeafKinds(plan.leaves, kindOf, problems);
  const from = options.fromMinute ?? 1;
  const to = options.toMinute ?? length + settings.delay;
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from < 1 ||
    to < from
  ) {
    problems.add(
      "evaluate-options",
      "fromMinute",
      `expected whole minutes with 1 <= fromMinute <= toMinute, got ${from}..${to}`,
    );
  }
  problems.throwIfAny();

  const notes = new Set<string>();
  const snapshotAt = (minute: number | undefined) =>
    new Snapshot(
      plan,
      kindOf,
      sources,
      length,
      (s) =>
        minute === undefined
          ? Number.POSITIVE_INFINITY
          : minute - 1 - s.lateMinutes,
      notes,
    );
  const complete = snapshotAt(undefined);
  const late = sources.some((s) => s.lateMinutes > settings.delay);
  const groups =
    complete.groups.length || plan.groupBy.length ? complete.groups : ["*"];

  const minutes: number[] = [];
  const timelines = new Map(
    groups.map((g) => [g, new GroupRun(g, plan, settings)]),
  );
  for (let minute = from; minute <= to; minute++) {
    minutes.push(minute);
    const snapshot = late ? snapshotAt(minute) : complete;
    for (const run of timelines.values()) run.step(minute, snapshot);
  }

  return {
    monitorId: spec.id,
    query: formatQuery(query),
    ...settings.rules,
    message: spec.message,
    notifyNoData:
      settings.noData.kind === "notify" ||
      (settings.noData.kind === "missing-data" &&
        settings.noData.onMissingData === "show_and_notify_no_data"),
    evaluationPath: plan.path,
    minutes,
    groups: [...timelines.values()].map((r) => ({
      group: r.group,
      steps: r.steps,
    })),
    notes: [...notes],
  };
}

/**
 * The query tree: the spec's own, or raw text read by the query parser.
 * A parse error or a non-metric query is a problem, never a guess.
 */
function readQuery(
  spec: MonitorSpec,
  problems: ProblemList,
): MetricMonitorQuery | undefined {
  if (spec.query.kind !== "raw") return spec.query;
  const parsed = parseQuery(spec.type, spec.query.text);
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      problems.add(
        "evaluate-query",
        "query.text",
        `${e.message} (column ${e.column})`,
      );
    }
    return undefined;
  }
  if (parsed.tree.kind !== "metric-monitor") {
    problems.add(
      "evaluate-unsupported",
      "query.text",
      `expected a metric query, got a ${parsed.tree.kind} query`,
      "formulas with named queries are not modelled",
    );
    return undefined;
  }
  return parsed.tree;
}

/**
 * Terraform attributes an `extraOptions` override can set that change how
 * the monitor evaluates. The evaluator reads these from the spec's typed
 * fields only, so an override of one would be silently ignored.
 */
const EVALUATION_OPTIONS = [
  "query",
  "type",
  "monitor_thresholds",
  "evaluation_delay",
  "new_group_delay",
  "new_host_delay",
  "require_full_window",
  "notify_no_data",
  "no_data_timeframe",
  "on_missing_data",
  "scheduling_options",
  "timeout_h",
  "notify_by",
];

function checkExtraOptions(spec: MonitorSpec, problems: ProblemList): void {
  for (const key of Object.keys(spec.extraOptions ?? {})) {
    const name = key.split(".")[0]!;
    if (EVALUATION_OPTIONS.includes(name)) {
      problems.add(
        "evaluate-unsupported",
        `extraOptions.${key}`,
        `expected evaluation settings in the spec's typed fields, got an override of "${name}"`,
        "the evaluator does not read extraOptions",
      );
    }
  }
}

/** The monitor options that shape evaluation, in minutes. */
interface Settings {
  readonly rules: ThresholdRules;
  readonly delay: number;
  readonly newGroupDelay: number;
  readonly requireFullWindow: boolean;
  readonly noData: NoDataPolicy;
  /** Minutes between evaluations: 1, or 10/30 for windows of a day+. */
  readonly every: number;
  readonly countQuery: boolean;
}

function readSettings(
  spec: MonitorSpec,
  query: MetricMonitorQuery,
  plan: QueryPlan,
  problems: ProblemList,
): Settings {
  const t = spec.thresholds;
  if (query.threshold !== t.critical) {
    problems.add(
      "evaluate-query",
      "thresholds.critical",
      `expected the query's threshold ${query.threshold}, got ${t.critical}`,
      "Datadog rejects a monitor whose critical threshold differs from its query",
    );
  }
  const minutesOf = (path: string, seconds: number) => {
    if (!Number.isInteger(seconds / 60) || seconds < 0) {
      problems.add(
        "evaluate-unsupported",
        path,
        `expected whole minutes (a multiple of 60 s), got ${seconds}`,
        "the evaluator works in one-minute steps",
      );
    }
    return Math.floor(seconds / 60);
  };
  const grouped = plan.groupBy.length > 0;
  const rules: ThresholdRules = {
    comparator: query.comparator,
    critical: t.critical,
    ...(t.warning !== undefined ? { warning: t.warning } : {}),
    ...(t.criticalRecovery !== undefined
      ? { criticalRecovery: t.criticalRecovery }
      : {}),
    ...(t.warningRecovery !== undefined
      ? { warningRecovery: t.warningRecovery }
      : {}),
  };
  const recovery = recoveryProblem(rules);
  if (recovery) {
    problems.add(
      "evaluate-unsupported",
      recovery.path,
      recovery.message,
      "the recovery-thresholds page defines them for ordered comparators only",
    );
  }
  return {
    rules,
    delay: minutesOf(
      "evaluationDelaySeconds",
      spec.evaluationDelaySeconds ?? 0,
    ),
    // new_group_delay defaults to 60 s for multi alerts
    // (https://docs.datadoghq.com/monitors/configuration/#new-group-delay).
    newGroupDelay: grouped
      ? minutesOf("newGroupDelaySeconds", spec.newGroupDelaySeconds ?? 60)
      : 0,
    // Unset, the Terraform provider sends require_full_window = true
    // (registry.terraform.io/providers/DataDog/datadog, datadog_monitor).
    requireFullWindow: spec.requireFullWindow ?? true,
    // Unset, the renderer writes neither notify_no_data nor
    // on_missing_data, and notify_no_data defaults to false
    // (https://docs.datadoghq.com/monitors/guide/monitor_api_options/#common-options).
    noData: spec.noData ?? UNSET_NO_DATA,
    every:
      plan.windowMinutes >= 2880 ? 30 : plan.windowMinutes >= 1440 ? 10 : 1,
    countQuery: isCountQuery(plan),
  };
}

/** A sum of as_count() series without default_zero: "evaluate as zero". */
function isCountQuery(plan: QueryPlan): boolean {
  const text = JSON.stringify(plan.expression);
  return (
    plan.aggregator === "sum" &&
    !text.includes('"default_zero"') &&
    plan.leaves.every((s) => s.modifiers.some((m) => m.name === "as_count"))
  );
}

function kindLookup(
  sources: readonly Source[],
  given: Readonly<Record<string, MetricKind>>,
): (metric: string) => MetricKind {
  const catalog = new Map<string, MetricKind>(
    Object.values(metrics).map((m) => [m.name, m.kind]),
  );
  const seen = new Map(sources.map((s) => [s.metric, s.kind]));
  return (metric) =>
    given[metric] ?? seen.get(metric) ?? catalog.get(metric) ?? "gauge";
}

/** What a spec without a no-data decision does: notify_no_data false. */
const UNSET_NO_DATA: NoDataPolicy = {
  kind: "ignore",
  reason: "no decision: notify_no_data defaults to false",
};

/** Bucket minutes for require_full_window by the window's written unit. */
const FULL_WINDOW_BUCKET = { m: 1, h: 10, d: 60, w: 60, mo: 240 } as const;

/** The state machine of one group across the steps. */
class GroupRun {
  readonly steps: Step[] = [];
  private state: MonitorState = "OK";
  private seenAt: number | undefined;

  constructor(
    readonly group: string,
    private readonly plan: QueryPlan,
    private readonly settings: Settings,
  ) {}

  step(minute: number, snapshot: Snapshot): void {
    const end = minute - this.settings.delay;
    const start = end - this.plan.windowMinutes;
    const window = snapshot.valueAt(this.group, start, end);
    if (this.seenAt === undefined && window.hasData) this.seenAt = minute;

    if (this.seenAt === undefined) return this.keep(minute, "not-seen");
    if (minute < this.seenAt + this.settings.newGroupDelay)
      return this.keep(minute, "new-group-delay");
    if ((minute - this.seenAt) % this.settings.every !== 0)
      return this.keep(minute, "between-evaluations");
    if (!window.hasData) return this.noData(minute, snapshot, end);
    if (this.settings.requireFullWindow && !this.fullWindow(snapshot, start)) {
      return this.keep(minute, "partial-window");
    }
    if (Number.isNaN(window.value)) return this.keep(minute, "no-value");
    this.set(
      minute,
      nextState(this.state, window.value, this.settings.rules),
      "evaluated",
      window.value,
    );
  }

  /**
   * Missing data: legacy notify_no_data goes NO DATA after its timeframe
   * and otherwise skips the evaluation, keeping the state; on_missing_data
   * picks one outcome for the whole window
   * (https://docs.datadoghq.com/monitors/guide/on_missing_data/).
   */
  private noData(minute: number, snapshot: Snapshot, end: number): void {
    const policy = this.settings.noData;
    switch (policy.kind) {
      case "ignore":
        return this.keep(minute, "no-data-kept");
      case "notify": {
        const silent =
          snapshot.pointsIn(this.group, end - policy.afterMinutes, end) === 0;
        return silent
          ? this.set(minute, "NO DATA", "no-data")
          : this.keep(minute, "no-data-kept");
      }
      case "missing-data":
        switch (policy.onMissingData) {
          case "show_no_data":
          case "show_and_notify_no_data":
            return this.set(minute, "NO DATA", "no-data");
          case "resolve":
            return this.set(minute, "OK", "no-data-resolved");
          case "default":
            if (!this.settings.countQuery)
              return this.keep(minute, "no-data-kept");
            return this.set(
              minute,
              nextState(this.state, 0, this.settings.rules),
              "no-data-as-zero",
              0,
            );
        }
    }
  }

  /**
   * require_full_window: the window split into buckets (1 min for minute
   * windows, 10 min for hours, 1 h for days, 4 h for months) is full when
   * its first bucket has data and at most three buckets are empty
   * (https://docs.datadoghq.com/monitors/types/metric/#data-window).
   */
  private fullWindow(snapshot: Snapshot, start: number): boolean {
    const size = FULL_WINDOW_BUCKET[this.plan.windowUnit];
    const buckets = Math.ceil(this.plan.windowMinutes / size);
    let empty = 0;
    for (let b = 0; b < buckets; b++) {
      const from = start + b * size;
      const has =
        snapshot.pointsIn(
          this.group,
          from,
          Math.min(from + size, start + this.plan.windowMinutes),
        ) > 0;
      if (!has && b === 0) return false;
      if (!has) empty++;
    }
    return empty <= 3;
  }

  private keep(minute: number, reason: StepReason): void {
    this.steps.push({ minute, state: this.state, reason });
  }

  private set(
    minute: number,
    state: MonitorState,
    reason: StepReason,
    value?: number,
  ): void {
    this.state = state;
    this.steps.push({
      minute,
      state,
      reason,
      ...(value !== undefined ? { value } : {}),
    });
  }
}
