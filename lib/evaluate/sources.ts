import { type MetricKind, metrics } from "../catalog/metrics.js";
import type { ProblemList } from "./errors.js";
import { tagMap } from "./scope-match.js";
import { parsePoints, parseSamples } from "./series-notation.js";
import type { SeriesInput } from "./types.js";

/** One input series on the shared minute grid. */
export interface Source {
  readonly index: number;
  readonly metric: string;
  readonly kind: MetricKind;
  readonly tags: ReadonlyMap<string, string>;
  /** Value per grid minute; NaN where there is no point. */
  readonly values: Float64Array;
  /** Distributions only: the samples of each grid minute. */
  readonly samples?: readonly (readonly number[] | null)[];
  readonly lateMinutes: number;
  /** First and last grid minute with a point; -1 when none. */
  readonly firstMinute: number;
  readonly lastMinute: number;
}

const CATALOG_KINDS = new Map<string, MetricKind>(
  Object.values(metrics).map((m) => [m.name, m.kind]),
);

/**
 * Puts every input series on one grid of `length` minutes, checking the
 * notation and that values fit the metric's kind. Problems are added with
 * the path `series[i].<field>`.
 */
export function loadSources(
  inputs: readonly SeriesInput[],
  kinds: Readonly<Record<string, MetricKind>>,
  problems: ProblemList,
): { sources: Source[]; length: number } {
  const parsed = inputs.map((input, i) =>
    parseInput(input, i, kinds, problems),
  );
  const length = Math.max(
    0,
    ...parsed.map((p, i) => (inputs[i]?.startMinute ?? 0) + p.raw.length),
  );

  const sources = parsed.map((p, i): Source => {
    const input = inputs[i]!;
    const start = input.startMinute ?? 0;
    const values = new Float64Array(length).fill(Number.NaN);
    const samples: (readonly number[] | null)[] | undefined =
      p.kind === "distribution" ? new Array(length).fill(null) : undefined;
    let first = -1;
    let last = -1;
    p.raw.forEach((point, j) => {
      if (point === null || (Array.isArray(point) && point.length === 0))
        return;
      const minute = start + j;
      if (samples) samples[minute] = point as number[];
      else values[minute] = point as number;
      if (first < 0) first = minute;
      last = minute;
    });
    return {
      index: i,
      metric: input.metric,
      kind: p.kind,
      tags: tagMap(input.tags),
      values,
      ...(samples ? { samples } : {}),
      lateMinutes: input.lateMinutes ?? 0,
      firstMinute: first,
      lastMinute: last,
    };
  });
  return { sources, length };
}

interface Parsed {
  readonly kind: MetricKind;
  readonly raw: readonly (number | readonly number[] | null)[];
}

function parseInput(
  input: SeriesInput,
  i: number,
  kinds: Readonly<Record<string, MetricKind>>,
  problems: ProblemList,
): Parsed {
  const at = `series[${i}]`;
  const kind =
    input.kind ??
    kinds[input.metric] ??
    CATALOG_KINDS.get(input.metric) ??
    (input.samples !== undefined ? "distribution" : "gauge");
  const field = kind === "distribution" ? "samples" : "points";
  const other = kind === "distribution" ? "points" : "samples";

  for (const key of ["startMinute", "lateMinutes"] as const) {
    const v = input[key];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
      problems.add(
        "evaluate-series",
        `${at}.${key}`,
        `expected a whole number of minutes >= 0, got ${v}`,
      );
    }
  }
  if (input[other] !== undefined) {
    problems.add(
      "evaluate-series",
      `${at}.${other}`,
      `expected ${field} for the ${kind} metric "${input.metric}", got ${other}`,
      kind === "distribution"
        ? "write samples per minute"
        : "write one value per minute",
    );
  }
  const given = input[field];
  if (given === undefined) {
    problems.add(
      "evaluate-series",
      `${at}.${field}`,
      `expected ${field} for "${input.metric}", got nothing`,
    );
    return { kind, raw: [] };
  }
  if (typeof given !== "string") return { kind, raw: given };

  const result =
    kind === "distribution" ? parseSamples(given) : parsePoints(given);
  if (result.ok) return { kind, raw: result.value };
  for (const p of result.problems) {
    problems.add(
      "evaluate-series",
      `${at}.${field}`,
      `token ${p.token}: ${p.message}`,
    );
  }
  return { kind, raw: [] };
}
