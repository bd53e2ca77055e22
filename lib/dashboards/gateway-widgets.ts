import { type MetricDefinition, metrics } from "../catalog/metrics.js";
import type { Environment } from "../model/environment.js";
import { scope, series, type SpaceAggregator } from "../query/builder.js";
import { scopedSeries } from "./template-variables.js";
import { queryValue, timeseries, type Widget } from "./widget.js";

/**
 * Widgets that depend on the environment's config (its services and
 * chains), shared by the dashboards in `dashboards/`.
 */

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
