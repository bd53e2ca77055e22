import { metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { MonitorSpec } from "../model/monitor.js";
import { monitorQuery, series } from "../query/builder.js";
import { envFilter, type MonitorInstance, monitorSpec } from "./common.js";
import { type Schema, optional } from "../config/schema-kit.js";
import {
  factoryOptions,
  optionsSchema,
  minutesOption,
  priorityOption,
} from "./options.js";

/** Gauge values of `circuit_breaker_state`. */
export const BREAKER_STATE = { closed: 0, halfOpen: 1, open: 2 } as const;

export interface CircuitBreakerOpenParams extends MonitorInstance {
  /** Minutes a breaker must stay open before alerting. @default 5 */
  readonly windowMinutes?: number;
  /** @default 2 */
  readonly priority?: number;
}

const OPTIONS: Schema<CircuitBreakerOpenParams> = optionsSchema({
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts per chain and breaker when a circuit breaker stays open for the
 * whole window (`min` over the window is "open"). A half-open breaker
 * probing for recovery warns instead.
 */
export function circuitBreakerOpen(
  ctx: MonitorContext,
  params: CircuitBreakerOpenParams = {},
): MonitorSpec {
  params = factoryOptions("circuitBreakerOpen", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 5;

  return monitorSpec(ctx, {
    id: "circuit-breaker-open",
    name: "Circuit breaker {{breaker.name}} open on chain {{chain_id.name}}",
    service: "gateway",
    summary:
      "Circuit breaker {{breaker.name}} on chain {{chain_id.name}} has" +
      ` been open for ${windowMinutes} minutes.`,
    impact: "the gateway rejects tasks that need this dependency.",
    dashboard: "internals",
    thresholds: {
      critical: BREAKER_STATE.open,
      warning: BREAKER_STATE.halfOpen,
    },
    query: (t) =>
      monitorQuery({
        aggregator: "min",
        windowMinutes,
        expression: series(metrics.circuitBreakerState, {
          space: "max",
          filter: envFilter(ctx),
          by: ["chain_id", "breaker"],
        }),
        comparator: ">=",
        threshold: t.critical,
      }),
    priority: params.priority ?? 2,
    noData: {
      kind: "ignore",
      reason:
        "gateway health has its own monitors; a missing gauge is not open",
    },
    instance: params,
  });
}
