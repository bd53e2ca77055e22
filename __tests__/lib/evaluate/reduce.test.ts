import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/evaluate/index.js";
import { quantile, reduceWindow } from "../../../lib/evaluate/reduce.js";
import { expr, series } from "../../../lib/query/builder.js";
import "../../support/evaluate-matchers.js";
import { aMetricMonitor, testMetric } from "../../support/monitors.js";

const load = testMetric("test.load");
const latency = testMetric("test.latency", "distribution");

describe("reduceWindow", () => {
  const values = Float64Array.from([1, Number.NaN, 4, 2]);

  it.each([
    ["avg skips gaps", "avg", 7 / 3],
    ["min", "min", 1],
    ["max", "max", 4],
    ["sum", "sum", 7],
    ["last is the latest value", "last", 2],
  ] as const)("%s", (_, aggregator, expected) => {
    expect(reduceWindow(values, 0, 4, aggregator)).toBeCloseTo(expected);
  });

  it("gives no value for a window of gaps", () => {
    expect(reduceWindow(values, 1, 2, "sum")).toBeNaN();
  });
});

describe("quantile", () => {
  it.each([
    ["p50 of 1..100 is 50", 0.5, 50],
    ["p99 of 1..100 is 99", 0.99, 99],
    ["p100 is the maximum", 1, 100],
  ])("%s (nearest rank)", (_, q, expected) => {
    expect(
      quantile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        q,
      ),
    ).toBe(expected);
  });
});

describe("time aggregation over the window", () => {
  const points = "0.2x10 3x6 0.2x20";
  const monitor = (
    aggregator: "avg" | "max" | "min" | "sum" | "last",
    windowMinutes: number,
  ) =>
    aMetricMonitor({
      aggregator,
      windowMinutes,
      expression: expr.of(series(load)),
      comparator: ">",
      thresholds: { critical: 1 },
    });

  it("max(last_1m) alerts on the first minute above and recovers after the last", () => {
    const result = evaluate(monitor("max", 1), [
      { metric: "test.load", points },
    ]);
    expect(result).toAlert({ from: "11m", until: "17m" });
    expect(result).toRecover({ at: "17m" });
  });

  it("avg(last_5m) alerts once the average of five minutes passes", () => {
    const result = evaluate(monitor("avg", 5), [
      { metric: "test.load", points },
    ]);
    expect(result).toAlert({ from: "12m", until: "20m" });
  });

  it("min(last_5m) alerts only when every point of the window is above", () => {
    const result = evaluate(monitor("min", 5), [
      { metric: "test.load", points },
    ]);
    expect(result).toAlert({ from: "15m", until: "17m" });
  });

  it("sum(last_5m) adds the window's points", () => {
    const result = evaluate(monitor("sum", 5), [
      { metric: "test.load", points: "0.1x10 0.3x10" },
    ]);
    expect(result).toAlert({ from: "13m" });
    expect(
      result.groups[0]!.steps.find((s) => s.minute === 13)?.value,
    ).toBeCloseTo(1.1);
  });

  it("last(last_5m) reads the latest point", () => {
    const result = evaluate(monitor("last", 5), [
      { metric: "test.load", points },
    ]);
    expect(result).toAlert({ from: "11m", until: "17m" });
  });
});

describe("percentiles of distributions", () => {
  const monitor = aMetricMonitor({
    aggregator: "percentile",
    windowMinutes: 5,
    expression: expr.of(series(latency, { space: "p99", by: ["chain_id"] })),
    comparator: ">",
    thresholds: { critical: 3 },
  });

  // 3 slow samples of 200 a minute: 1.5% per minute, but p99 is taken over
  // the whole window, which passes 1% only once 4 slow minutes are in it.
  it("p99 over every sample of the window and of every source alerts the slow chain only", () => {
    const result = evaluate(monitor, [
      {
        metric: "test.latency",
        tags: { chain_id: 1, host: "a" },
        samples: "0.2*100x20",
      },
      {
        metric: "test.latency",
        tags: { chain_id: 8453, host: "a" },
        samples: "0.2*100x10 0.2*97,4*3x10",
      },
      {
        metric: "test.latency",
        tags: { chain_id: 8453, host: "b" },
        samples: "0.2*100x20",
      },
    ]);
    expect(result).toAlert({ group: "chain_id:8453", from: "14m", only: true });
    expect(result).toStayOk({ group: "chain_id:1" });
  });

  it("p99 stays below when only 1% of samples are slow", () => {
    const result = evaluate(monitor, [
      {
        metric: "test.latency",
        tags: { chain_id: 1 },
        samples: "0.2*99,4*1x20",
      },
    ]);
    expect(result).toStayOk();
    expect(result.groups[0]!.steps.at(-1)?.value).toBe(0.2);
  });
});
