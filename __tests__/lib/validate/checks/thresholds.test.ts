import { describe, expect, it } from "vitest";
import type { MonitorSpec, Thresholds } from "../../../../lib/model/monitor.js";
import type { Comparator } from "../../../../lib/query/ast.js";
import {
  thresholdKeysFor,
  thresholdOrder,
} from "../../../../lib/validate/checks/thresholds.js";
import {
  aMetricQuery,
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const metric = (
  comparator: Comparator,
  thresholds: Thresholds,
  queryThreshold = thresholds.critical,
): MonitorSpec =>
  aMonitorSpec({
    query: aMetricQuery({ comparator, threshold: queryThreshold }),
    thresholds,
  });

const serviceCheck = (thresholds: Thresholds): MonitorSpec =>
  aMonitorSpec({
    type: "service check",
    query: {
      kind: "raw",
      text: '"datadog.agent.up".over("*").by("host").last(2).count_by_status()',
    },
    thresholds,
  });

describe("threshold checks", () => {
  it.each<[string, MonitorSpec]>([
    [
      "every threshold below critical when alerting above",
      metric(">", {
        critical: 10,
        warning: 5,
        criticalRecovery: 8,
        warningRecovery: 4,
      }),
    ],
    [
      "every threshold above critical when alerting below",
      metric("<", {
        critical: 10,
        warning: 20,
        criticalRecovery: 12,
        warningRecovery: 25,
      }),
    ],
    [
      "a gauge state alerting at or above",
      metric(">=", { critical: 2, warning: 1 }),
    ],
    [
      "a pool alerting at or below zero",
      metric("<=", { critical: 0, warning: 1 }),
    ],
    [
      "a scaled threshold equal to the query's after formatting",
      metric(">", { critical: 0.1 + 0.2 }, 0.3),
    ],
    [
      "service check run counts",
      serviceCheck({ critical: 1, warning: 1, ok: 1, unknown: 2 }),
    ],
  ])("accept %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string, string]>([
    [
      "a critical threshold that differs from the query's",
      metric(">", { critical: 12 }, 10),
      "threshold-matches-query",
      "thresholds.critical",
    ],
    [
      "a warning above critical when alerting above",
      metric(">", { critical: 10, warning: 15 }),
      "threshold-order",
      "thresholds.warning",
    ],
    [
      "a warning equal to critical when alerting at or above",
      metric(">=", { critical: 10, warning: 10 }),
      "threshold-order",
      "thresholds.warning",
    ],
    [
      "a critical recovery above critical when alerting above",
      metric(">", { critical: 10, criticalRecovery: 11 }),
      "threshold-order",
      "thresholds.criticalRecovery",
    ],
    [
      "a critical recovery equal to critical when alerting above",
      metric(">", { critical: 10, criticalRecovery: 10 }),
      "threshold-order",
      "thresholds.criticalRecovery",
    ],
    [
      "a warning recovery above the warning when alerting above",
      metric(">", { critical: 10, warning: 5, warningRecovery: 6 }),
      "threshold-order",
      "thresholds.warningRecovery",
    ],
    [
      "a warning below critical when alerting below",
      metric("<", { critical: 10, warning: 5 }),
      "threshold-order",
      "thresholds.warning",
    ],
    [
      "a critical recovery below critical when alerting at or below",
      metric("<=", { critical: 10, criticalRecovery: 9 }),
      "threshold-order",
      "thresholds.criticalRecovery",
    ],
    [
      "an ok threshold on a metric monitor",
      metric(">", { critical: 10, ok: 1 }),
      "threshold-keys",
      "thresholds.ok",
    ],
    [
      "an unknown threshold on a metric monitor",
      metric(">", { critical: 10, unknown: 1 }),
      "threshold-keys",
      "thresholds.unknown",
    ],
    [
      "a recovery threshold on a service check",
      serviceCheck({ critical: 1, criticalRecovery: 1 }),
      "threshold-keys",
      "thresholds.criticalRecovery",
    ],
    [
      "a fractional service check run count",
      serviceCheck({ critical: 1, ok: 0.5 }),
      "threshold-keys",
      "thresholds.ok",
    ],
    [
      "a warning that is not a number",
      metric(">", { critical: 10, warning: Number.NaN }),
      "threshold-keys",
      "thresholds.warning",
    ],
    [
      "a warning recovery without a warning",
      metric(">", { critical: 10, warningRecovery: 4 }),
      "threshold-keys",
      "thresholds.warningRecovery",
    ],
  ])("reject %s", (_, spec, check, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check, path }),
    ]);
  });

  it("says which side the threshold belongs on", () => {
    const spec = metric(">", { critical: 800, warning: 900 });

    expect(findingsOf(thresholdOrder, spec)).toEqual([
      {
        path: "thresholds.warning",
        message: "expected < 800 (thresholds.critical, alerting >), got 900",
        hint: "a warning fires before the alert, between normal values and critical",
      },
    ]);
  });

  it("gives ok and unknown to service checks only", () => {
    expect(thresholdKeysFor("service check")).toContain("unknown");
    expect(thresholdKeysFor("query alert")).not.toContain("ok");
  });
});
