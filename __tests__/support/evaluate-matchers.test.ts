import { describe, expect, it } from "vitest";
import { evaluate } from "../../lib/evaluate/index.js";
import { expr, series } from "../../lib/query/builder.js";
import "./evaluate-matchers.js";
import { aMetricMonitor, testMetric } from "./monitors.js";

const spec = aMetricMonitor({
  aggregator: "max",
  windowMinutes: 1,
  expression: expr.of(series(testMetric("test.x"), { by: ["chain_id"] })),
  comparator: ">",
  thresholds: { critical: 1 },
});
const result = evaluate(spec, [
  { metric: "test.x", tags: { chain_id: 8453 }, points: "0.2x10 3x6 0.2x20" },
  { metric: "test.x", tags: { chain_id: 1 }, points: "0.2x36" },
]);
const failure = (assert: () => void) => {
  try {
    assert();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the assertion to fail");
};

describe("evaluate matchers", () => {
  it("pass on what happened", () => {
    expect(result).toAlert({
      group: "chain_id:8453",
      from: "11m",
      until: "17m",
      only: true,
    });
    expect(result).toRecover({ group: "chain_id:8453", at: "17m" });
    expect(result).toStayOk({ group: "chain_id:1" });
    expect(result).not.toAlert({ group: "chain_id:1" });
    expect(result).not.toBeNoData();
    expect(result).toPage();
  });

  it("name the group, the expected and the actual minute, then print its timeline", () => {
    const message = failure(() =>
      expect(result).toAlert({ group: "chain_id:8453", from: "12m" }),
    );
    expect(message).toContain(
      "expected test-monitor group chain_id:8453 to reach ALERT from 12m, but it first did at 11m",
    );
    expect(message).toContain(
      "  group chain_id:8453\n       1m |..........AAAAAA....................|",
    );
    expect(message).toContain("11m OK -> ALERT (value 3)");
    expect(message).not.toContain("group chain_id:1\n");
  });

  it.each([
    [
      "a missing group lists the groups",
      () => expect(result).toAlert({ group: "chain_id:5" }),
      'expected a group "chain_id:5" in test-monitor, got chain_id:1, chain_id:8453',
    ],
    [
      "stay OK names the first bad step",
      () => expect(result).toStayOk(),
      "group chain_id:8453 to stay OK, but it was ALERT at 11m",
    ],
    [
      "only names the other groups",
      () =>
        expect(
          evaluate(spec, [
            { metric: "test.x", tags: { chain_id: 1 }, points: "3" },
            { metric: "test.x", tags: { chain_id: 2 }, points: "3" },
          ]),
        ).toAlert({ group: "chain_id:1", only: true }),
      "expected only chain_id:1 to reach ALERT, but chain_id:2 did too",
    ],
    [
      "warn refuses an alert",
      () => expect(result).toWarn({ group: "chain_id:8453" }),
      "to reach WARN, but it never did",
    ],
    [
      "recover names the minute",
      () => expect(result).toRecover({ group: "chain_id:8453", at: "20m" }),
      "to recover at 20m, but it recovered at 17m",
    ],
    [
      "not.toPage lists the pages",
      () => expect(result).not.toPage(),
      "11m chain_id:8453 OK -> ALERT: @pagerduty-test",
    ],
  ])("%s", (_, assert, expected) => {
    expect(failure(assert)).toContain(expected);
  });
});
