import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../lib/model/monitor.js";
import { MONITOR_CHECKS } from "../../../lib/validate/index.js";
import { aMonitorSpec, problemsOf } from "../../support/builders.js";

/** Two independent problems: a warning above critical and a bad tag. */
const twoProblems = (ignoreChecks?: Record<string, string>): MonitorSpec =>
  aMonitorSpec({
    thresholds: { critical: 10, warning: 15 },
    tags: [...aMonitorSpec().tags, "Owner:gateway"],
    ...(ignoreChecks ? { ignoreChecks } : {}),
  });

const checksOf = (spec: MonitorSpec) =>
  problemsOf(spec).map((d) => `${d.check} ${d.path}`);

describe("validatePlan opt-outs", () => {
  it("reports both problems without an opt-out", () => {
    expect(checksOf(twoProblems())).toEqual([
      "threshold-order thresholds.warning",
      "tag-format tags[4]",
    ]);
  });

  it("silences exactly the named check", () => {
    const spec = twoProblems({ "threshold-order": "flapping is wanted here" });

    expect(checksOf(spec)).toEqual(["tag-format tags[4]"]);
  });

  it("rejects an opt-out without a reason and keeps its finding", () => {
    const spec = twoProblems({ "threshold-order": "  " });

    expect(checksOf(spec)).toEqual([
      "threshold-order thresholds.warning",
      "tag-format tags[4]",
      "ignore-reason ignoreChecks.threshold-order",
    ]);
  });

  it("rejects a stale opt-out", () => {
    const spec = aMonitorSpec({ ignoreChecks: { "tag-format": "old habit" } });

    expect(checksOf(spec)).toEqual(["ignore-unused ignoreChecks.tag-format"]);
  });

  it("rejects an opt-out of a check that does not exist", () => {
    const spec = aMonitorSpec({ ignoreChecks: { "tag-formats": "typo" } });

    expect(checksOf(spec)).toEqual(["ignore-unknown ignoreChecks.tag-formats"]);
  });
});

describe("MONITOR_CHECKS", () => {
  it("has unique kebab-case ids and one-line descriptions", () => {
    const ids = MONITOR_CHECKS.map((c) => c.id);

    expect(new Set(ids).size).toBe(ids.length);
    for (const check of MONITOR_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.description).not.toContain("\n");
    }
  });

  it("passes the default test spec on every check", () => {
    expect(problemsOf(aMonitorSpec())).toEqual([]);
  });
});
