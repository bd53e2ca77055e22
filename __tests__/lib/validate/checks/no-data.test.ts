import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import { noDataTimeframe } from "../../../../lib/validate/checks/no-data.js";
import {
  aMetricQuery,
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

/** An imported monitor: no noData, its decision in extraOptions. */
const imported = (extraOptions: Record<string, unknown>) =>
  aMonitorSpec({ noData: undefined, extraOptions });

const withDefaultZero = (overrides: Partial<MonitorSpec>) =>
  aMonitorSpec({ query: aMetricQuery({ defaultZero: true }), ...overrides });

describe("no-data-timeframe and no-data-conflict", () => {
  it.each<[string, MonitorSpec]>([
    [
      "a timeframe twice the window",
      aMonitorSpec({ noData: { kind: "notify", afterMinutes: 10 } }),
    ],
    [
      "on_missing_data alone",
      aMonitorSpec({
        noData: {
          kind: "missing-data",
          onMissingData: "show_and_notify_no_data",
        },
      }),
    ],
    [
      "default_zero with the default on_missing_data",
      withDefaultZero({
        noData: { kind: "missing-data", onMissingData: "default" },
      }),
    ],
    [
      "default_zero with notify_no_data, which catches total silence",
      withDefaultZero({ noData: { kind: "notify", afterMinutes: 10 } }),
    ],
    [
      "an unused short timeframe, as the API returns it",
      imported({ notify_no_data: false, no_data_timeframe: 2 }),
    ],
    [
      "an imported on_missing_data",
      imported({ on_missing_data: "show_no_data" }),
    ],
    [
      "an imported notify_no_data with its timeframe",
      imported({ notify_no_data: true, no_data_timeframe: 15 }),
    ],
  ])("accept %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string, string]>([
    [
      "a timeframe shorter than twice the window",
      aMonitorSpec({ noData: { kind: "notify", afterMinutes: 9 } }),
      "no-data-timeframe",
      "noData.afterMinutes",
    ],
    [
      "a timeframe of 0 minutes",
      aMonitorSpec({ noData: { kind: "notify", afterMinutes: 0 } }),
      "no-data-timeframe",
      "noData.afterMinutes",
    ],
    [
      "an imported timeframe equal to the window",
      imported({ notify_no_data: true, no_data_timeframe: 5 }),
      "no-data-timeframe",
      "extraOptions.no_data_timeframe",
    ],
    [
      "a second no-data decision in extraOptions",
      aMonitorSpec({ extraOptions: { notify_no_data: false } }),
      "no-data-conflict",
      "extraOptions.notify_no_data",
    ],
    [
      "on_missing_data with notify_no_data",
      imported({ on_missing_data: "show_no_data", notify_no_data: true }),
      "no-data-conflict",
      "extraOptions.notify_no_data",
    ],
    [
      "on_missing_data with no_data_timeframe",
      imported({ on_missing_data: "resolve", no_data_timeframe: 20 }),
      "no-data-conflict",
      "extraOptions.no_data_timeframe",
    ],
    [
      "default_zero with show_and_notify_no_data",
      withDefaultZero({
        noData: {
          kind: "missing-data",
          onMissingData: "show_and_notify_no_data",
        },
      }),
      "no-data-conflict",
      "noData.onMissingData",
    ],
    [
      "default_zero with an imported resolve",
      withDefaultZero({
        noData: undefined,
        extraOptions: { on_missing_data: "resolve" },
      }),
      "no-data-conflict",
      "extraOptions.on_missing_data",
    ],
  ])("reject %s", (_, spec, check, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check, path }),
    ]);
  });

  it("gives the minimum in minutes", () => {
    const spec = aMonitorSpec({ noData: { kind: "notify", afterMinutes: 6 } });

    expect(findingsOf(noDataTimeframe, spec)[0]?.message).toBe(
      "expected at least 10 minutes (twice the last_5m window), got 6",
    );
  });
});
