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

export interface GatewayLatencyP99Params extends MonitorInstance {
  /** P99 task latency in milliseconds that alerts. */
  readonly p99LatencyMs: Thresholds;
  /** @default 10 */
  readonly windowMinutes?: number;
  /** @default 2 */
  readonly priority?: number;
}

const OPTIONS: Schema<GatewayLatencyP99Params> = optionsSchema({
  p99LatencyMs: thresholdsOption,
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts per chain when the gateway's P99 task latency stays above the
 * threshold. Thresholds (and config overrides) are in milliseconds; the
 * metric is a distribution in seconds, so the spec carries seconds.
 */
export function gatewayLatencyP99(
  ctx: MonitorContext,
  params: GatewayLatencyP99Params,
): MonitorSpec {
  params = factoryOptions("gatewayLatencyP99", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 10;

  return monitorSpec(ctx, {
    id: "gateway-latency-p99",
    name: "Gateway P99 latency high on chain {{chain_id.name}}",
    service: "gateway",
    summary:
      "Gateway P99 latency on chain {{chain_id.name}} is {{value}}s" +
      ` over ${windowMinutes} minutes (alerts at {{threshold}}s).`,
    impact: "tasks for this chain answer slowly; clients may time out.",
    dashboard: "overview",
    thresholds: params.p99LatencyMs,
    thresholdScale: 0.001,
    query: (t) =>
      monitorQuery({
        aggregator: "percentile",
        windowMinutes,
        expression: series(metrics.gatewayRequestDuration, {
          space: "p99",
          filter: envFilter(ctx),
          by: ["chain_id"],
        }),
        comparator: ">",
        threshold: t.critical,
      }),
    priority: params.priority ?? 2,
    noData: {
      kind: "ignore",
      reason: "no requests means no latency to judge; traffic has monitors",
    },
    instance: params,
  });
}
