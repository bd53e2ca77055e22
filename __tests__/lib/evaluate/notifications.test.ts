import { describe, expect, it } from "vitest";
import { evaluate, notifications } from "../../../lib/evaluate/index.js";
import { expr, series } from "../../../lib/query/builder.js";
import { aMetricMonitor, testMetric } from "../../support/monitors.js";

const up = testMetric("test.up");
const base = aMetricMonitor({
  aggregator: "max",
  windowMinutes: 1,
  expression: expr.of(series(up)),
  comparator: "<",
  thresholds: { critical: 0.5, warning: 0.9 },
  noData: { kind: "notify", afterMinutes: 3 },
});
const message = [
  "Summary @team-mail",
  "{{#is_alert}}@pagerduty-x{{/is_alert}}",
  "{{#is_warning}}@slack-warn{{/is_warning}}",
  "{{#is_recovery}}@slack-ok{{#is_alert_recovery}} @slack-was-alert{{/is_alert_recovery}}{{/is_recovery}}",
  "{{#is_no_data}}@pagerduty-x{{/is_no_data}}",
  "{{^is_alert}}@slack-not-alert{{/is_alert}}",
].join("\n");

describe("notifications", () => {
  it("keeps each change's conditional blocks and every handle outside them", () => {
    const result = evaluate({ ...base, message }, [
      { metric: "test.up", points: "1x2 0.8 0 1x2" },
    ]);
    expect(
      notifications(result).map((n) => [n.minute, n.to, n.handles, n.paging]),
    ).toEqual([
      [3, "WARN", ["@team-mail", "@slack-warn", "@slack-not-alert"], []],
      [4, "ALERT", ["@team-mail", "@pagerduty-x"], ["@pagerduty-x"]],
      [
        5,
        "OK",
        ["@team-mail", "@slack-ok", "@slack-was-alert", "@slack-not-alert"],
        [],
      ],
    ]);
  });

  it("notifies NO DATA only when the monitor notifies on missing data", () => {
    const points = [{ metric: "test.up", points: "1x3" }];
    const notify = notifications(
      evaluate({ ...base, message }, points, { toMinute: 10 }),
    );
    expect(notify.map((n) => [n.to, n.paging])).toEqual([
      ["NO DATA", ["@pagerduty-x"]],
    ]);
    const quiet = {
      ...base,
      message,
      noData: { kind: "missing-data", onMissingData: "show_no_data" },
    } as const;
    expect(notifications(evaluate(quiet, points, { toMinute: 10 }))).toEqual(
      [],
    );
  });
});
