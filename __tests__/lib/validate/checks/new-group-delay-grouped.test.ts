import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import {
  aMetricQuery,
  aMonitorSpec,
  problemsOf,
} from "../../../support/builders.js";

/** Filtered to one chain, so `{{chain_id.name}}` still renders. */
const ungrouped = (overrides: Partial<MonitorSpec> = {}) =>
  aMonitorSpec({
    query: aMetricQuery({
      by: [],
      filter: { env: "testnet-prod", chain_id: 1 },
    }),
    ...overrides,
  });

describe("new-group-delay-grouped", () => {
  it.each<[string, MonitorSpec]>([
    [
      "a grouped monitor with a delay",
      aMonitorSpec({ newGroupDelaySeconds: 300 }),
    ],
    ["an ungrouped monitor without one", ungrouped()],
  ])("accepts %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string]>([
    [
      "an ungrouped monitor with a delay",
      ungrouped({ newGroupDelaySeconds: 300 }),
      "newGroupDelaySeconds",
    ],
    [
      "an ungrouped monitor with an imported delay",
      ungrouped({ extraOptions: { new_group_delay: 60 } }),
      "extraOptions.new_group_delay",
    ],
  ])("rejects %s", (_, spec, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check: "new-group-delay-grouped", path }),
    ]);
  });
});
