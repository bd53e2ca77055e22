import type { TimeAggregator } from "../query/ast.js";

/**
 * The q-quantile (0..1) of samples by nearest rank: the smallest sample
 * with at least `q` of all samples at or below it. Datadog answers from a
 * DDSketch with about 1% relative error
 * (https://docs.datadoghq.com/metrics/distributions/), so a threshold that
 * sits within 1% of a sample may compare differently there.
 */
export function quantile(samples: ArrayLike<number>, q: number): number {
  const n = samples.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
  return sorted[rank - 1]!;
}

/**
 * Reduces the values in minutes `[from, to)` with a monitor's time
 * aggregator, skipping gaps (NaN). NaN when the window holds no value.
 * https://docs.datadoghq.com/monitors/configuration/#aggregation-method
 */
export function reduceWindow(
  values: Float64Array,
  from: number,
  to: number,
  aggregator: Exclude<TimeAggregator, "percentile">,
): number {
  let n = 0;
  let acc = 0;
  let last = Number.NaN;
  const start = Math.max(0, from);
  const end = Math.min(values.length, to);
  for (let m = start; m < end; m++) {
    const v = values[m]!;
    if (Number.isNaN(v)) continue;
    if (n === 0) acc = v;
    else if (aggregator === "min") acc = Math.min(acc, v);
    else if (aggregator === "max") acc = Math.max(acc, v);
    else acc += v;
    last = v;
    n++;
  }
  if (n === 0) return Number.NaN;
  if (aggregator === "avg") return acc / n;
  if (aggregator === "last") return last;
  return acc;
}

/** Running count of flagged minutes, for O(1) "any data in window?". */
export function prefixCount(flags: Uint8Array): Int32Array {
  const out = new Int32Array(flags.length + 1);
  for (let m = 0; m < flags.length; m++) out[m + 1] = out[m]! + flags[m]!;
  return out;
}

/** Flagged minutes in `[from, to)` from a `prefixCount` array. */
export function countIn(prefix: Int32Array, from: number, to: number): number {
  const last = prefix.length - 1;
  const a = Math.min(last, Math.max(0, from));
  const b = Math.min(last, Math.max(0, to));
  return b > a ? prefix[b]! - prefix[a]! : 0;
}
