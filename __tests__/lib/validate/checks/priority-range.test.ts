import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import type { Tier } from "../../../../lib/model/environment.js";
import { priorityRange } from "../../../../lib/validate/checks/priority-range.js";
import {
  aDevMonitorSpec,
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const on = (tier: Tier, priority: number | undefined): MonitorSpec =>
  tier === "oncall"
    ? aMonitorSpec({ priority })
    : aDevMonitorSpec(priority === undefined ? {} : { priority });

describe("priority-range", () => {
  it.each<[string, Tier, number | undefined]>([
    ["the top of testnet-prod's oncall range", "oncall", 2],
    ["the bottom of testnet-prod's oncall range", "oncall", 4],
    ["a dev monitor without priority", "dev", undefined],
    ["a dev monitor at 5", "dev", 5],
  ])("accepts %s", (_, tier, priority) => {
    expect(problemsOf(on(tier, priority), { tier })).toEqual([]);
  });

  it.each<[string, Tier, number | undefined]>([
    ["an oncall priority above the environment's range", "oncall", 1],
    ["an oncall priority below the environment's range", "oncall", 5],
    ["an oncall monitor without priority", "oncall", undefined],
    ["a dev priority of 0", "dev", 0],
    ["a fractional priority", "dev", 2.5],
    ["a priority of 6", "dev", 6],
  ])("rejects %s", (_, tier, priority) => {
    expect(problemsOf(on(tier, priority), { tier })).toEqual([
      expect.objectContaining({ check: "priority-range", path: "priority" }),
    ]);
  });

  it("points at the environment's range", () => {
    expect(findingsOf(priorityRange, aMonitorSpec({ priority: 1 }))).toEqual([
      {
        path: "priority",
        message: "expected 2 to 4 for an oncall monitor in testnet-prod, got 1",
        hint: "oncallPriority in config/environments/testnet-prod.yaml sets the range",
      },
    ]);
  });
});
