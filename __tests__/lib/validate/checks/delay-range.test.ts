import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import { delayRange } from "../../../../lib/validate/checks/delay-range.js";
import {
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

describe("delay-range", () => {
  it.each<[string, Partial<MonitorSpec>]>([
    ["no delay at all", {}],
    ["an evaluation delay of 0", { evaluationDelaySeconds: 0 }],
    ["the largest evaluation delay", { evaluationDelaySeconds: 86_400 }],
    ["a new group delay", { newGroupDelaySeconds: 300 }],
    ["a zero new group delay", { newGroupDelaySeconds: 0 }],
    ["an hourly re-notification", { renotifyIntervalMinutes: 60 }],
    ["no re-notification, as the API says it", { renotifyIntervalMinutes: 0 }],
    [
      "an imported evaluation delay",
      { extraOptions: { evaluation_delay: 60 } },
    ],
  ])("accepts %s", (_, overrides) => {
    expect(problemsOf(aMonitorSpec(overrides))).toEqual([]);
  });

  it.each<[string, Partial<MonitorSpec>, string]>([
    [
      "a negative evaluation delay",
      { evaluationDelaySeconds: -1 },
      "evaluationDelaySeconds",
    ],
    [
      "an evaluation delay past a day",
      { evaluationDelaySeconds: 86_401 },
      "evaluationDelaySeconds",
    ],
    [
      "a fractional evaluation delay",
      { evaluationDelaySeconds: 1.5 },
      "evaluationDelaySeconds",
    ],
    [
      "an imported evaluation delay that is not a number",
      { extraOptions: { evaluation_delay: "15m" } },
      "extraOptions.evaluation_delay",
    ],
    [
      "a negative new group delay",
      { newGroupDelaySeconds: -60 },
      "newGroupDelaySeconds",
    ],
    [
      "a re-notification every 7.5 minutes",
      { renotifyIntervalMinutes: 7.5 },
      "renotifyIntervalMinutes",
    ],
    [
      "an imported re-notification of -5 minutes",
      { extraOptions: { renotify_interval: -5 } },
      "extraOptions.renotify_interval",
    ],
  ])("rejects %s", (_, overrides, path) => {
    expect(problemsOf(aMonitorSpec(overrides))).toEqual([
      expect.objectContaining({ check: "delay-range", path }),
    ]);
  });

  it("says the range and the unit", () => {
    const spec = aMonitorSpec({ evaluationDelaySeconds: 90_000 });

    expect(findingsOf(delayRange, spec)[0]?.message).toBe(
      "expected whole seconds from 0 to 86400, got 90000",
    );
  });
});
