import type { MetricMonitorQuery } from "../query/ast.js";
import type { Tier } from "./environment.js";

/** Monitor types the Datadog API accepts that this project renders. */
export const MONITOR_TYPES = [
  "query alert",
  "metric alert",
  "service check",
  "event-v2 alert",
  "composite",
  "log alert",
  "slo alert",
  "process alert",
  "rum alert",
  "trace-analytics alert",
  "audit alert",
  "ci-pipelines alert",
  "error-tracking alert",
  "data-quality alert",
  "data-jobs alert",
  "cost alert",
] as const;
export type MonitorType = (typeof MONITOR_TYPES)[number];

/**
 * Alert thresholds in the unit of the query's result. The factory owns the
 * comparator; `critical` is also the number written in the query.
 */
export interface Thresholds {
  readonly critical: number;
  readonly warning?: number;
  /** Value the query must pass back over to recover from critical. */
  readonly criticalRecovery?: number;
  readonly warningRecovery?: number;
  /** Service checks only: the number of OK runs to recover. */
  readonly ok?: number;
  /** Service checks only: the number of UNKNOWN runs that alert. */
  readonly unknown?: number;
}

/**
 * What happens when the query returns no data. Every oncall monitor makes
 * this decision explicitly.
 * - `notify`: alert after `afterMinutes` of silence (`notify_no_data`);
 * - `ignore`: silence is fine (`notify_no_data: false`);
 * - `missing-data`: the newer `on_missing_data` setting.
 */
export type NoDataPolicy =
  | { readonly kind: "notify"; readonly afterMinutes: number }
  | { readonly kind: "ignore"; readonly reason: string }
  | {
      readonly kind: "missing-data";
      readonly onMissingData:
        "default" | "show_no_data" | "show_and_notify_no_data" | "resolve";
    };

/** A query as text, for monitor types the builder does not produce. */
export interface RawQuery {
  readonly kind: "raw";
  readonly text: string;
}

/**
 * One Datadog monitor as plain data. Factories return it; checks read it;
 * only `lib/render` turns it into a Terraform resource.
 */
export interface MonitorSpec {
  /** Stable kebab-case id; the Terraform resource id comes from it. */
  readonly id: string;
  /** Display name; changing it never replaces the monitor. */
  readonly name: string;
  readonly type: MonitorType;
  readonly query: MetricMonitorQuery | RawQuery;
  readonly thresholds: Thresholds;
  /** The whole notification text, handles included. */
  readonly message: string;
  /** `key:value` tags, lower case. */
  readonly tags: readonly string[];
  /** 1 (highest) to 5. */
  readonly priority?: number;
  /**
   * The no-data decision. Factories always make it; an imported monitor
   * may lack it, which Datadog reads as "do not notify" and the
   * `oncall-no-data` check rejects on the oncall tier.
   */
  readonly noData?: NoDataPolicy;
  /** Seconds to wait before evaluating, for late metrics (CloudWatch). */
  readonly evaluationDelaySeconds?: number;
  /** Seconds a new group is ignored after it first reports. */
  readonly newGroupDelaySeconds?: number;
  /** Only evaluate over a full window of data. */
  readonly requireFullWindow?: boolean;
  /** Minutes between re-notifications while still alerting. */
  readonly renotifyIntervalMinutes?: number;
  /** Tags that name a group in notifications; by default all group tags. */
  readonly notifyBy?: readonly string[];
  /** Extra monitor options for imported and raw monitors, API names. */
  readonly extraOptions?: Readonly<Record<string, unknown>>;
  /** Numeric id of an existing Datadog monitor to adopt in place. */
  readonly importId?: number;
  /** Check ids this monitor opts out of, each with the reason. */
  readonly ignoreChecks?: Readonly<Record<string, string>>;
}

/** Where a spec came from and which stack it lands in. */
export interface PlacedMonitor {
  readonly spec: MonitorSpec;
  /** The definition file, repository-relative. */
  readonly file: string;
  readonly stack: string;
  readonly tier: Tier;
}
