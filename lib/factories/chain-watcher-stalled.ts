import { metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { MonitorSpec } from "../model/monitor.js";
import { expr, monitorQuery, series } from "../query/builder.js";
import { envFilter, type MonitorInstance, monitorSpec } from "./common.js";
import { type Schema, optional } from "../config/schema-kit.js";
import {
  factoryOptions,
  optionsSchema,
  minutesOption,
  priorityOption,
} from "./options.js";

export interface ChainWatcherStalledParams extends MonitorInstance {
  /**
   * Minutes without a processed block before alerting. Keep it several
   * times the slowest chain's block time. @default 10
   */
  readonly windowMinutes?: number;
  /** @default 1 */
  readonly priority?: number;
}

const OPTIONS: Schema<ChainWatcherStalledParams> = optionsSchema({
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts per chain when the chain watcher processes no block for a whole
 * window. A crashed watcher sends nothing at all, so silence alerts too.
 */
export function chainWatcherStalled(
  ctx: MonitorContext,
  params: ChainWatcherStalledParams = {},
): MonitorSpec {
  params = factoryOptions("chainWatcherStalled", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 10;

  return monitorSpec(ctx, {
    id: "chain-watcher-stalled",
    name: "Chain watcher stalled on chain {{chain_id.name}}",
    service: "chain-watcher",
    summary:
      "The chain watcher processed {{value}} blocks on chain" +
      ` {{chain_id.name}} in ${windowMinutes} minutes.`,
    impact: "chain events are not seen; challenges and deliveries stop.",
    dashboard: "chains",
    thresholds: { critical: 0 },
    query: (t) =>
      monitorQuery({
        aggregator: "sum",
        windowMinutes,
        expression: expr.defaultZero(
          series(metrics.chainWatcherBlocksProcessed, {
            space: "sum",
            filter: envFilter(ctx),
            by: ["chain_id"],
          }).asCount(),
        ),
        comparator: "<=",
        threshold: t.critical,
      }),
    priority: params.priority ?? 1,
    noData: { kind: "notify", afterMinutes: windowMinutes * 2 },
    instance: params,
  });
}
