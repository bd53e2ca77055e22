import type { MetricKind } from "../catalog/metrics.js";
import type { Comparator } from "../query/ast.js";

/**
 * Sample data for one series, as a test or a series file writes it.
 *
 * Time is counted in whole minutes from the start of the scenario: minute 0
 * is the first point. `points` holds one value per minute (the count in that
 * minute for count metrics, as the agent stores it); `samples` holds the raw
 * values of a distribution, several per minute.
 */
export interface SeriesInput {
  /** The metric name as Datadog stores it, e.g. `gateway.redis_up`. */
  readonly metric: string;
  /** Tags of the series, e.g. `{ env: "testnet-prod", chain_id: 8453 }`. */
  readonly tags?: Readonly<Record<string, string | number>>;
  /**
   * One value per minute: compact notation (`"0.2x10 3x6 _x5"`, see
   * `parsePoints`) or an array with `null` for a minute without a point.
   */
  readonly points?: string | readonly (number | null)[];
  /**
   * Distribution samples per minute: compact notation
   * (`"0.1*98,4*2x10 _x5"`, see `parseSamples`) or an array of arrays.
   */
  readonly samples?: string | readonly (readonly number[])[];
  /**
   * How Datadog stores the metric. @default the catalog's kind for a known
   * metric, `distribution` when `samples` is given, else `gauge`
   */
  readonly kind?: MetricKind;
  /** Minute of the first point. @default 0 */
  readonly startMinute?: number;
  /**
   * Minutes after its timestamp that a point reaches Datadog, e.g. 10 for a
   * CloudWatch metric that lands late. @default 0
   */
  readonly lateMinutes?: number;
}

/** The state of one monitor group after an evaluation step. */
export type MonitorState = "OK" | "WARN" | "ALERT" | "NO DATA";

/** Why a step ended in its state. */
export type StepReason =
  /** The window had data and the value was compared with the thresholds. */
  | "evaluated"
  /** The group has not reported yet (or is inside its new-group delay). */
  | "not-seen"
  | "new-group-delay"
  /** No point in the window; the last state is kept. */
  | "no-data-kept"
  /** No point for the no-data timeframe: NO DATA. */
  | "no-data"
  /** `on_missing_data: resolve`: OK without data. */
  | "no-data-resolved"
  /** `on_missing_data: default` on a count query: evaluated as 0. */
  | "no-data-as-zero"
  /** `require_full_window` and the window is not full: state kept. */
  | "partial-window"
  /** Data, but no computable value (division by zero, gaps): state kept. */
  | "no-value"
  /** Windows of a day or more are evaluated every 10 or 30 minutes. */
  | "between-evaluations";

/** One evaluation of one group. */
export interface Step {
  /** Minutes from the start; the window ends `evaluationDelay` before it. */
  readonly minute: number;
  readonly state: MonitorState;
  /** The reduced value compared with the thresholds, when there was one. */
  readonly value?: number;
  readonly reason: StepReason;
}

/** Every step of one group, in time order. */
export interface GroupTimeline {
  /** `chain_id:8453`, `chain_id:1,breaker:rpc`, or `*` when not grouped. */
  readonly group: string;
  readonly steps: readonly Step[];
}

/** What `evaluate` returns: the monitor's states per group and step. */
export interface EvaluationResult {
  readonly monitorId: string;
  /** The query as Datadog reads it. */
  readonly query: string;
  readonly comparator: Comparator;
  readonly critical: number;
  readonly warning?: number;
  readonly criticalRecovery?: number;
  readonly warningRecovery?: number;
  /** The notification text, to tell who would be notified. */
  readonly message: string;
  /** Whether a change to NO DATA sends a notification. */
  readonly notifyNoData: boolean;
  /** `classic` or `as_count`: the order of arithmetic and time aggregation. */
  readonly evaluationPath: "classic" | "as_count";
  /** Minutes of every step, shared by all groups. */
  readonly minutes: readonly number[];
  readonly groups: readonly GroupTimeline[];
  /**
   * Assumptions the evaluator made where Datadog's docs are silent, each
   * once, e.g. a count operand with no points aligned as 0.
   */
  readonly notes: readonly string[];
}

/** Options of one evaluation run. */
export interface EvaluateOptions {
  /** First step, in minutes. @default 1 */
  readonly fromMinute?: number;
  /**
   * Last step, in minutes. @default the end of the data plus the
   * evaluation delay, so the last point is evaluated once
   */
  readonly toMinute?: number;
  /** Metric kinds by name, for metrics the catalog does not know. */
  readonly metricKinds?: Readonly<Record<string, MetricKind>>;
}
