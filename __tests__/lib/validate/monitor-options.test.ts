import { describe, expect, it } from "vitest";
import {
  monitorOptions,
  optionNumber,
} from "../../../lib/validate/monitor-options.js";
import { aMonitorSpec } from "../../support/builders.js";

describe("monitorOptions", () => {
  it("reads typed fields with their paths", () => {
    const spec = aMonitorSpec({
      evaluationDelaySeconds: 900,
      renotifyIntervalMinutes: 60,
    });

    expect(monitorOptions(spec)).toEqual({
      evaluationDelay: { value: 900, path: "evaluationDelaySeconds" },
      renotifyInterval: { value: 60, path: "renotifyIntervalMinutes" },
      notifyNoData: { value: true, path: "noData.kind" },
      noDataTimeframe: { value: 10, path: "noData.afterMinutes" },
    });
  });

  it("lets extraOptions win, as it does at render", () => {
    const spec = aMonitorSpec({
      evaluationDelaySeconds: 900,
      noData: { kind: "missing-data", onMissingData: "resolve" },
      extraOptions: { evaluation_delay: 60, include_tags: false },
    });

    expect(monitorOptions(spec)).toEqual({
      evaluationDelay: { value: 60, path: "extraOptions.evaluation_delay" },
      onMissingData: { value: "resolve", path: "noData.onMissingData" },
    });
  });
});

describe("optionNumber", () => {
  it.each<[unknown, number | undefined]>([
    [900, 900],
    ["900", 900],
    ["-1.5", -1.5],
    ["15m", undefined],
    [true, undefined],
    [undefined, undefined],
  ])("reads %j as %j", (value, expected) => {
    expect(optionNumber(value)).toBe(expected);
  });
});
