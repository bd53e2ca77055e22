import { describe, expect, it } from "vitest";
import { evaluate } from "../../../lib/evaluate/index.js";
import { nextState, passesRecovery } from "../../../lib/evaluate/thresholds.js";
import type { Comparator } from "../../../lib/query/ast.js";
import { expr, series } from "../../../lib/query/builder.js";
import "../../support/evaluate-matchers.js";
import { aMetricMonitor, testMetric } from "../../support/monitors.js";

describe("passesRecovery", () => {
  it.each<[Comparator, number, boolean]>([
    [">", 70, true],
    [">", 70.1, false],
    [">=", 70, false],
    [">=", 69.9, true],
    ["<", 70, true],
    ["<", 69.9, false],
    ["<=", 70, false],
    ["<=", 70.1, true],
  ])(
    "%s alerts recover against 70 at %s: %s",
    (comparator, value, expected) => {
      expect(passesRecovery(comparator, value, 70)).toBe(expected);
    },
  );
});

describe("nextState", () => {
  const rules = {
    comparator: ">" as const,
    critical: 80,
    warning: 60,
    criticalRecovery: 70,
    warningRecovery: 50,
  };

  it.each([
    ["OK above critical alerts", "OK", 85, "ALERT"],
    ["OK between warning and critical warns", "OK", 65, "WARN"],
    ["ALERT above the critical recovery stays ALERT", "ALERT", 75, "ALERT"],
    ["ALERT at the critical recovery drops to WARN", "ALERT", 70, "WARN"],
    ["ALERT far below drops to OK", "ALERT", 40, "OK"],
    ["WARN above the warning recovery stays WARN", "WARN", 55, "WARN"],
    ["WARN at the warning recovery recovers", "WARN", 50, "OK"],
    ["NO DATA with a value above critical alerts", "NO DATA", 90, "ALERT"],
  ] as const)("%s", (_, previous, value, expected) => {
    expect(nextState(previous, value, rules)).toBe(expected);
  });
});

describe("comparators and recovery thresholds over time", () => {
  const cpu = testMetric("test.cpu");
  const monitor = (
    comparator: Comparator,
    thresholds: Parameters<typeof aMetricMonitor>[0]["thresholds"],
  ) =>
    aMetricMonitor({
      aggregator: "max",
      windowMinutes: 1,
      expression: expr.of(series(cpu)),
      comparator,
      thresholds,
    });
  const points = "50x5 85x3 75x3 65x3 40x3";

  it("without recovery thresholds follows the value down through WARN", () => {
    const result = evaluate(monitor(">", { critical: 80, warning: 60 }), [
      { metric: "test.cpu", points },
    ]);
    expect(result).toAlert({ from: "6m", until: "9m" });
    expect(result).toRecover({ at: "15m" });
  });

  it("a critical recovery threshold keeps the alert until the value passes it", () => {
    const result = evaluate(
      monitor(">", { critical: 80, warning: 60, criticalRecovery: 70 }),
      [{ metric: "test.cpu", points }],
    );
    expect(result).toAlert({ from: "6m", until: "12m" });
  });

  it("a below-comparator alerts when the value drops under the threshold", () => {
    const result = evaluate(monitor("<", { critical: 45 }), [
      { metric: "test.cpu", points },
    ]);
    expect(result).toAlert({ from: "15m" });
  });

  it("== alerts only while the value equals the threshold, != while it differs", () => {
    const series = [{ metric: "test.cpu", points: "50x5 85x3 75x3" }];
    expect(evaluate(monitor("==", { critical: 85 }), series)).toAlert({
      from: "6m",
      until: "9m",
      only: true,
    });
    expect(
      evaluate(monitor("!=", { critical: 50, warning: 75 }), series),
    ).toAlert({ from: "6m" });
  });

  it("a warning-only excursion warns and never alerts", () => {
    const result = evaluate(monitor(">=", { critical: 90, warning: 85 }), [
      { metric: "test.cpu", points },
    ]);
    expect(result).toWarn({ from: "6m", until: "9m" });
  });
});
