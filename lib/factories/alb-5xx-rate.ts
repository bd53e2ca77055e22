import { type MetricDefinition, metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";
import { expr, monitorQuery, series } from "../query/builder.js";
import { type MonitorInstance, monitorSpec } from "./common.js";
import { type Schema, number, optional } from "../config/schema-kit.js";
import {
  factoryOptions,
  optionsSchema,
  thresholdsOption,
  minutesOption,
  priorityOption,
} from "./options.js";

export interface Alb5xxRateParams extends MonitorInstance {
  /** Percent of requests answered 5xx that alerts. */
  readonly errorRatePercent: Thresholds;
  /**
   * Requests per minute the rate is measured against at the least. On a
   * quiet night 1 failure in 2 requests is 50%, which should not page;
   * dividing by at least this many requests per minute of the window
   * keeps it small.
   * @default 10
   */
  readonly minRequestsPerMinute?: number;
  /** @default 10 */
  readonly windowMinutes?: number;
  /** @default 2 */
  readonly priority?: number;
}

const OPTIONS: Schema<Alb5xxRateParams> = optionsSchema({
  errorRatePercent: thresholdsOption,
  minRequestsPerMinute: optional(number({ min: 0 })),
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts when the share of 5xx responses at the load balancer (its own
 * and the targets') is too high: `100 * 5xx / max(requests, floor)`.
 *
 * With `.as_count()` in arithmetic, Datadog sums each series over the
 * window first and applies the arithmetic to the sums
 * (https://docs.datadoghq.com/monitors/guide/as-count-in-monitor-evaluations/),
 * so `clamp_min` puts the floor under the window's request total: the
 * minimum-traffic guard in a single query.
 */
export function alb5xxRate(
  ctx: MonitorContext,
  params: Alb5xxRateParams,
): MonitorSpec {
  params = factoryOptions("alb5xxRate", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 10;
  const filter = { loadbalancer: ctx.env.alb.loadbalancer };
  const count = (metric: MetricDefinition) =>
    series(metric, { space: "sum", filter }).asCount();
  const errors = expr.add(count(metrics.alb5xx), count(metrics.albTarget5xx));
  const requests = expr.call(
    "clamp_min",
    count(metrics.albRequests),
    (params.minRequestsPerMinute ?? 10) * windowMinutes,
  );

  return monitorSpec(ctx, {
    id: "alb-5xx-rate",
    name: "ALB 5xx rate high",
    service: "gateway",
    summary:
      `{{value}}% of requests to the gateway ALB failed with 5xx over` +
      ` ${windowMinutes} minutes (alerts at {{threshold}}%).`,
    impact: "clients see errors for a share of their tasks.",
    dashboard: "overview",
    thresholds: params.errorRatePercent,
    query: (t) =>
      monitorQuery({
        aggregator: "sum",
        windowMinutes,
        expression: expr.div(expr.mul(100, errors), requests),
        comparator: ">",
        threshold: t.critical,
      }),
    priority: params.priority ?? 2,
    noData: {
      kind: "ignore",
      reason:
        "an idle load balancer reports nothing; ECS monitors cover outages",
    },
    instance: params,
  });
}
