import { type MetricDefinition, metrics } from "../catalog/metrics.js";
import type { Environment } from "../model/environment.js";
import type { Expression } from "../query/ast.js";
import {
  expr,
  scope,
  series,
  type SeriesBuilder,
  type SpaceAggregator,
} from "../query/builder.js";
import { scopedSeries } from "./template-variables.js";
import { queryValue, timeseries, type Widget } from "./widget.js";

/**
 * Queries and widgets about the gateway that the dashboards in
 * `dashboards/` share, or that follow the environment's config (its
 * services, chains and load balancer).
 */

/** A metric per chain, narrowed by the dashboard's variables. */
export function byChain(
  metric: MetricDefinition,
  space: SpaceAggregator = "avg",
): SeriesBuilder {
  return scopedSeries(metric, { space, by: ["chain_id"] });
}

/** A counter's count per interval and chain. */
export function countByChain(metric: MetricDefinition): SeriesBuilder {
  return byChain(metric, "sum").asCount();
}

/** `100 * part / whole`. */
export function percentOf(
  part: Expression | SeriesBuilder,
  whole: Expression | SeriesBuilder,
): Expression {
  return expr.div(expr.mul(100, part), whole);
}

/** One latency percentile of the gateway per chain, in seconds. */
export function latencyByChain(percentile: "p50" | "p95" | "p99"): Widget {
  return timeseries(`${percentile.toUpperCase()} latency by chain (s)`, [
    byChain(metrics.gatewayRequestDuration, percentile),
  ]);
}

/** 5xx answered by the ALB itself and by its targets, full width. */
export function alb5xxGraph(env: Environment): Widget {
  const filter = { loadbalancer: env.alb.loadbalancer };
  const count = (metric: MetricDefinition) =>
    series(metric, { space: "sum", filter }).asCount();
  return timeseries(
    "ALB 5xx responses (load balancer and targets)",
    [count(metrics.alb5xx), count(metrics.albTarget5xx)],
    { display: "bars", size: { width: 12, height: 2 } },
  );
}

/**
 * Running against desired tasks, one graph per ECS service of the
 * environment, filtered on the CloudWatch cluster and service names.
 */
export function ecsTaskGraphs(env: Environment): Widget[] {
  return Object.values(env.services).map((service) => {
    const filter = {
      clustername: env.ecsCluster,
      servicename: service.ecsService,
    };
    const tasks = (metric: MetricDefinition) =>
      series(metric, { space: "max", filter });
    return timeseries(`ECS ${service.ecsService}: running vs desired tasks`, [
      tasks(metrics.ecsRunningTasks),
      tasks(metrics.ecsDesiredTasks),
    ]);
  });
}

/**
 * One number per chain of the environment (its latest value), titled
 * with the chain's name. The chain is fixed, so `$chain_id` does not
 * apply.
 */
export function perChainValues(
  env: Environment,
  label: string,
  metric: MetricDefinition,
  options: { space: SpaceAggregator; unit?: string },
): Widget[] {
  return env.chains.map((chain) =>
    queryValue(
      `${label}: ${chain.name}`,
      scopedSeries(metric, {
        space: options.space,
        filter: scope.tag("chain_id", chain.id),
      }),
      {
        aggregator: "last",
        precision: 0,
        ...(options.unit !== undefined ? { unit: options.unit } : {}),
      },
    ),
  );
}
