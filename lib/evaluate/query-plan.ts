import { windowMinutes } from "../query/builder.js";
import type {
  Argument,
  Expression,
  MetricMonitorQuery,
  Series,
  TimeAggregator,
  WindowUnit,
} from "../query/ast.js";
import type { ProblemList } from "./errors.js";

/** Functions the evaluator models; anything else is an explicit error. */
export const MODELLED_FUNCTIONS = [
  "abs",
  "clamp_max",
  "clamp_min",
  "default_zero",
] as const;

/** What the evaluator needs to know about a query, checked once. */
export interface QueryPlan {
  readonly aggregator: TimeAggregator;
  readonly windowMinutes: number;
  readonly windowUnit: WindowUnit;
  /** `change`/`pct_change` reducers: the function and shift. */
  readonly change?: {
    readonly fn: "change" | "pct_change";
    readonly shiftMinutes: number;
  };
  readonly expression: Expression;
  /** Every series in the expression, in the order written. */
  readonly leaves: readonly Series[];
  /**
   * `as_count` when the query has arithmetic and an `.as_count()`: each
   * series is reduced over the window before the arithmetic
   * (https://docs.datadoghq.com/monitors/guide/as-count-in-monitor-evaluations/).
   */
  readonly path: "classic" | "as_count";
  readonly hasArithmetic: boolean;
  /** The tag keys of the result's groups; empty for a simple alert. */
  readonly groupBy: readonly string[];
  /** Minutes per rollup bucket above one minute (single series only). */
  readonly rollupMinutes: number;
  readonly rollupMethod?: string;
}

const SPACE = /^(avg|sum|min|max|p(\d{1,2}(\.\d+)?|100))$/;
const ROLLUP_METHODS = ["sum", "avg", "min", "max", "count"];
const FILL_MODES = ["null", "zero", "linear", "last"];

/**
 * Checks that every construct of the query is one the evaluator models and
 * that Datadog would accept; adds each problem found to `problems`.
 */
export function planQuery(
  query: MetricMonitorQuery,
  problems: ProblemList,
): QueryPlan {
  const reducer = query.reducer;
  const time = reducer.kind === "time" ? reducer : reducer.inner;
  if (time.window.kind !== "last") {
    problems.add(
      "evaluate-unsupported",
      "query.reducer.window",
      `expected a rolling last_ window, got "${time.window.kind}_${time.window.amount}${time.window.unit}"`,
      time.window.kind === "current"
        ? "calendar-aligned windows are not modelled"
        : "forecast windows are not modelled",
    );
  }
  const change =
    reducer.kind === "change"
      ? { fn: reducer.fn, shiftMinutes: parseShift(reducer.shift, problems) }
      : undefined;

  const leaves: Series[] = [];
  const walk = { arithmetic: false, asCount: false };
  checkExpression(query.expression, "query.expression", problems, leaves, walk);
  const path = walk.arithmetic && walk.asCount ? "as_count" : "classic";
  if (walk.asCount && time.aggregator !== "sum") {
    problems.add(
      "evaluate-query",
      "query.reducer.aggregator",
      `expected sum with .as_count(), got "${time.aggregator}"`,
      "Datadog accepts only sum (in total) with as_count(): https://docs.datadoghq.com/monitors/guide/as-count-in-monitor-evaluations/",
    );
  }

  checkPercentile(query.expression, time.aggregator, problems);
  const rollup = checkRollup(query.expression, leaves, problems);
  if (change && (time.aggregator === "percentile" || rollup.minutes > 1)) {
    problems.add(
      "evaluate-unsupported",
      "query.reducer",
      `expected change() over a plain aggregation, got ${time.aggregator} with rollup ${rollup.minutes}m`,
    );
  }

  return {
    aggregator: time.aggregator,
    windowMinutes: windowMinutes(time.window),
    windowUnit: time.window.unit,
    ...(change ? { change } : {}),
    expression: query.expression,
    leaves,
    path,
    hasArithmetic: walk.arithmetic,
    groupBy: groupKeys(query.expression, "query.expression", problems) ?? [],
    rollupMinutes: rollup.minutes,
    ...(rollup.method ? { rollupMethod: rollup.method } : {}),
  };
}

function parseShift(shift: string, problems: ProblemList): number {
  const match = /^(?:(\d+)(m|h|d|w|mo)_ago|last_(\d+)(m|h|d|w|mo))$/.exec(
    shift,
  );
  if (!match) {
    problems.add(
      "evaluate-query",
      "query.reducer.shift",
      `expected <n><unit>_ago or last_<n><unit>, got "${shift}"`,
    );
    return 0;
  }
  const amount = Number(match[1] ?? match[3]);
  const unit = (match[2] ?? match[4]) as WindowUnit;
  return windowMinutes({ kind: "last", amount, unit });
}

function checkExpression(
  e: Expression,
  path: string,
  problems: ProblemList,
  leaves: Series[],
  walk: { arithmetic: boolean; asCount: boolean },
): void {
  switch (e.kind) {
    case "number":
      return;
    case "series":
      leaves.push(e);
      checkSeries(e, path, problems);
      if (e.modifiers.some((m) => m.name === "as_count")) walk.asCount = true;
      return;
    case "binary":
      walk.arithmetic = true;
      checkExpression(e.left, `${path}.left`, problems, leaves, walk);
      checkExpression(e.right, `${path}.right`, problems, leaves, walk);
      return;
    case "call":
      checkCall(e.name, e.args, path, problems);
      e.args.forEach((a, i) => {
        if (a.kind !== "string" && a.kind !== "named") {
          checkExpression(a, `${path}.args[${i}]`, problems, leaves, walk);
        }
      });
  }
}

function checkCall(
  name: string,
  args: readonly Argument[],
  path: string,
  problems: ProblemList,
): void {
  if (!(MODELLED_FUNCTIONS as readonly string[]).includes(name)) {
    problems.add(
      "evaluate-unsupported",
      `${path}.name`,
      `expected a function the evaluator models (${MODELLED_FUNCTIONS.join(", ")}), got "${name}"`,
      "check this monitor in Datadog's monitor preview instead",
    );
    return;
  }
  const clamp = name.startsWith("clamp_");
  const expected = clamp ? 2 : 1;
  const bound = args[1];
  if (
    args.length !== expected ||
    args[0]?.kind === "string" ||
    args[0]?.kind === "named"
  ) {
    problems.add(
      "evaluate-query",
      `${path}.args`,
      `expected ${name}(<expression>${clamp ? ", <number>" : ""}), got ${args.length} argument(s)`,
    );
  } else if (clamp && bound?.kind !== "number") {
    problems.add(
      "evaluate-query",
      `${path}.args[1]`,
      `expected a number as ${name}'s bound, got ${bound?.kind}`,
    );
  }
}

function checkSeries(s: Series, path: string, problems: ProblemList): void {
  if (!SPACE.test(s.space)) {
    problems.add(
      "evaluate-unsupported",
      `${path}.space`,
      `expected avg, sum, min, max or pNN, got "${s.space}"`,
    );
  }
  s.modifiers.forEach((m, i) => {
    const where = `${path}.modifiers[${i}]`;
    const [first, second] = m.args;
    switch (m.name) {
      case "as_count":
      case "as_rate":
        if (m.args.length)
          problems.add(
            "evaluate-query",
            where,
            `expected .${m.name}() without arguments, got ${m.args.length}`,
          );
        return;
      case "rollup":
        if (!ROLLUP_METHODS.includes(String(first))) {
          problems.add(
            "evaluate-query",
            `${where}.args[0]`,
            `expected a rollup method (${ROLLUP_METHODS.join(", ")}), got "${String(first)}"`,
          );
        }
        if (
          second !== undefined &&
          (typeof second !== "number" || second < 60 || second % 60 !== 0)
        ) {
          problems.add(
            "evaluate-unsupported",
            `${where}.args[1]`,
            `expected a rollup interval in whole minutes (60, 120, ...), got ${String(second)}`,
            "the evaluator works in one-minute steps",
          );
        }
        return;
      case "fill":
        if (!FILL_MODES.includes(String(first))) {
          problems.add(
            "evaluate-query",
            `${where}.args[0]`,
            `expected a fill mode (${FILL_MODES.join(", ")}), got "${String(first)}"`,
          );
        }
        if (
          second !== undefined &&
          (typeof second !== "number" || second < 0 || second > 600)
        ) {
          problems.add(
            "evaluate-query",
            `${where}.args[1]`,
            `expected a fill limit of 0 to 600 seconds, got ${String(second)}`,
          );
        }
        return;
      default:
        problems.add(
          "evaluate-unsupported",
          `${where}.name`,
          `expected a modifier the evaluator models (as_count, as_rate, rollup, fill), got "${m.name}"`,
        );
    }
  });
}

/** `percentile(...)` needs one pNN series; pNN needs `percentile(...)`. */
function checkPercentile(
  e: Expression,
  aggregator: TimeAggregator,
  problems: ProblemList,
): void {
  const single = e.kind === "series" && /^p/.test(e.space);
  if (aggregator === "percentile" && !single) {
    problems.add(
      "evaluate-unsupported",
      "query.expression",
      "expected one series with a pNN space aggregator under percentile(), got an expression",
      "arithmetic on percentiles is not modelled",
    );
  }
  const pSeries = collectSeries(e).filter((s) => /^p/.test(s.space));
  if (pSeries.length > 0 && aggregator !== "percentile") {
    problems.add(
      "evaluate-unsupported",
      "query.reducer.aggregator",
      `expected percentile() with a pNN series, got "${aggregator}"`,
    );
  }
}

function checkRollup(
  e: Expression,
  leaves: readonly Series[],
  problems: ProblemList,
): { minutes: number; method?: string } {
  let result: { minutes: number; method?: string } = { minutes: 1 };
  for (const leaf of leaves) {
    const rollup = leaf.modifiers.find((m) => m.name === "rollup");
    const seconds = rollup?.args[1];
    if (typeof seconds !== "number" || seconds <= 60) continue;
    if (e.kind !== "series") {
      problems.add(
        "evaluate-unsupported",
        "query.expression",
        `expected rollup intervals above 60s only on a lone series, got .rollup(${String(rollup?.args[0])}, ${seconds}) inside an expression`,
      );
    }
    result = { minutes: seconds / 60, method: String(rollup?.args[0]) };
  }
  return result;
}

/**
 * The group-by keys of an expression. Operands must group by the same keys
 * or one of them not at all; other mixes are not modelled.
 */
function groupKeys(
  e: Expression,
  path: string,
  problems: ProblemList,
): readonly string[] | undefined {
  switch (e.kind) {
    case "number":
      return undefined;
    case "series":
      return e.groupBy;
    case "call": {
      const first = e.args[0];
      return first && first.kind !== "string" && first.kind !== "named"
        ? groupKeys(first, path, problems)
        : undefined;
    }
    case "binary": {
      const left = groupKeys(e.left, path, problems);
      const right = groupKeys(e.right, path, problems);
      if (!left?.length) return right ?? left;
      if (!right?.length) return left;
      if ([...left].sort().join() !== [...right].sort().join()) {
        problems.add(
          "evaluate-unsupported",
          path,
          `expected operands grouped by the same tags, got {${left.join(",")}} and {${right.join(",")}}`,
        );
      }
      return left;
    }
  }
}

/** Every series in an expression, in the order written. */
export function collectSeries(e: Expression): Series[] {
  switch (e.kind) {
    case "series":
      return [e];
    case "number":
      return [];
    case "binary":
      return [...collectSeries(e.left), ...collectSeries(e.right)];
    case "call":
      return e.args.flatMap((a) =>
        a.kind === "string" || a.kind === "named" ? [] : collectSeries(a),
      );
  }
}
