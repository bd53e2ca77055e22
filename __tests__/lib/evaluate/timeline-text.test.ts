import { describe, expect, it } from "vitest";
import {
  evaluate,
  formatMinute,
  formatTimeline,
  parseMinute,
} from "../../../lib/evaluate/index.js";
import { expr, series } from "../../../lib/query/builder.js";
import { aMetricMonitor, testMetric } from "../../support/monitors.js";

describe("minutes", () => {
  it.each([
    ["11m", 11],
    ["1h", 60],
    ["1h5m", 65],
    ["90", 90],
    [7, 7],
  ] as const)("reads %s", (text, minutes) => {
    expect(parseMinute(text)).toBe(minutes);
  });

  it("rejects text that is no time", () => {
    expect(() => parseMinute("soon")).toThrow(
      'expected a time such as "11m", "1h" or "1h5m", got "soon"',
    );
  });

  it("writes hours past 60 minutes", () => {
    expect([formatMinute(11), formatMinute(65)]).toEqual(["11m", "1h05m"]);
  });
});

describe("formatTimeline", () => {
  it("draws a strip per group and lists every change", () => {
    const spec = aMetricMonitor({
      aggregator: "max",
      windowMinutes: 1,
      expression: expr.of(series(testMetric("test.x"), { by: ["host"] })),
      comparator: ">",
      thresholds: { critical: 2, warning: 1 },
    });
    const result = evaluate(spec, [
      { metric: "test.x", tags: { host: "a" }, points: "0x2 1.5 3 0" },
      { metric: "test.x", tags: { host: "b" }, points: "0x3", startMinute: 2 },
    ]);
    expect(formatTimeline(result)).toBe(
      [
        "test-monitor: max(last_1m):avg:test.x{*} by {host} > 2",
        "  critical > 2, warning > 1; classic evaluation path",
        "  legend: . OK  W WARN  A ALERT  N NO DATA  - not seen yet",
        "  group host:a",
        "       1m |..WA.|",
        "    3m OK -> WARN (value 1.5)",
        "    4m WARN -> ALERT (value 3)",
        "    5m ALERT -> OK (value 0)",
        "  group host:b",
        "       1m |--...|",
        "    stays OK",
      ].join("\n"),
    );
  });
});
