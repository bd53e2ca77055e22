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

export interface TxSubmissionExhaustedParams extends MonitorInstance {
  /** Submissions that used every retry, per window. @default critical 1 */
  readonly exhausted?: Thresholds;
  /** @default 15 */
  readonly windowMinutes?: number;
  /** @default 1 */
  readonly priority?: number;
}

const OPTIONS: Schema<TxSubmissionExhaustedParams> = optionsSchema({
  exhausted: optional(thresholdsOption),
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts per chain when a transaction submission gives up after its last
 * retry (`tx_submission_exhausted_total`): a result never lands on chain.
 */
export function txSubmissionExhausted(
  ctx: MonitorContext,
  params: TxSubmissionExhaustedParams = {},
): MonitorSpec {
  params = factoryOptions("txSubmissionExhausted", OPTIONS, params);
  const windowMinutes = params.windowMinutes ?? 15;

  return monitorSpec(ctx, {
    id: "tx-submission-exhausted",
    name: "Transaction submissions exhausted retries on chain {{chain_id.name}}",
    service: "transporter",
    summary:
      "{{value}} transaction submission(s) on chain {{chain_id.name}}" +
      ` used every retry in ${windowMinutes} minutes.`,
    impact: "task results are not delivered on chain; users wait or lose fees.",
    dashboard: "internals",
    thresholds: params.exhausted ?? { critical: 1 },
    query: (t) =>
      monitorQuery({
        aggregator: "sum",
        windowMinutes,
        expression: series(metrics.txSubmissionExhausted, {
          space: "sum",
          filter: envFilter(ctx),
          by: ["chain_id"],
        }).asCount(),
        comparator: ">=",
        threshold: t.critical,
      }),
    priority: params.priority ?? 1,
    // The counter only reports when a submission gives up. A sparse
    // counter never fills a window, so a full window must not be required,
    // and once it goes quiet "evaluate as zero" resolves the alert;
    // skipping empty windows would keep it alerting forever
    // (https://docs.datadoghq.com/monitors/configuration/#auto-resolve).
    noData: { kind: "missing-data", onMissingData: "default" },
    requireFullWindow: false,
    instance: params,
  });
}
