import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/evaluate/index.js";
import type { Expression } from "../../../lib/query/ast.js";
import { expr, scope, series } from "../../../lib/query/builder.js";
import "../../support/evaluate-matchers.js";
import { aMetricMonitor, testMetric } from "../../support/monitors.js";

const errors = testMetric("test.errors", "count");
const total = testMetric("test.total", "count");
const load = testMetric("test.load");
const free = testMetric("test.free");

const kinds = {
  metricKinds: { "test.errors": "count", "test.total": "count" },
} as const;

const valueAt = (r: ReturnType<typeof evaluate>, minute: number, group = "*") =>
  r.groups
    .find((g) => g.group === group)
    ?.steps.find((s) => s.minute === minute)?.value;

const monitor = (
  aggregator: "sum" | "avg" | "min" | "max",
  expression: Expression,
  critical = 1e9,
  windowMinutes = 5,
) =>
  aMetricMonitor({
    aggregator,
    windowMinutes,
    expression,
    comparator: ">",
    thresholds: { critical },
  });

// The worked example of Datadog's as_count() guide: errors 1..5 against
// 5 requests a minute over five minutes.
const guideSeries = [
  { metric: "test.errors", points: "1 2 3 4 5" },
  { metric: "test.total", points: "5x5" },
];

describe("as_count and as_rate", () => {
  it("arithmetic with as_count() sums each series over the window first: (1+..+5)/(5*5)", () => {
    const q = expr.div(
      series(errors, { space: "sum" }).asCount(),
      series(total, { space: "sum" }).asCount(),
    );
    const result = evaluate(monitor("sum", q), guideSeries, kinds);
    expect(result.evaluationPath).toBe("as_count");
    expect(valueAt(result, 5)).toBeCloseTo(0.6);
  });

  it("arithmetic with as_rate() divides per minute then sums: 1/5+..+5/5", () => {
    const q = expr.div(
      series(errors, { space: "sum" }).asRate(),
      series(total, { space: "sum" }).asRate(),
    );
    const result = evaluate(monitor("sum", q), guideSeries, kinds);
    expect(result.evaluationPath).toBe("classic");
    expect(valueAt(result, 5)).toBeCloseTo(3);
  });

  it("sum(last_5m) of an as_count() count adds the counts of each minute", () => {
    const result = evaluate(
      monitor("sum", expr.of(series(errors, { space: "sum" }).asCount())),
      guideSeries,
      kinds,
    );
    expect(valueAt(result, 5)).toBe(15);
  });

  it("as_rate() turns a minute's count into a per-second rate", () => {
    const result = evaluate(
      monitor("max", expr.of(series(total, { space: "sum" }).asRate())),
      guideSeries,
      kinds,
    );
    expect(valueAt(result, 5)).toBeCloseTo(5 / 60);
  });

  it("a count with no point beside one that has a point aligns as 0", () => {
    const q = expr.add(
      series(errors, { space: "sum" }).asCount(),
      series(total, { space: "sum" }).asCount(),
    );
    const result = evaluate(
      monitor("sum", q, 1e9, 1),
      [
        { metric: "test.errors", points: "_ 2" },
        { metric: "test.total", points: "5 5" },
      ],
      kinds,
    );
    expect(valueAt(result, 1)).toBe(5);
    expect(valueAt(result, 2)).toBe(7);
  });

  it("a count series absent from the window aligns as 0 and says so in the notes", () => {
    const q = expr.div(
      series(errors, { space: "sum" }).asCount(),
      series(total, { space: "sum" }).asCount(),
    );
    const result = evaluate(
      monitor("sum", q),
      [{ metric: "test.total", points: "5x5" }],
      kinds,
    );
    expect(valueAt(result, 5)).toBe(0);
    expect(result.notes).toEqual([expect.stringContaining("aligned as 0")]);
  });

  it("a gauge gap in arithmetic leaves no value for that minute", () => {
    const q = expr.sub(series(load).fill("null"), series(free).fill("null"));
    const result = evaluate(monitor("max", q, 1e9, 1), [
      { metric: "test.load", points: "5 _ 5" },
      { metric: "test.free", points: "1 1 1" },
    ]);
    expect(valueAt(result, 1)).toBe(4);
    expect(result.groups[0]!.steps[1]).toMatchObject({
      minute: 2,
      reason: "no-value",
    });
  });
});

describe("space aggregation and grouping", () => {
  const hosts = [
    {
      metric: "test.load",
      tags: { env: "prod", host: "a", chain_id: 1 },
      points: "1x5",
    },
    {
      metric: "test.load",
      tags: { env: "prod", host: "b", chain_id: 1 },
      points: "3x5",
    },
    {
      metric: "test.load",
      tags: { env: "prod", host: "c", chain_id: 8453 },
      points: "10x5",
    },
    {
      metric: "test.load",
      tags: { env: "dev", host: "d", chain_id: 1 },
      points: "100x5",
    },
  ];

  it.each([
    ["avg", 14 / 3],
    ["sum", 14],
    ["min", 1],
    ["max", 10],
  ] as const)("%s across the series the scope selects", (space, expected) => {
    const q = expr.of(series(load, { space, filter: { env: "prod" } }));
    expect(valueAt(evaluate(monitor("avg", q), hosts), 5)).toBeCloseTo(
      expected,
    );
  });

  it("groups by the by tags, aggregating within each group", () => {
    const q = expr.of(
      series(load, {
        space: "sum",
        filter: scope.not(scope.tag("env", "dev")),
        by: ["chain_id"],
      }),
    );
    const result = evaluate(monitor("avg", q), hosts);
    expect(result.groups.map((g) => g.group)).toEqual([
      "chain_id:1",
      "chain_id:8453",
    ]);
    expect(valueAt(result, 5, "chain_id:1")).toBe(4);
    expect(valueAt(result, 5, "chain_id:8453")).toBe(10);
  });

  it("aligns arithmetic by group and applies an ungrouped operand to every group", () => {
    const q = expr.div(
      series(load, { space: "sum", filter: { env: "prod" }, by: ["chain_id"] }),
      series(free, { space: "sum" }),
    );
    const result = evaluate(monitor("avg", q), [
      ...hosts,
      { metric: "test.free", points: "2x5" },
    ]);
    expect(valueAt(result, 5, "chain_id:1")).toBe(2);
    expect(valueAt(result, 5, "chain_id:8453")).toBe(5);
  });

  it("puts a series without the group tag under N/A", () => {
    const q = expr.of(series(load, { space: "sum", by: ["region"] }));
    const result = evaluate(monitor("avg", q), [hosts[0]!]);
    expect(result.groups.map((g) => g.group)).toEqual(["region:N/A"]);
  });
});

describe("functions and modifiers", () => {
  it.each<[string, Expression, string, number]>([
    ["abs makes a value positive", expr.abs(series(load)), "-3x5", 3],
    [
      "clamp_min raises a value to the bound",
      expr.call("clamp_min", series(load), 10),
      "4x5",
      10,
    ],
    [
      "clamp_max lowers a value to the bound",
      expr.call("clamp_max", series(load), 2),
      "4x5",
      2,
    ],
    [
      "default_zero fills a gauge gap with 0",
      expr.defaultZero(series(load).fill("null")),
      "4 4 _ 4 4",
      0,
    ],
    [
      "fill(zero) fills a gap with 0",
      expr.of(series(load).fill("zero")),
      "4 4 _ 4 4",
      0,
    ],
    [
      "fill(last) repeats the last value",
      expr.of(series(load).fill("last")),
      "4 4 _ 9 9",
      4,
    ],
    [
      "rollup(min, 60) keeps one-minute values",
      expr.of(series(load).rollup("min", 60)),
      "4 4 1 4 4",
      1,
    ],
  ])("%s", (_, expression, points, expected) => {
    const result = evaluate(monitor("min", expression), [
      { metric: "test.load", points },
    ]);
    expect(valueAt(result, 5)).toBe(expected);
  });

  it("a gauge interpolates a short gap linearly by default: (1+2+3+4+4)/5", () => {
    const result = evaluate(monitor("avg", expr.of(series(load))), [
      { metric: "test.load", points: "1 _ _ 4 4" },
    ]);
    expect(valueAt(result, 5)).toBeCloseTo(2.8);
  });

  it("clamp_min sets a missing minute to its bound", () => {
    const q = expr.call("clamp_min", series(load).fill("null"), 10);
    const result = evaluate(monitor("sum", q), [
      { metric: "test.load", points: "20 _ _ _ 20" },
    ]);
    expect(valueAt(result, 5)).toBe(70);
  });

  it("rollup(sum, 300) sums UNIX-aligned buckets that start inside the window", () => {
    const q = expr.of(
      series(errors, { space: "sum" }).asCount().rollup("sum", 300),
    );
    const result = evaluate(
      monitor("sum", q, 1e9, 10),
      [{ metric: "test.errors", points: "1x15" }],
      kinds,
    );
    // window [2, 12): the bucket at 0 starts before it and is left out;
    // buckets 5-9 (5) and 10-11 (2 arrived so far)
    expect(valueAt(result, 12)).toBe(7);
    // window [5, 15): buckets 5-9 and 10-14
    expect(valueAt(result, 15)).toBe(10);
  });
});
