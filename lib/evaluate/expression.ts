import type { Expression, Series } from "../query/ast.js";
import type { GroupData, LeafData } from "./leaf.js";

/**
 * Evaluates a query expression on aligned values, per group. The same
 * rules serve both evaluation paths: the classic path combines one value
 * per minute, the as_count path one value per series and window.
 *
 * - Groups align by their `by` tags; an ungrouped operand applies to every
 *   group of the other one (assumed: the docs show arithmetic between
 *   queries, https://docs.datadoghq.com/dashboards/querying/#arithmetic-between-two-metrics,
 *   not how grouped operands match).
 * - A count queried with as_count()/as_rate() aligns as 0 where it has no
 *   point and the other operand has one
 *   (https://docs.datadoghq.com/dashboards/functions/interpolation/#default-zero).
 *   A gauge gap stays a gap: the result has no value there.
 * - Division by zero gives no value, which the monitor skips
 *   (https://docs.datadoghq.com/monitors/guide/monitor-arithmetic-and-sparse-metrics/).
 */

/** One group's values per minute, and where real points contributed. */
export interface GridCell {
  readonly value: Float64Array;
  readonly present: Uint8Array;
}

/** One group's value for a window, and whether it holds a real point. */
export interface ScalarCell {
  readonly value: number;
  readonly present: boolean;
}

/** A constant, or groups with a value each. */
export type Operand<C> =
  | { readonly kind: "constant"; readonly value: number }
  | {
      readonly kind: "groups";
      readonly grouped: boolean;
      readonly countAligned: boolean;
      readonly groups: ReadonlyMap<string, C>;
    };

/** Point-wise arithmetic on one representation (arrays or numbers). */
export interface Algebra<C> {
  map(cell: C, f: (x: number) => number): C;
  zip(
    l: C | undefined,
    r: C | undefined,
    f: (a: number, b: number) => number,
    align: { left: boolean; right: boolean },
  ): C;
  withConstant(
    cell: C,
    c: number,
    f: (a: number, b: number) => number,
    constantLeft: boolean,
  ): C;
}

const OPS = {
  "+": (a: number, b: number) => a + b,
  "-": (a: number, b: number) => a - b,
  "*": (a: number, b: number) => a * b,
  "/": (a: number, b: number) => (b === 0 ? Number.NaN : a / b),
} as const;

/** Evaluates `e`, reading each series' groups from `leafOf`. */
export function evaluateExpression<C>(
  e: Expression,
  leafOf: (s: Series) => Operand<C>,
  algebra: Algebra<C>,
  notes: Set<string>,
): Operand<C> {
  switch (e.kind) {
    case "number":
      return { kind: "constant", value: e.value };
    case "series":
      return leafOf(e);
    case "call": {
      const arg = e.args[0] as Expression;
      const inner = evaluateExpression(arg, leafOf, algebra, notes);
      const bound = (e.args[1] as { value?: number } | undefined)?.value ?? 0;
      const f = FUNCTIONS[e.name as keyof typeof FUNCTIONS](bound);
      if (inner.kind === "constant")
        return { kind: "constant", value: f(inner.value) };
      const countAligned = inner.countAligned || e.name === "default_zero";
      return {
        ...inner,
        countAligned,
        groups: mapGroups(inner.groups, (c) => algebra.map(c, f)),
      };
    }
    case "binary":
      return combine(
        evaluateExpression(e.left, leafOf, algebra, notes),
        evaluateExpression(e.right, leafOf, algebra, notes),
        OPS[e.op],
        algebra,
        notes,
      );
  }
}

/**
 * The functions the evaluator models. `clamp_min`/`clamp_max` set a
 * missing value to their bound, as Datadog documents
 * (https://docs.datadoghq.com/dashboards/functions/exclusion/#clamp);
 * `default_zero` sets it to 0.
 */
const FUNCTIONS = {
  abs: () => (x: number) => Math.abs(x),
  default_zero: () => (x: number) => (Number.isNaN(x) ? 0 : x),
  clamp_min: (b: number) => (x: number) => (Number.isNaN(x) || x < b ? b : x),
  clamp_max: (b: number) => (x: number) => (Number.isNaN(x) || x > b ? b : x),
} as const;

function combine<C>(
  left: Operand<C>,
  right: Operand<C>,
  f: (a: number, b: number) => number,
  algebra: Algebra<C>,
  notes: Set<string>,
): Operand<C> {
  if (left.kind === "constant" && right.kind === "constant") {
    return { kind: "constant", value: f(left.value, right.value) };
  }
  if (left.kind === "constant" || right.kind === "constant") {
    const groups =
      left.kind === "groups"
        ? left
        : (right as Extract<Operand<C>, { kind: "groups" }>);
    const c =
      left.kind === "constant"
        ? left.value
        : (right as { value: number }).value;
    return {
      ...groups,
      groups: mapGroups(groups.groups, (cell) =>
        algebra.withConstant(cell, c, f, left.kind === "constant"),
      ),
    };
  }

  const keys = joinKeys(left, right);
  const align = { left: left.countAligned, right: right.countAligned };
  const out = new Map<string, C>();
  for (const key of keys) {
    const l =
      left.grouped || !right.grouped
        ? left.groups.get(key)
        : left.groups.get("*");
    const r =
      right.grouped || !left.grouped
        ? right.groups.get(key)
        : right.groups.get("*");
    if ((!l && !align.left) || (!r && !align.right)) continue;
    if (!l || !r) {
      notes.add(
        `a count series with no points for ${key} was aligned as 0 next to the other operand (assumed: Datadog documents alignment as 0 per point, not for a series absent from the whole window)`,
      );
    }
    out.set(key, algebra.zip(l, r, f, align));
  }
  return {
    kind: "groups",
    grouped: left.grouped || right.grouped,
    countAligned: left.countAligned && right.countAligned,
    groups: out,
  };
}

function joinKeys<C>(
  left: Extract<Operand<C>, { kind: "groups" }>,
  right: Extract<Operand<C>, { kind: "groups" }>,
): string[] {
  if (left.grouped && !right.grouped) return [...left.groups.keys()];
  if (right.grouped && !left.grouped) return [...right.groups.keys()];
  return [...new Set([...left.groups.keys(), ...right.groups.keys()])].sort();
}

function mapGroups<C>(
  groups: ReadonlyMap<string, C>,
  f: (cell: C) => C,
): Map<string, C> {
  return new Map([...groups].map(([k, c]) => [k, f(c)]));
}

/** Per-minute arrays: the classic evaluation path. */
export function gridAlgebra(length: number): Algebra<GridCell> {
  const empty = {
    value: new Float64Array(length).fill(Number.NaN),
    present: new Uint8Array(length),
  };
  return {
    map: (cell, f) => ({ value: cell.value.map(f), present: cell.present }),
    withConstant: (cell, c, f, constantLeft) => ({
      value: cell.value.map((v) => (constantLeft ? f(c, v) : f(v, c))),
      present: cell.present,
    }),
    zip: (l0, r0, f, align) => {
      const l = l0 ?? empty;
      const r = r0 ?? empty;
      const value = new Float64Array(length);
      const present = new Uint8Array(length);
      for (let m = 0; m < length; m++) {
        value[m] = alignedOp(l.value[m]!, r.value[m]!, f, align);
        present[m] = l.present[m]! | r.present[m]!;
      }
      return { value, present };
    },
  };
}

/** One number per series and window: the as_count evaluation path. */
export const scalarAlgebra: Algebra<ScalarCell> = {
  map: (cell, f) => ({ value: f(cell.value), present: cell.present }),
  withConstant: (cell, c, f, constantLeft) => ({
    value: constantLeft ? f(c, cell.value) : f(cell.value, c),
    present: cell.present,
  }),
  zip: (l, r, f, align) => ({
    value: alignedOp(l?.value ?? Number.NaN, r?.value ?? Number.NaN, f, align),
    present: Boolean(l?.present) || Boolean(r?.present),
  }),
};

function alignedOp(
  a: number,
  b: number,
  f: (a: number, b: number) => number,
  align: { left: boolean; right: boolean },
): number {
  const aMissing = Number.isNaN(a);
  const bMissing = Number.isNaN(b);
  if (aMissing && bMissing) return Number.NaN;
  const x = aMissing && align.left ? 0 : a;
  const y = bMissing && align.right ? 0 : b;
  return f(x, y);
}

/** The groups of a leaf as an operand of the classic path. */
export function gridOperand(leaf: LeafData): Operand<GridCell> {
  return {
    kind: "groups",
    grouped: leaf.series.groupBy.length > 0,
    countAligned: leaf.countAligned,
    groups: new Map(
      [...leaf.groups].map(([k, g]: [string, GroupData]) => [
        k,
        { value: g.values, present: g.present },
      ]),
    ),
  };
}
