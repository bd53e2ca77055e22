import type { MonitorContext } from "../model/definition.js";
import { type ImportIds, importIdFor } from "../model/import-ids.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";

/**
 * A monitor given field by field, for what no factory describes: monitors
 * adopted from the Datadog UI (`npm run import`) and one-off monitors.
 * The query is text; the `query-parse` check reads it with the monitor
 * type's grammar at synth.
 */
export interface RawMonitorParams extends Pick<
  MonitorSpec,
  | "id"
  | "name"
  | "type"
  | "message"
  | "priority"
  | "noData"
  | "evaluationDelaySeconds"
  | "newGroupDelaySeconds"
  | "requireFullWindow"
  | "renotifyIntervalMinutes"
  | "notifyBy"
  | "ignoreChecks"
> {
  /** The query exactly as Datadog reads it. */
  readonly query: string;
  /**
   * In the query's unit. `critical` is the number in the query; composite
   * monitors have none, service checks count runs.
   */
  readonly thresholds?: Partial<Thresholds>;
  readonly tags?: readonly string[];
  /**
   * Any other `datadog_monitor` argument, by its Terraform name, e.g.
   * `{ include_tags: false, timeout_h: 1 }`; blocks as objects.
   */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Existing Datadog monitors to adopt, by environment name. */
  readonly importIds?: ImportIds;
}

/** Turns raw parameters into a spec; nothing is derived or added. */
export function rawMonitor(
  ctx: MonitorContext,
  params: RawMonitorParams,
): MonitorSpec {
  const { options, importIds, query, thresholds, ...rest } = params;
  const importId = importIdFor(importIds, ctx.env);
  const spec = {
    ...rest,
    query: { kind: "raw", text: query },
    // Composite monitors have no critical threshold: the query combines
    // other monitors' states. The render writes only the keys present.
    thresholds: (thresholds ?? {}) as Thresholds,
    tags: params.tags ?? [],
    ...(options && Object.keys(options).length
      ? { extraOptions: options }
      : {}),
    ...(importId !== undefined ? { importId } : {}),
  };
  return spec as MonitorSpec;
}
