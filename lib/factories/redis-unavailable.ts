import { metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { MonitorSpec } from "../model/monitor.js";
import { monitorQuery, series } from "../query/builder.js";
import { envFilter, type MonitorInstance, monitorSpec } from "./common.js";
import { optional, type Schema } from "../config/schema-kit.js";
import { factoryOptions, optionsSchema, minutesOption } from "./options.js";

export interface RedisUnavailableParams extends MonitorInstance {
  /** @default 5 */
  readonly windowMinutes?: number;
}

const OPTIONS: Schema<RedisUnavailableParams> = optionsSchema({
  windowMinutes: optional(minutesOption),
});

/**
 * Warns when the gateway cannot reach Redis. Redis is a cache and a dedup
 * set: without it the gateway is slower and may redo work, but it serves.
 * Meant for the dev tier; it should never page.
 */
export function redisUnavailable(
  ctx: MonitorContext,
  params: RedisUnavailableParams = {},
): MonitorSpec {
  params = factoryOptions("redisUnavailable", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 5;

  return monitorSpec(ctx, {
    id: "redis-unavailable",
    name: "Redis unreachable from the gateway",
    service: "gateway",
    summary:
      "Gateway instances could not reach Redis for" +
      ` ${windowMinutes} minutes (reachable share {{value}}).`,
    impact:
      "degraded, not down: no cache and no dedup, so slower answers and" +
      " possible duplicate work.",
    dashboard: "internals",
    thresholds: { critical: 0.5 },
    query: (t) =>
      monitorQuery({
        aggregator: "max",
        windowMinutes,
        expression: series(metrics.redisUp, {
          space: "avg",
          filter: envFilter(ctx),
        }),
        comparator: "<",
        threshold: t.critical,
      }),
    priority: 4,
    noData: {
      kind: "ignore",
      reason: "a silent gateway is covered by the ECS task monitors",
    },
    instance: params,
  });
}
