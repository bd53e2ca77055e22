import type { MetricKind } from "../catalog/metrics.js";
import type { Series } from "../query/ast.js";
import {
  evaluateExpression,
  type GridCell,
  gridAlgebra,
  gridOperand,
  type Operand,
  type ScalarCell,
  scalarAlgebra,
} from "./expression.js";
import { buildLeaf, type LeafData } from "./leaf.js";
import type { QueryPlan } from "./query-plan.js";
import { countIn, prefixCount, quantile, reduceWindow } from "./reduce.js";
import type { Source } from "./sources.js";

/** A group's data for one evaluation window. */
export interface WindowValue {
  /** Whether any real point of the group lies in the window. */
  readonly hasData: boolean;
  /** The reduced value; NaN when nothing computable remains. */
  readonly value: number;
}

/**
 * The data as Datadog holds it at one moment: every series split into
 * groups, and the query evaluated on them. Built once when every point has
 * arrived before it is evaluated, or once per step when some arrive later
 * than the evaluation delay.
 */
export class Snapshot {
  private readonly leaves = new Map<Series, LeafData>();
  private readonly leafPrefix = new Map<LeafData, Map<string, Int32Array>>();
  private readonly grid: Map<string, GridCell & { prefix: Int32Array }>;
  private cache: { key: string; values: Map<string, number> } | undefined;

  constructor(
    private readonly plan: QueryPlan,
    kindOf: (metric: string) => MetricKind,
    sources: readonly Source[],
    private readonly length: number,
    visibleUntil: (source: Source) => number,
    private readonly notes: Set<string>,
  ) {
    for (const leaf of plan.leaves) {
      const data = buildLeaf(
        leaf,
        kindOf(leaf.metric),
        sources,
        length,
        visibleUntil,
      );
      this.leaves.set(leaf, data);
      this.leafPrefix.set(
        data,
        new Map([...data.groups].map(([k, g]) => [k, prefixCount(g.present)])),
      );
    }
    const result = evaluateExpression(
      plan.expression,
      (s) => gridOperand(this.leaves.get(s)!),
      gridAlgebra(length),
      notes,
    );
    this.grid = new Map();
    if (result.kind === "groups") {
      for (const [key, cell] of result.groups) {
        const value =
          plan.change && plan.path === "classic"
            ? shifted(cell.value, plan.change.shiftMinutes, plan.change.fn)
            : cell.value;
        this.grid.set(key, {
          value,
          present: cell.present,
          prefix: prefixCount(cell.present),
        });
      }
    }
  }

  /** Every group the query yields, sorted. */
  get groups(): string[] {
    return [...this.grid.keys()].sort();
  }

  /** Real points of a group in minutes `[from, to)`. */
  pointsIn(group: string, from: number, to: number): number {
    const cell = this.grid.get(group);
    return cell ? countIn(cell.prefix, from, to) : 0;
  }

  /** The query's per-minute value for a group (classic path), for plots. */
  series(group: string): Float64Array | undefined {
    return this.grid.get(group)?.value;
  }

  /** The group's value for the window `[from, to)`. */
  valueAt(group: string, from: number, to: number): WindowValue {
    const hasData = this.pointsIn(group, from, to) > 0;
    if (!hasData) return { hasData, value: Number.NaN };
    if (this.plan.path === "as_count")
      return { hasData, value: this.asCountValue(group, from, to) };

    const cell = this.grid.get(group)!;
    const { aggregator } = this.plan;
    if (aggregator === "percentile")
      return { hasData, value: this.percentile(group, from, to) };
    if (this.plan.rollupMinutes > 1)
      return { hasData, value: this.rolledUp(cell.value, from, to) };
    return { hasData, value: reduceWindow(cell.value, from, to, aggregator) };
  }

  /** Reduces each series over the window, then does the arithmetic. */
  private asCountValue(group: string, from: number, to: number): number {
    const key = `${from}:${to}`;
    if (this.cache?.key !== key) {
      const now = this.scalarValues(from, to);
      const change = this.plan.change;
      const before = change
        ? this.scalarValues(
            from - change.shiftMinutes,
            to - change.shiftMinutes,
          )
        : undefined;
      const values = new Map<string, number>();
      for (const [g, v] of now) {
        values.set(
          g,
          before && change
            ? changeOf(v, before.get(g) ?? Number.NaN, change.fn)
            : v,
        );
      }
      this.cache = { key, values };
    }
    return this.cache.values.get(group) ?? Number.NaN;
  }

  private scalarValues(from: number, to: number): Map<string, number> {
    const result = evaluateExpression<ScalarCell>(
      this.plan.expression,
      (s) => this.scalarOperand(s, from, to),
      scalarAlgebra,
      this.notes,
    );
    if (result.kind === "constant") return new Map();
    return new Map([...result.groups].map(([g, c]) => [g, c.value]));
  }

  private scalarOperand(
    s: Series,
    from: number,
    to: number,
  ): Operand<ScalarCell> {
    const leaf = this.leaves.get(s)!;
    const aggregator =
      this.plan.aggregator === "percentile" ? "sum" : this.plan.aggregator;
    const groups = new Map<string, ScalarCell>();
    const prefixes = this.leafPrefix.get(leaf)!;
    for (const [key, g] of leaf.groups) {
      groups.set(key, {
        value: reduceWindow(g.values, from, to, aggregator),
        present: countIn(prefixes.get(key)!, from, to) > 0,
      });
    }
    return {
      kind: "groups",
      grouped: s.groupBy.length > 0,
      countAligned: leaf.countAligned,
      groups,
    };
  }

  /** Percentile of every sample of the group in the window. */
  private percentile(group: string, from: number, to: number): number {
    const leaf = this.leaves.get(this.plan.leaves[0]!)!;
    const samples = leaf.groups.get(group)?.samples ?? [];
    const all: number[] = [];
    for (let m = Math.max(0, from); m < Math.min(to, samples.length); m++) {
      const s = samples[m];
      if (s) for (const v of s) all.push(v);
    }
    const space = this.plan.leaves[0]!.space;
    return quantile(all, Number(space.slice(1)) / 100);
  }

  /**
   * `.rollup(<method>, <n>)` above one minute: buckets aligned to multiples
   * of n from minute 0 (UNIX time); only buckets starting inside the
   * window count, and the last one holds what has arrived by the window's
   * end (https://docs.datadoghq.com/monitors/guide/why-rollup-should-not-be-used-in-monitors/).
   */
  private rolledUp(values: Float64Array, from: number, to: number): number {
    const size = this.plan.rollupMinutes;
    const method = this.plan.rollupMethod ?? "avg";
    const buckets: number[] = [];
    for (let start = Math.ceil(from / size) * size; start < to; start += size) {
      const end = Math.min(start + size, to);
      const v =
        method === "count"
          ? countValues(values, start, end)
          : reduceWindow(
              values,
              start,
              end,
              method as "sum" | "avg" | "min" | "max",
            );
      if (!Number.isNaN(v)) buckets.push(v);
    }
    const aggregator =
      this.plan.aggregator === "percentile" ? "avg" : this.plan.aggregator;
    return reduceWindow(
      Float64Array.from(buckets),
      0,
      buckets.length,
      aggregator,
    );
  }
}

function countValues(values: Float64Array, from: number, to: number): number {
  let n = 0;
  for (let m = Math.max(0, from); m < Math.min(values.length, to); m++) {
    if (!Number.isNaN(values[m]!)) n++;
  }
  return n > 0 ? n : Number.NaN;
}

/**
 * change/pct_change on the classic path: the difference of each point
 * with the point `shift` minutes before, then the time aggregation
 * (https://docs.datadoghq.com/monitors/types/change-alert/).
 */
function shifted(
  values: Float64Array,
  shift: number,
  fn: "change" | "pct_change",
) {
  return values.map((v, m) =>
    m < shift ? Number.NaN : changeOf(v, values[m - shift]!, fn),
  );
}

function changeOf(now: number, before: number, fn: "change" | "pct_change") {
  if (fn === "change") return now - before;
  return before === 0 ? Number.NaN : ((now - before) / before) * 100;
}
