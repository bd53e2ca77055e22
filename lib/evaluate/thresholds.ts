import type { Comparator } from "../query/ast.js";
import type { MonitorState } from "./types.js";

/** A monitor's comparator and thresholds, in the query's unit. */
export interface ThresholdRules {
  readonly comparator: Comparator;
  readonly critical: number;
  readonly warning?: number;
  readonly criticalRecovery?: number;
  readonly warningRecovery?: number;
}

/**
 * Whether `value <comparator> threshold` holds. `==` and `!=` compare
 * exactly, for gauges with discrete values; the API lists all six
 * (https://docs.datadoghq.com/api/latest/monitors/#create-a-monitor).
 */
export function breaches(
  comparator: Comparator,
  value: number,
  threshold: number,
) {
  switch (comparator) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case "==":
      return value === threshold;
    case "!=":
      return value !== threshold;
  }
}

/**
 * Whether a value has passed a recovery threshold: `>` recovers at `<=`,
 * `>=` at `<`, `<` at `>=`, `<=` at `>`
 * (https://docs.datadoghq.com/monitors/guide/recovery-thresholds/).
 * The page gives no direction for `==` and `!=`, so `recoveryProblem`
 * rejects a recovery threshold with them before evaluation starts.
 */
export function passesRecovery(
  comparator: Comparator,
  value: number,
  recovery: number,
) {
  switch (comparator) {
    case ">":
      return value <= recovery;
    case ">=":
      return value < recovery;
    case "<":
      return value >= recovery;
    case "<=":
      return value > recovery;
    case "==":
    case "!=":
      throw new Error(`no recovery direction for ${comparator}`);
  }
}

/**
 * Why these rules cannot be evaluated, if they cannot: a recovery
 * threshold with `==` or `!=`, which the recovery-thresholds page does not
 * define. Returns the rule's path and message.
 */
export function recoveryProblem(
  rules: ThresholdRules,
): { path: string; message: string } | undefined {
  if (rules.comparator !== "==" && rules.comparator !== "!=") return undefined;
  const field =
    rules.criticalRecovery !== undefined
      ? "criticalRecovery"
      : rules.warningRecovery !== undefined
        ? "warningRecovery"
        : undefined;
  if (!field) return undefined;
  return {
    path: `thresholds.${field}`,
    message: `expected no recovery threshold with "${rules.comparator}", got ${rules[field]}`,
  };
}

/**
 * The state after comparing one value. Without a recovery threshold a
 * state ends as soon as its condition no longer holds; with one, it ends
 * only once the value passes the recovery threshold (hysteresis). The
 * warning recovery threshold applies to a group that is in WARN; a group
 * leaving ALERT goes to WARN only when the value meets the warning
 * threshold itself.
 */
export function nextState(
  previous: MonitorState,
  value: number,
  rules: ThresholdRules,
): MonitorState {
  const { comparator: c } = rules;
  const holdsAlert =
    previous === "ALERT" &&
    rules.criticalRecovery !== undefined &&
    !passesRecovery(c, value, rules.criticalRecovery);
  if (breaches(c, value, rules.critical) || holdsAlert) return "ALERT";

  if (rules.warning === undefined) return "OK";
  const holdsWarn =
    previous === "WARN" &&
    rules.warningRecovery !== undefined &&
    !passesRecovery(c, value, rules.warningRecovery);
  return breaches(c, value, rules.warning) || holdsWarn ? "WARN" : "OK";
}
