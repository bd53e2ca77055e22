import { describe, expect, it } from "vitest";
import { evaluate, renderSvg } from "../../../lib/evaluate/index.js";
import { expr, series } from "../../../lib/query/builder.js";
import { aMetricMonitor, testMetric } from "../../support/monitors.js";

describe("renderSvg", () => {
  const spec = aMetricMonitor({
    aggregator: "max",
    windowMinutes: 1,
    expression: expr.of(series(testMetric("test.x"), { by: ["host"] })),
    comparator: ">",
    thresholds: { critical: 2, warning: 1, criticalRecovery: 1.8 },
    noData: { kind: "notify", afterMinutes: 2 },
  });
  const result = evaluate(
    spec,
    [
      { metric: "test.x", tags: { host: "a<b" }, points: "0x5 1.5x3 3x3 0x5" },
      { metric: "test.x", tags: { host: "c" }, points: "0x5" },
    ],
    { toMinute: 16 },
  );
  const svg = renderSvg(result);
  const count = (pattern: RegExp) => svg.match(pattern)?.length ?? 0;

  it("is one standalone svg document", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("draws a panel and a value line per group", () => {
    expect(count(/<g class="group"/g)).toBe(2);
    expect(count(/<polyline class="series"/g)).toBe(2);
  });

  it("draws the critical, warning and recovery lines in each panel", () => {
    expect(count(/<line class="threshold-critical"/g)).toBe(2);
    expect(count(/<line class="threshold-warning"/g)).toBe(2);
    expect(count(/<line class="threshold-critical-recovery"/g)).toBe(2);
  });

  it("shades each alert, warn and no-data period", () => {
    expect(count(/<rect class="state-alert"/g)).toBe(1);
    expect(count(/<rect class="state-warn"/g)).toBe(1);
    expect(count(/<rect class="state-no-data"/g)).toBe(1);
  });

  it("escapes text taken from tags and queries", () => {
    expect(svg).toContain("group host:a&lt;b");
    expect(svg).not.toContain("host:a<b");
  });
});
