import { quote } from "../model/diagnostic.js";
import type { NoDataPolicy, Thresholds } from "../model/monitor.js";
import { windowMinutes } from "../query/builder.js";
import type { ParsedQuery } from "../query/parse.js";
import { coerce, isObject, toNumber } from "./options.js";
import type { Problems } from "./problems.js";

/** Threshold names in the API and in the model. */
const THRESHOLD_KEYS: Readonly<Record<string, keyof Thresholds>> = {
  critical: "critical",
  warning: "warning",
  critical_recovery: "criticalRecovery",
  warning_recovery: "warningRecovery",
  ok: "ok",
  unknown: "unknown",
};

/** Display-only fields the UI stores in log monitors' thresholds. */
const THRESHOLD_DISPLAY = new Set(["period", "comparison", "timeAggregator"]);

/** `options.thresholds` in the model's names; numeric strings count. */
export function readThresholds(value: unknown, problems: Problems) {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    problems.error(
      "options.thresholds",
      `expected an object, got ${quote(value)}`,
    );
    return undefined;
  }
  const out: Partial<Record<keyof Thresholds, number>> = {};
  for (const [key, raw] of Object.entries(value)) {
    const field = THRESHOLD_KEYS[key];
    if (THRESHOLD_DISPLAY.has(key) || raw === null || raw === undefined) {
      continue;
    }
    if (!field) {
      problems.error(
        `options.thresholds.${key}`,
        `expected one of ${Object.keys(THRESHOLD_KEYS).join(", ")}, got an unknown key`,
      );
      continue;
    }
    const n = toNumber(raw);
    if (n === undefined) {
      problems.error(
        `options.thresholds.${key}`,
        `expected a number, got ${quote(raw)}`,
      );
      continue;
    }
    out[field] = n;
  }
  return out;
}

/** Minutes of the query's evaluation window, when it has one. */
function queryWindowMinutes(parsed: ParsedQuery): number | undefined {
  switch (parsed.kind) {
    case "metric-monitor": {
      const r = parsed.reducer;
      return windowMinutes(r.kind === "time" ? r.window : r.inner.window);
    }
    case "search":
    case "formula":
      return windowMinutes(parsed.window);
    default:
      return undefined;
  }
}

/**
 * The no-data decision. `on_missing_data` (other than "default") wins, as
 * the provider sends nothing else beside it; `notify_no_data: true` is
 * "notify", with Datadog's own timeframe (twice the window) when the
 * export has none, since the provider would otherwise send 10 minutes.
 * Not notifying is Datadog's default and states nothing.
 */
export function readNoData(
  options: Record<string, unknown>,
  parsed: ParsedQuery,
  problems: Problems,
): NoDataPolicy | undefined {
  const missing = options["on_missing_data"];
  if (missing !== undefined && missing !== null && missing !== "default") {
    const allowed = ["show_no_data", "show_and_notify_no_data", "resolve"];
    if (typeof missing === "string" && allowed.includes(missing)) {
      return {
        kind: "missing-data",
        onMissingData: missing as "show_no_data",
      };
    }
    problems.error(
      "options.on_missing_data",
      `expected one of default, ${allowed.join(", ")}, got ${quote(missing)}`,
    );
    return undefined;
  }
  const notify = options["notify_no_data"];
  if (notify === undefined || notify === null || notify === false) {
    return undefined;
  }
  if (notify !== true) {
    problems.error(
      "options.notify_no_data",
      `expected true or false, got ${quote(notify)}`,
    );
    return undefined;
  }
  const raw = options["no_data_timeframe"];
  if (raw === undefined || raw === null) {
    const window = queryWindowMinutes(parsed);
    return { kind: "notify", afterMinutes: window ? 2 * window : 10 };
  }
  const minutes = coerce(raw, "integer", "options.no_data_timeframe", problems);
  return typeof minutes === "number"
    ? { kind: "notify", afterMinutes: minutes }
    : undefined;
}
