import { metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";
import { monitorQuery, series } from "../query/builder.js";
import { envFilter, type MonitorInstance, monitorSpec } from "./common.js";
import { type Schema, optional } from "../config/schema-kit.js";
import {
  factoryOptions,
  optionsSchema,
  thresholdsOption,
  minutesOption,
  priorityOption,
} from "./options.js";

export interface QuorumFailuresParams extends MonitorInstance {
  /** Failed BLS aggregations per window that alert. */
  readonly failures: Thresholds;
  /** @default 15 */
  readonly windowMinutes?: number;
  /** @default 1 */
  readonly priority?: number;
}

const OPTIONS: Schema<QuorumFailuresParams> = optionsSchema({
  failures: thresholdsOption,
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts per chain when BLS signature aggregation misses its quorum: the
 * operators' signatures no longer add up, so tasks cannot be attested.
 */
export function quorumFailures(
  ctx: MonitorContext,
  params: QuorumFailuresParams,
): MonitorSpec {
  params = factoryOptions("quorumFailures", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 15;

  return monitorSpec(ctx, {
    id: "bls-quorum-failures",
    name: "BLS quorum failures on chain {{chain_id.name}}",
    service: "aggregator",
    summary:
      "{{value}} BLS aggregations missed quorum on chain {{chain_id.name}}" +
      ` in ${windowMinutes} minutes (alerts at {{threshold}}).`,
    impact: "tasks on this chain cannot be attested and stay pending.",
    dashboard: "chains",
    thresholds: params.failures,
    query: (t) =>
      monitorQuery({
        aggregator: "sum",
        windowMinutes,
        expression: series(metrics.blsQuorumFailures, {
          space: "sum",
          filter: envFilter(ctx),
          by: ["chain_id"],
        }).asCount(),
        comparator: ">=",
        threshold: t.critical,
      }),
    priority: params.priority ?? 1,
    // The counter only reports when a quorum fails. A sparse counter never
    // fills a window, so a full window must not be required, and once it
    // goes quiet "evaluate as zero" resolves the alert; skipping empty
    // windows would keep it alerting forever
    // (https://docs.datadoghq.com/monitors/configuration/#auto-resolve).
    noData: { kind: "missing-data", onMissingData: "default" },
    requireFullWindow: false,
    instance: params,
  });
}
