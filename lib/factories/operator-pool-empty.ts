import { metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { MonitorSpec } from "../model/monitor.js";
import { monitorQuery, series } from "../query/builder.js";
import { envFilter, type MonitorInstance, monitorSpec } from "./common.js";
import { type Schema, number, optional } from "../config/schema-kit.js";
import {
  factoryOptions,
  optionsSchema,
  minutesOption,
  priorityOption,
} from "./options.js";

export interface OperatorPoolEmptyParams extends MonitorInstance {
  /** Operators at or below which a chain warns. @default 1 */
  readonly warnAtOperators?: number;
  /** @default 5 */
  readonly windowMinutes?: number;
  /** @default 1 */
  readonly priority?: number;
}

const OPTIONS: Schema<OperatorPoolEmptyParams> = optionsSchema({
  warnAtOperators: optional(number({ min: 0 })),
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts per chain when no operator is left in the pool: nobody can sign,
 * so no task on that chain can complete. Warns when one is left.
 */
export function operatorPoolEmpty(
  ctx: MonitorContext,
  params: OperatorPoolEmptyParams = {},
): MonitorSpec {
  params = factoryOptions("operatorPoolEmpty", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 5;

  return monitorSpec(ctx, {
    id: "operator-pool-empty",
    name: "Operator pool empty on chain {{chain_id.name}}",
    service: "operator",
    summary:
      "Chain {{chain_id.name}} has {{value}} operators in its pool" +
      ` over ${windowMinutes} minutes.`,
    impact: "no operator can sign; every task on this chain fails.",
    dashboard: "chains",
    thresholds: { critical: 0, warning: params.warnAtOperators ?? 1 },
    query: (t) =>
      monitorQuery({
        aggregator: "max",
        windowMinutes,
        expression: series(metrics.operatorPoolSize, {
          space: "min",
          filter: envFilter(ctx),
          by: ["chain_id"],
        }),
        comparator: "<=",
        threshold: t.critical,
      }),
    priority: params.priority ?? 1,
    noData: { kind: "notify", afterMinutes: windowMinutes * 2 },
    instance: params,
  });
}
