import type { MetricKind } from "../catalog/metrics.js";
import type { Series } from "../query/ast.js";
import type { ProblemList } from "./errors.js";
import { quantile } from "./reduce.js";
import { matchesScope } from "./scope-match.js";
import type { Source } from "./sources.js";

/** One group of one series, on the minute grid. */
export interface GroupData {
  /** After space aggregation and modifiers; NaN where there is no value. */
  readonly values: Float64Array;
  /** 1 where a real point (not a filled one) reached Datadog. */
  readonly present: Uint8Array;
  /** Distributions: the merged samples of each minute. */
  readonly samples?: readonly (readonly number[] | null)[];
}

/** A series of the query, split into its groups. */
export interface LeafData {
  readonly series: Series;
  /** A count queried with as_count()/as_rate(): gaps align as 0. */
  readonly countAligned: boolean;
  readonly groups: ReadonlyMap<string, GroupData>;
}

/** Default gauge interpolation: linear, up to 300 s after a sample. */
const DEFAULT_FILL = { mode: "linear", limitMinutes: 5 } as const;

/**
 * Checks that each series is queried in a way its metric kind allows
 * (https://docs.datadoghq.com/metrics/custom_metrics/type_modifiers/).
 */
export function checkLeafKinds(
  leaves: readonly Series[],
  kindOf: (metric: string) => MetricKind,
  problems: ProblemList,
): void {
  leaves.forEach((s, i) => {
    const at = `query.series[${i}] (${s.metric})`;
    const kind = kindOf(s.metric);
    const names = s.modifiers.map((m) => m.name);
    const percentile = s.space.startsWith("p");
    if (
      kind === "count" &&
      !names.some((n) => n === "as_count" || n === "as_rate")
    ) {
      problems.add(
        "evaluate-query",
        at,
        "expected .as_count() or .as_rate() on a count metric, got neither",
        "write the modifier; the default differs between the UI and the API",
      );
    }
    if (kind !== "distribution" && percentile) {
      problems.add(
        "evaluate-query",
        `${at}.space`,
        `expected avg, sum, min or max on a ${kind} metric, got "${s.space}"`,
        "percentiles need a distribution metric",
      );
    }
    if (kind === "distribution" && names.length > 0) {
      problems.add(
        "evaluate-unsupported",
        `${at}.modifiers`,
        `expected no modifiers on a distribution, got .${names.join("(), .")}()`,
      );
    }
  });
}

/** Whether a series' gaps count as 0 next to other operands. */
export function isCountAligned(s: Series, kind: MetricKind): boolean {
  return (
    kind === "count" &&
    s.modifiers.some((m) => m.name === "as_count" || m.name === "as_rate")
  );
}

/**
 * Selects the sources a series' scope matches, groups them by its `by`
 * tags, fills gaps, aggregates across sources per minute and applies
 * `as_rate`. Points after `visibleUntil(source)` have not arrived yet.
 */
export function buildLeaf(
  series: Series,
  kind: MetricKind,
  sources: readonly Source[],
  length: number,
  visibleUntil: (source: Source) => number,
): LeafData {
  const byGroup = new Map<string, Source[]>();
  for (const source of sources) {
    if (source.metric !== series.metric) continue;
    if (!matchesScope(series.scope, source.tags)) continue;
    const key = groupKey(series.groupBy, source.tags);
    byGroup.set(key, [...(byGroup.get(key) ?? []), source]);
  }

  const groups = new Map<string, GroupData>();
  for (const [key, members] of byGroup) {
    const data =
      kind === "distribution"
        ? aggregateSamples(series.space, members, length, visibleUntil)
        : aggregateValues(series, kind, members, length, visibleUntil);
    groups.set(key, data);
  }
  return { series, countAligned: isCountAligned(series, kind), groups };
}

/** `chain_id:8453,breaker:rpc`, `*` when not grouped, `N/A` when untagged. */
export function groupKey(
  by: readonly string[],
  tags: ReadonlyMap<string, string>,
) {
  if (by.length === 0) return "*";
  return by.map((k) => `${k}:${tags.get(k.toLowerCase()) ?? "N/A"}`).join(",");
}

function aggregateValues(
  series: Series,
  kind: MetricKind,
  members: readonly Source[],
  length: number,
  visibleUntil: (source: Source) => number,
): GroupData {
  const names = series.modifiers.map((m) => m.name);
  const fillArgs = series.modifiers.find((m) => m.name === "fill")?.args;
  const fill = fillArgs
    ? {
        mode: String(fillArgs[0]),
        limitMinutes: Number(fillArgs[1] ?? 300) / 60,
      }
    : kind === "gauge"
      ? DEFAULT_FILL
      : undefined;
  const rollup = series.modifiers.find((m) => m.name === "rollup");
  const countsPoints = rollup?.args[0] === "count";

  const present = new Uint8Array(length);
  const perSource = members.map((source) => {
    const until = Math.min(length - 1, visibleUntil(source));
    const own = new Float64Array(length).fill(Number.NaN);
    for (let m = Math.max(0, source.firstMinute); m <= until; m++) {
      const v = source.values[m]!;
      if (Number.isNaN(v)) continue;
      own[m] = countsPoints ? 1 : v;
      present[m] = 1;
    }
    return fill ? fillGaps(own, fill.mode, fill.limitMinutes) : own;
  });

  const values = new Float64Array(length).fill(Number.NaN);
  for (let m = 0; m < length; m++) {
    values[m] = spaceAggregate(series.space, perSource, m);
  }
  if (kind === "count" && names.includes("as_rate")) {
    for (let m = 0; m < length; m++) values[m] = values[m]! / 60;
  }
  return { values, present };
}

function spaceAggregate(space: string, perSource: Float64Array[], m: number) {
  let n = 0;
  let acc = 0;
  for (const own of perSource) {
    const v = own[m]!;
    if (Number.isNaN(v)) continue;
    if (n === 0) acc = v;
    else if (space === "min") acc = Math.min(acc, v);
    else if (space === "max") acc = Math.max(acc, v);
    else acc += v;
    n++;
  }
  if (n === 0) return Number.NaN;
  return space === "avg" ? acc / n : acc;
}

function aggregateSamples(
  space: string,
  members: readonly Source[],
  length: number,
  visibleUntil: (source: Source) => number,
): GroupData {
  const present = new Uint8Array(length);
  const values = new Float64Array(length).fill(Number.NaN);
  const samples: (number[] | null)[] = new Array(length).fill(null);
  for (const source of members) {
    const until = Math.min(length - 1, visibleUntil(source));
    for (let m = Math.max(0, source.firstMinute); m <= until; m++) {
      const own = source.samples?.[m];
      if (!own?.length) continue;
      samples[m] = [...(samples[m] ?? []), ...own];
      present[m] = 1;
    }
  }
  for (let m = 0; m < length; m++) {
    const s = samples[m];
    if (s) values[m] = distributionValue(space, s);
  }
  return { values, present, samples };
}

function distributionValue(space: string, s: readonly number[]): number {
  if (space.startsWith("p")) return quantile(s, Number(space.slice(1)) / 100);
  if (space === "min") return Math.min(...s);
  if (space === "max") return Math.max(...s);
  const sum = s.reduce((a, b) => a + b, 0);
  return space === "sum" ? sum : sum / s.length;
}

/**
 * Fills gaps after real points, as `.fill(<mode>, <limit>)` does
 * (https://docs.datadoghq.com/metrics/guide/interpolation-the-fill-modifier-explained/):
 * up to `limitMinutes` after a point; `linear` draws a line to the next
 * point when it lies within the limit and holds the value otherwise.
 */
export function fillGaps(
  own: Float64Array,
  mode: string,
  limitMinutes: number,
): Float64Array {
  if (mode === "null" || limitMinutes <= 0) return own;
  const out = own.slice();
  let prev = -1;
  for (let m = 0; m < own.length; m++) {
    if (!Number.isNaN(own[m]!)) {
      prev = m;
      continue;
    }
    if (prev < 0 || m - prev > limitMinutes) continue;
    if (mode === "zero") out[m] = 0;
    else if (mode === "last") out[m] = own[prev]!;
    else out[m] = linearAt(own, prev, m, limitMinutes);
  }
  return out;
}

function linearAt(own: Float64Array, prev: number, m: number, limit: number) {
  let next = m + 1;
  while (
    next < own.length &&
    next - prev <= limit + 1 &&
    Number.isNaN(own[next]!)
  ) {
    next++;
  }
  const from = own[prev]!;
  if (next >= own.length || next - prev > limit + 1) return from;
  const to = own[next]!;
  return from + ((to - from) * (m - prev)) / (next - prev);
}
