import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import type { MetricMonitorQuery, Window } from "../../../../lib/query/ast.js";
import { windowRange } from "../../../../lib/validate/checks/window-range.js";
import {
  aMetricQuery,
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const silenceIsFine = { kind: "ignore", reason: "covered elsewhere" } as const;

/** A spec evaluated over `window`; no-data is off so long windows pass. */
const over = (window: Window): MonitorSpec => {
  const query = aMetricQuery();
  return aMonitorSpec({
    query: { ...query, reducer: { kind: "time", aggregator: "avg", window } },
    noData: silenceIsFine,
  });
};

const last = (amount: number, unit: Window["unit"]): Window => ({
  kind: "last",
  amount,
  unit,
});
const current = (amount: number, unit: Window["unit"]): Window => ({
  kind: "current",
  amount,
  unit,
});

/** `change(avg(last_5m),<shift>)` */
const changeSince = (shift: string): MonitorSpec => {
  const query: MetricMonitorQuery = {
    ...aMetricQuery(),
    reducer: {
      kind: "change",
      fn: "change",
      inner: { kind: "time", aggregator: "avg", window: last(5, "m") },
      shift,
    },
  };
  return aMonitorSpec({ query });
};

describe("window-range", () => {
  it.each<[string, MonitorSpec]>([
    ["last_1m, the shortest window", over(last(1, "m"))],
    ["last_730h, the longest rolling window", over(last(730, "h"))],
    ["last_1mo", over(last(1, "mo"))],
    ["current_1h", over(current(1, "h"))],
    ["current_1d", over(current(1, "d"))],
    ["current_1mo", over(current(1, "mo"))],
    ["a change since 5m_ago", changeSince("5m_ago")],
    ["a change against last_1w", changeSince("last_1w")],
  ])("accepts %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string]>([
    ["last_731h", over(last(731, "h")), "query.reducer.window"],
    ["last_31d", over(last(31, "d")), "query.reducer.window"],
    ["last_0m", over(last(0, "m")), "query.reducer.window"],
    ["last_1.5h", over(last(1.5, "h")), "query.reducer.window"],
    ["current_2h", over(current(2, "h")), "query.reducer.window"],
    ["current_1w", over(current(1, "w")), "query.reducer.window"],
    ["a change since 5x_ago", changeSince("5x_ago"), "query.reducer.shift"],
    ["a change since 31d_ago", changeSince("31d_ago"), "query.reducer.shift"],
  ])("rejects %s", (_, spec, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check: "window-range", path }),
    ]);
  });

  it("names the limit", () => {
    expect(findingsOf(windowRange, over(last(5, "w")))[0]?.message).toBe(
      "expected a window of at most 730 hours (43800 minutes), got last_5w",
    );
  });
});
