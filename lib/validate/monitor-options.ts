import type { MonitorSpec } from "../model/monitor.js";

/** An option's value and the spec field it was set in. */
export interface SetOption {
  readonly value: unknown;
  /** Field path in the spec, e.g. `evaluationDelaySeconds`. */
  readonly path: string;
}

/**
 * The Datadog options a spec ends up with, whether set through typed
 * fields or through `extraOptions` (Terraform attribute names, as imported
 * monitors carry them). `extraOptions` is applied last at render, so it
 * wins when both are set. Unset options are absent.
 */
export interface MonitorOptions {
  readonly evaluationDelay?: SetOption;
  readonly newGroupDelay?: SetOption;
  readonly renotifyInterval?: SetOption;
  readonly notifyNoData?: SetOption;
  readonly noDataTimeframe?: SetOption;
  readonly onMissingData?: SetOption;
}

/** Terraform attribute name of each option. */
export const OPTION_ATTRIBUTES = {
  evaluationDelay: "evaluation_delay",
  newGroupDelay: "new_group_delay",
  renotifyInterval: "renotify_interval",
  notifyNoData: "notify_no_data",
  noDataTimeframe: "no_data_timeframe",
  onMissingData: "on_missing_data",
} as const satisfies Record<keyof MonitorOptions, string>;

const cache = new WeakMap<MonitorSpec, MonitorOptions>();

/** The options of a spec, computed once per spec. */
export function monitorOptions(spec: MonitorSpec): MonitorOptions {
  let options = cache.get(spec);
  if (!options) {
    options = { ...typedOptions(spec), ...extraOptions(spec) };
    cache.set(spec, options);
  }
  return options;
}

function typedOptions(spec: MonitorSpec): MonitorOptions {
  const out: Record<string, SetOption> = {};
  const set = (key: keyof MonitorOptions, value: unknown, path: string) => {
    if (value !== undefined) out[key] = { value, path };
  };

  set("evaluationDelay", spec.evaluationDelaySeconds, "evaluationDelaySeconds");
  set("newGroupDelay", spec.newGroupDelaySeconds, "newGroupDelaySeconds");
  set(
    "renotifyInterval",
    spec.renotifyIntervalMinutes,
    "renotifyIntervalMinutes",
  );
  switch (spec.noData?.kind) {
    case "notify":
      set("notifyNoData", true, "noData.kind");
      set("noDataTimeframe", spec.noData.afterMinutes, "noData.afterMinutes");
      break;
    case "ignore":
      set("notifyNoData", false, "noData.kind");
      break;
    case "missing-data":
      set("onMissingData", spec.noData.onMissingData, "noData.onMissingData");
      break;
  }
  return out;
}

function extraOptions(spec: MonitorSpec): MonitorOptions {
  const extra = spec.extraOptions;
  if (!extra) return {};
  const out: Record<string, SetOption> = {};
  for (const [key, attribute] of Object.entries(OPTION_ATTRIBUTES)) {
    if (extra[attribute] !== undefined) {
      out[key] = { value: extra[attribute], path: `extraOptions.${attribute}` };
    }
  }
  return out;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * An option's value as a number. Terraform converts a numeric string to
 * the number an attribute expects, so an imported `"10"` counts as 10;
 * anything else is `undefined`.
 */
export function optionNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && NUMERIC.test(value)) return Number(value);
  return undefined;
}
