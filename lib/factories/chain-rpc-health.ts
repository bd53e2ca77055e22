import { metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { ChainConfig } from "../model/environment.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";
import { expr, monitorQuery, series } from "../query/builder.js";
import { envFilter, type MonitorInstance, monitorSpec } from "./common.js";
import { type Schema, optional } from "../config/schema-kit.js";
import {
  factoryOptions,
  optionsSchema,
  thresholdsOption,
  minutesOption,
  priorityOption,
} from "./options.js";

export interface ChainRpcHealthParams extends MonitorInstance {
  /** Percent of RPC calls that fail. */
  readonly errorRatePercent: Thresholds;
  /**
   * How far behind the chain head the gateway may fall, in seconds. Each
   * chain's threshold in blocks is this divided by its block time, so a
   * 2-second chain tolerates six times the blocks of a 12-second chain.
   */
  readonly maxLagSeconds: Thresholds;
  /** @default 10 */
  readonly windowMinutes?: number;
  /** @default 2 */
  readonly priority?: number;
}

const OPTIONS: Schema<ChainRpcHealthParams> = optionsSchema({
  errorRatePercent: thresholdsOption,
  maxLagSeconds: thresholdsOption,
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

const blocks = (seconds: number, chain: ChainConfig) =>
  Math.max(1, Math.ceil(seconds / chain.blockTimeSeconds));

/**
 * Per chain, two monitors: RPC error rate and block-height lag. They are
 * one monitor per chain (ids `chain-rpc-errors-<id>`, `chain-block-lag-<id>`)
 * because the lag threshold in blocks differs by chain.
 */
export function chainRpcHealth(
  ctx: MonitorContext,
  params: ChainRpcHealthParams,
): MonitorSpec[] {
  params = factoryOptions("chainRpcHealth", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 10;
  const priority = params.priority ?? 2;

  return ctx.env.chains.flatMap((chain) => {
    const filter = { ...envFilter(ctx), chain_id: chain.id };
    const count = (m: typeof metrics.rpcErrors) =>
      series(m, { space: "sum", filter }).asCount();
    const lag = params.maxLagSeconds;

    return [
      monitorSpec(ctx, {
        id: `chain-rpc-errors-${chain.id}`,
        name: `RPC errors high on ${chain.name}`,
        service: "gateway",
        summary:
          `{{value}}% of RPC calls to ${chain.name} (${chain.id}) failed` +
          ` over ${windowMinutes} minutes (alerts at {{threshold}}%).`,
        impact: `tasks on ${chain.name} fail or stall while its RPC errs.`,
        runbook: "chain-rpc-errors",
        instance: params,
        instanceSuffix: {
          id: `rpc-errors-${chain.id}`,
          name: `(RPC errors on ${chain.name})`,
        },
        dashboard: "chains",
        thresholds: params.errorRatePercent,
        query: (t) =>
          monitorQuery({
            aggregator: "sum",
            windowMinutes,
            expression: expr.div(
              expr.mul(100, count(metrics.rpcErrors)),
              count(metrics.rpcRequests),
            ),
            comparator: ">",
            threshold: t.critical,
          }),
        priority,
        noData: { kind: "notify", afterMinutes: windowMinutes * 2 },
        extraTags: [`chain_id:${chain.id}`],
      }),
      monitorSpec(ctx, {
        id: `chain-block-lag-${chain.id}`,
        name: `Block lag high on ${chain.name}`,
        service: "chain-watcher",
        summary:
          `The gateway is {{value}} blocks behind the ${chain.name} head` +
          ` (alerts at {{threshold}} blocks, ${lag.critical}s).`,
        impact: `tasks on ${chain.name} see stale chain state.`,
        runbook: "chain-block-lag",
        instance: params,
        instanceSuffix: {
          id: `block-lag-${chain.id}`,
          name: `(block lag on ${chain.name})`,
        },
        dashboard: "chains",
        thresholds: {
          critical: blocks(lag.critical, chain),
          ...(lag.warning !== undefined
            ? { warning: blocks(lag.warning, chain) }
            : {}),
        },
        query: (t) =>
          monitorQuery({
            aggregator: "min",
            windowMinutes: 5,
            expression: series(metrics.chainBlockLag, { space: "max", filter }),
            comparator: ">=",
            threshold: t.critical,
          }),
        priority,
        noData: { kind: "notify", afterMinutes: 10 },
        extraTags: [`chain_id:${chain.id}`],
      }),
    ];
  });
}
