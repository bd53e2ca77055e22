import { describe, expect, it } from "vitest";
import type {
  Argument,
  Comparator,
  Expression,
  MetricMonitorQuery,
  Modifier,
  NamedArgument,
  Reducer,
  Scope,
  Series,
  TimeAggregator,
  TimeReducer,
  Window,
} from "../../../lib/query/ast.js";
import { scope } from "../../../lib/query/builder.js";
import { formatQuery } from "../../../lib/query/format.js";
import { parseMetricQuery } from "../../../lib/query/parse.js";

/**
 * Property test: for random trees of every node kind the formatter prints,
 * `parse(format(tree))` gives the tree back. Scopes go through the
 * builder's `scope.and`/`scope.or`, so they are flattened as built trees
 * are. A fixed seed keeps every run identical; a failure names its index.
 */

/** xorshift32: small, fast and deterministic; never seeded with 0. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }

  /** A float in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 2 ** 32;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  times<T>(min: number, max: number, make: () => T): T[] {
    return Array.from({ length: this.int(min, max) }, make);
  }
}

const TAG_KEYS = [
  "env",
  "host",
  "availability-zone",
  "kube_namespace",
  "team.name",
  "chain_id",
];
const TAG_VALUES = [
  "prod",
  "ip-10-0-0-1.ec2.internal",
  "app/name/abc123",
  "a:b:c",
  "web-*",
  "*",
  "8453",
  "us-east-1a",
  "Half_Open",
];
const BARE_TAGS = ["example", "canary", "web-*", "blue.green", "shard_7"];
const SPACES = [
  "avg",
  "sum",
  "min",
  "max",
  "count",
  "p50",
  "p95",
  "p99",
  "p99.9",
];
const FUNCTIONS = [
  "abs",
  "log10",
  "cumsum",
  "integral",
  "diff",
  "derivative",
  "per_second",
  "per_minute",
  "dt_monotonic",
  "default_zero",
  "default",
  "timeshift",
  "hour_before",
  "week_before",
  "anomalies",
  "outliers",
  "forecast",
  "ewma_3",
  "ewma_20",
  "median_5",
  "robust_trend",
  "trend_line",
  "piecewise_constant",
  "top",
  "top_offset",
  "count_nonzero",
  "count_not_null",
  "clamp_min",
  "cutoff_max",
  "exclude_null",
];
const STRINGS = [
  "basic",
  "agile",
  "robust",
  "linear",
  "mean",
  "desc",
  "last_15m",
  "a-b.c/d",
];
const NAMES = [
  "direction",
  "alert_window",
  "interval",
  "count_default_zero",
  "seasonality",
];
const AGGREGATORS: readonly TimeAggregator[] = [
  "avg",
  "min",
  "max",
  "sum",
  "last",
  "percentile",
];
const UNITS: readonly Window["unit"][] = ["m", "h", "d", "w", "mo"];
const SHIFTS = [
  "5m_ago",
  "1h_ago",
  "1d_ago",
  "1w_ago",
  "1mo_ago",
  "last_5m",
  "last_1h",
];
const COMPARATORS: readonly Comparator[] = [">", ">=", "<", "<=", "==", "!="];

/** Numbers that `formatNumber` prints exactly: integers, short decimals. */
function randomNumber(random: Random): number {
  const whole = random.int(-50000, 100000);
  const value = random.chance(0.3) ? whole / 10 ** random.int(1, 3) : whole;
  return value === 0 ? 0 : value;
}

function randomMetric(random: Random): string {
  const first = random.pick(["system", "aws", "gateway", "org", "Jvm"]);
  const rest = random.times(0, 3, () =>
    random.pick([
      "cpu",
      "rpc_errors",
      "5xx_responses",
      "p99",
      "ServletContextHandler",
      "count",
    ]),
  );
  return [first, ...rest].join(".");
}

function randomScope(random: Random, depth: number): Scope {
  const leaf = depth <= 0 || random.chance(0.45);
  if (leaf) return randomTerm(random);
  const terms = random.times(2, 4, () => randomScope(random, depth - 1));
  switch (random.int(0, 2)) {
    case 0:
      return scope.and(...terms);
    case 1:
      return scope.or(...terms);
    default:
      return scope.not(terms[0]!);
  }
}

function randomTerm(random: Random): Scope {
  const negated = random.chance(0.25);
  switch (random.int(0, 4)) {
    case 0:
      return scope.all();
    case 1:
      return { kind: "tag", value: random.pick(BARE_TAGS), negated };
    case 2:
      return {
        kind: "in",
        key: random.pick(TAG_KEYS),
        values: random.times(1, 3, () =>
          random.pick(["1", "8453", "open", "a-b", "x.y"]),
        ),
        negated,
      };
    default:
      return {
        kind: "tag",
        key: random.pick(TAG_KEYS),
        value: random.pick(TAG_VALUES),
        negated,
      };
  }
}

function randomModifier(random: Random): Modifier {
  const seconds = random.chance(0.5) ? [random.int(0, 3600)] : [];
  switch (random.int(0, 4)) {
    case 0:
      return { name: "as_count", args: [] };
    case 1:
      return { name: "as_rate", args: [] };
    case 2:
      return { name: "weighted", args: [] };
    case 3:
      return {
        name: "rollup",
        args: [random.pick(["sum", "avg", "min", "max", "count"]), ...seconds],
      };
    default:
      return {
        name: "fill",
        args: [random.pick(["null", "zero", "linear", "last"]), ...seconds],
      };
  }
}

function randomSeries(random: Random): Series {
  return {
    kind: "series",
    space: random.pick(SPACES),
    metric: randomMetric(random),
    scope: randomScope(random, random.int(0, 3)),
    groupBy: random.chance(0.5)
      ? random.times(1, 3, () => random.pick(TAG_KEYS))
      : [],
    modifiers: random.times(0, 2, () => randomModifier(random)),
  };
}

function randomArgument(random: Random, depth: number): Argument {
  const roll = random.next();
  if (roll < 0.2) return { kind: "string", value: random.pick(STRINGS) };
  if (roll < 0.35) {
    const value: NamedArgument["value"] = random.chance(0.5)
      ? { kind: "string", value: random.pick(STRINGS) }
      : { kind: "number", value: randomNumber(random) };
    return { kind: "named", name: random.pick(NAMES), value };
  }
  return randomExpression(random, depth - 1);
}

function randomExpression(random: Random, depth: number): Expression {
  const roll = depth <= 0 ? random.next() * 0.6 : random.next();
  if (roll < 0.4) return randomSeries(random);
  if (roll < 0.6) return { kind: "number", value: randomNumber(random) };
  if (roll < 0.8) {
    return {
      kind: "binary",
      op: random.pick(["+", "-", "*", "/"] as const),
      left: randomExpression(random, depth - 1),
      right: randomExpression(random, depth - 1),
    };
  }
  return {
    kind: "call",
    name: random.pick(FUNCTIONS),
    args: random.times(0, 4, () => randomArgument(random, depth)),
  };
}

function randomWindow(random: Random): Window {
  const kind = random.chance(0.8)
    ? "last"
    : random.pick(["current", "next"] as const);
  return { kind, amount: random.int(1, 120), unit: random.pick(UNITS) };
}

function randomReducer(random: Random): Reducer {
  const inner: TimeReducer = {
    kind: "time",
    aggregator: random.pick(AGGREGATORS),
    window: randomWindow(random),
  };
  if (random.chance(0.7)) return inner;
  const fn = random.pick(["change", "pct_change"] as const);
  return { kind: "change", fn, inner, shift: random.pick(SHIFTS) };
}

function randomQuery(random: Random): MetricMonitorQuery {
  return {
    kind: "metric-monitor",
    reducer: randomReducer(random),
    expression: randomExpression(random, random.int(1, 5)),
    comparator: random.pick(COMPARATORS),
    threshold: randomNumber(random),
  };
}

/** Replaces each space of the formatted text by random whitespace. */
function respace(random: Random, text: string): string {
  const gaps = [" ", "  ", "\n", "\n    ", "\t", "\r\n  "];
  return `${random.pick(gaps)}${text.replace(/ /g, () => random.pick(gaps))}\n`;
}

const COUNT = 1000;
const trees = (seed: number) => {
  const random = new Random(seed);
  return Array.from({ length: COUNT }, () => randomQuery(random));
};

describe("parse(format(tree)) round trip", () => {
  it(`gives back each of ${COUNT} random trees`, () => {
    for (const [index, tree] of trees(20240601).entries()) {
      const text = formatQuery(tree);

      const result = parseMetricQuery(text);

      expect(result, `tree #${index}: ${text}`).toStrictEqual({
        ok: true,
        tree,
      });
    }
  });

  it(`gives back each of ${COUNT} random trees written over many lines`, () => {
    const random = new Random(7);
    for (const [index, tree] of trees(99).entries()) {
      const text = respace(random, formatQuery(tree));

      const result = parseMetricQuery(text);

      expect(result, `tree #${index}: ${text}`).toStrictEqual({
        ok: true,
        tree,
      });
    }
  });

  it("covers every node kind the formatter prints", () => {
    const seen = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (typeof value !== "object" || value === null) return;
      const record = value as Record<string, unknown>;
      if (typeof record.kind === "string") seen.add(record.kind);
      if (
        typeof record.name === "string" &&
        "args" in record &&
        !("kind" in record)
      ) {
        seen.add(`.${record.name}()`);
      }
      Object.values(record).forEach(visit);
    };

    trees(20240601).forEach(visit);

    expect([...seen].sort()).toEqual(
      [
        ".as_count()",
        ".as_rate()",
        ".fill()",
        ".rollup()",
        ".weighted()",
        "all",
        "and",
        "binary",
        "call",
        "change",
        "current",
        "in",
        "last",
        "metric-monitor",
        "named",
        "next",
        "not",
        "number",
        "or",
        "series",
        "string",
        "tag",
        "time",
      ].sort(),
    );
  });
});
