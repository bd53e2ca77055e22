import { formatNumber } from "../model/format-number.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";
import { formatQuery } from "../query/format.js";
import { cleanText, escapeTerraform } from "./escape.js";

/**
 * The attributes of a `datadog_monitor` resource for a spec, in the
 * provider's camelCase field names. Pure data, so it is tested without
 * synthesizing; `render/stack.ts` hands it to the provider binding.
 *
 * Only fields the spec sets are emitted: the provider fills its own
 * defaults, and emitting a default explicitly is harmless but noisy.
 */
export interface MonitorAttributes {
  readonly name: string;
  readonly type: string;
  readonly query: string;
  readonly message: string;
  readonly tags: string[];
  readonly priority?: string;
  readonly monitorThresholds: Partial<Record<keyof Thresholds, string>>;
  readonly notifyNoData?: boolean;
  readonly noDataTimeframe?: number;
  readonly onMissingData?: string;
  readonly evaluationDelay?: number;
  readonly newGroupDelay?: number;
  readonly requireFullWindow?: boolean;
  readonly renotifyInterval?: number;
  readonly notifyBy?: string[];
}

/** Query text for any spec: formatted from the tree, or raw as given. */
export function queryText(spec: MonitorSpec): string {
  return spec.query.kind === "raw" ? spec.query.text : formatQuery(spec.query);
}

export function monitorAttributes(spec: MonitorSpec): MonitorAttributes {
  return {
    name: cleanText(spec.name),
    type: spec.type,
    query: escapeTerraform(queryText(spec).trim()),
    message: cleanText(spec.message),
    tags: [...spec.tags].map(escapeTerraform).sort(),
    ...(spec.priority !== undefined ? { priority: String(spec.priority) } : {}),
    monitorThresholds: thresholdStrings(spec.thresholds),
    ...noDataAttributes(spec),
    ...(spec.evaluationDelaySeconds !== undefined
      ? { evaluationDelay: spec.evaluationDelaySeconds }
      : {}),
    ...(spec.newGroupDelaySeconds !== undefined
      ? { newGroupDelay: spec.newGroupDelaySeconds }
      : {}),
    ...(spec.requireFullWindow !== undefined
      ? { requireFullWindow: spec.requireFullWindow }
      : {}),
    ...(spec.renotifyIntervalMinutes !== undefined
      ? { renotifyInterval: spec.renotifyIntervalMinutes }
      : {}),
    ...(spec.notifyBy ? { notifyBy: [...spec.notifyBy] } : {}),
  };
}

/**
 * The provider types thresholds as strings; they are written as plain
 * decimals so Terraform and Datadog read back exactly what we wrote.
 */
export function thresholdStrings(
  thresholds: Thresholds,
): Partial<Record<keyof Thresholds, string>> {
  const order: (keyof Thresholds)[] = [
    "critical",
    "criticalRecovery",
    "warning",
    "warningRecovery",
    "ok",
    "unknown",
  ];
  return Object.fromEntries(
    order
      .filter((key) => thresholds[key] !== undefined)
      .map((key) => [key, formatNumber(thresholds[key]!)]),
  );
}

function noDataAttributes(spec: MonitorSpec) {
  switch (spec.noData?.kind) {
    case "notify":
      return { notifyNoData: true, noDataTimeframe: spec.noData.afterMinutes };
    case "ignore":
      return { notifyNoData: false };
    case "missing-data":
      return { onMissingData: spec.noData.onMissingData };
    case undefined:
      return {};
  }
}
