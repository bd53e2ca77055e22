import type { ThresholdOverride } from "./environment.js";
import type { Thresholds } from "./monitor.js";

/**
 * A factory's thresholds with an environment's override merged over them
 * key by key: a key the override sets replaces the factory's value, `null`
 * removes it, and keys it leaves out keep the factory's value.
 */
export function applyOverride(
  defaults: Thresholds,
  override: ThresholdOverride,
): Thresholds {
  const merged: Record<string, number> = { ...defaults };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return merged as unknown as Thresholds;
}
