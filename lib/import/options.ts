import { quote } from "../model/diagnostic.js";
import { convertBlocks } from "./blocks.js";
import type { Problems } from "./problems.js";

/**
 * Monitor options as the Datadog API returns them, turned into what a
 * definition states: typed spec fields where the model has one, other
 * `datadog_monitor` arguments by their Terraform names, and nothing for a
 * value the provider would send anyway. A value is dropped when it equals
 * the provider's default for an omitted argument, or when it is the zero
 * value of an argument the provider sends only when non-zero (provider
 * 3.82.0, `buildMonitorStruct` in `resource_datadog_monitor.go`), so the
 * first apply changes nothing and the file shows only what matters.
 * https://registry.terraform.io/providers/DataDog/datadog/3.82.0/docs/resources/monitor
 */

type Kind = "boolean" | "integer" | "string" | "strings";

interface Rule {
  readonly kind: Kind;
  /** Dropped when equal to this (the provider default or its zero). */
  readonly omitted: unknown;
  /** The typed spec field, when the model has one. */
  readonly field?: TypedField;
}

/** Spec fields an option maps to, where the model has a typed one. */
export type TypedField =
  | "evaluationDelaySeconds"
  | "newGroupDelaySeconds"
  | "requireFullWindow"
  | "renotifyIntervalMinutes"
  | "notifyBy";

/** API option name (also its Terraform name) and how it is carried. */
export const OPTION_RULES: Readonly<Record<string, Rule>> = {
  include_tags: { kind: "boolean", omitted: true },
  notify_audit: { kind: "boolean", omitted: false },
  require_full_window: {
    kind: "boolean",
    omitted: true,
    field: "requireFullWindow",
  },
  new_group_delay: {
    kind: "integer",
    omitted: 0,
    field: "newGroupDelaySeconds",
  },
  new_host_delay: { kind: "integer", omitted: 300 },
  evaluation_delay: {
    kind: "integer",
    omitted: 0,
    field: "evaluationDelaySeconds",
  },
  renotify_interval: {
    kind: "integer",
    omitted: 0,
    field: "renotifyIntervalMinutes",
  },
  renotify_occurrences: { kind: "integer", omitted: 0 },
  renotify_statuses: { kind: "strings", omitted: [] },
  timeout_h: { kind: "integer", omitted: 0 },
  escalation_message: { kind: "string", omitted: "" },
  enable_logs_sample: { kind: "boolean", omitted: false },
  enable_samples: { kind: "boolean", omitted: false },
  groupby_simple_monitor: { kind: "boolean", omitted: false },
  group_retention_duration: { kind: "string", omitted: "" },
  // The API's default; the provider sends nothing when it is omitted.
  notification_preset_name: { kind: "string", omitted: "show_all" },
  notify_by: { kind: "strings", omitted: [], field: "notifyBy" },
  locked: { kind: "boolean", omitted: false },
};

/**
 * Options read elsewhere (thresholds, no data) or dropped on purpose:
 * `silenced` is muting, which downtimes manage outside this project, and
 * log monitors from the UI carry display-only threshold fields.
 */
const HANDLED = new Set([
  "thresholds",
  "notify_no_data",
  "no_data_timeframe",
  "on_missing_data",
  "threshold_windows",
  "scheduling_options",
  "variables",
  "silenced",
  "restriction_query",
]);

/** Options split into typed spec fields and other Terraform arguments. */
export interface ConvertedOptions {
  readonly typed: Partial<Record<TypedField, unknown>>;
  /** Other arguments by Terraform name. */
  readonly extra: Record<string, unknown>;
}

/** Converts every option except thresholds and the no-data ones. */
export function convertOptions(
  options: Readonly<Record<string, unknown>>,
  problems: Problems,
): ConvertedOptions {
  const typed: Partial<Record<TypedField, unknown>> = {};
  const extra: Record<string, unknown> = {};

  for (const [key, raw] of Object.entries(options)) {
    const rule = OPTION_RULES[key];
    if (!rule) {
      if (!HANDLED.has(key)) unknownOption(key, problems);
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const value = coerce(raw, rule.kind, `options.${key}`, problems);
    if (value === undefined || sameValue(value, rule.omitted)) continue;
    if (rule.field) typed[rule.field] = value;
    else extra[key] = value;
  }

  const silenced = options["silenced"];
  if (isObject(silenced) && Object.keys(silenced).length > 0) {
    problems.warn(
      "options.silenced",
      `expected no muted scopes, got ${quote(silenced)}; left out: mute with a downtime, which the deploy leaves alone`,
    );
  }
  if (options["restriction_query"] != null) {
    problems.error(
      "options.restriction_query",
      `expected null (provider 3.82.0 cannot set it), got ${quote(options["restriction_query"])}`,
    );
  }
  Object.assign(extra, convertBlocks(options, problems));
  return { typed, extra };
}

function unknownOption(key: string, problems: Problems) {
  problems.error(
    `options.${key}`,
    "expected an option the datadog_monitor resource manages, got an unknown one",
    "remove it from the JSON if Datadog ignores it, or add it to lib/import/options.ts",
  );
}

/**
 * A value of the expected kind. Numeric strings count as numbers, as
 * Terraform converts them (some exports carry `"renotify_interval": "0"`).
 */
export function coerce(
  value: unknown,
  kind: Kind,
  path: string,
  problems: Problems,
): unknown {
  switch (kind) {
    case "boolean":
      if (typeof value === "boolean") return value;
      break;
    case "integer": {
      const n = toNumber(value);
      if (n !== undefined && Number.isInteger(n) && n >= 0) return n;
      problems.error(
        path,
        `expected a whole number, at least 0, got ${quote(value)}`,
      );
      return undefined;
    }
    case "string":
      if (typeof value === "string") return value;
      break;
    case "strings":
      if (Array.isArray(value) && value.every((v) => typeof v === "string"))
        return [...(value as string[])].sort();
      break;
  }
  const expected = {
    boolean: "true or false",
    string: "a string",
    strings: "a list of strings",
  }[kind];
  problems.error(path, `expected ${expected}, got ${quote(value)}`);
  return undefined;
}

/** A number, or a string holding a plain decimal number. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim()))
    return Number(value);
  return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
