import { describe, expect, it } from "vitest";
import { monitorView } from "../../../lib/review/monitor-view.js";

const base = { name: "M", type: "query alert", query: "avg(last_5m):a{*} > 1" };

describe("monitorView", () => {
  it.each([
    {
      name: "tagged tier:oncall",
      body: { tags: ["tier:oncall"] },
      paging: true,
    },
    {
      name: "paging from its message only",
      body: {
        tags: ["tier:dev"],
        message: "{{#is_warning}}@opsgenie-x{{/is_warning}}",
      },
      paging: true,
    },
    {
      name: "notifying chat only",
      body: {
        tags: ["tier:dev"],
        message: "{{#is_alert}}@slack-x{{/is_alert}}",
      },
      paging: false,
    },
  ])("counts a monitor $name as paging: $paging", ({ body, paging }) => {
    expect(monitorView("m", { ...base, ...body }).paging).toBe(paging);
  });

  it("orders fields for reading and keeps unknown options, flattened", () => {
    const view = monitorView("m", {
      ...base,
      "//": { metadata: { path: "x" } },
      message: "Runbook: r\n{{#is_alert}}@pagerduty-x{{/is_alert}}",
      monitor_thresholds: { warning: "0.5", critical: "1" },
      priority: "2",
      tags: ["b:1", "a:1"],
      notify_no_data: true,
      no_data_timeframe: 10,
      scheduling_options: [{ evaluation_window: [{ day_starts: "04:00" }] }],
    });

    expect(
      view.fields.map((f) => `${f.label}=${JSON.stringify(f.value)}`),
    ).toEqual([
      'type={"kind":"scalar","text":"query alert"}',
      'query={"kind":"text","text":"avg(last_5m):a{*} > 1"}',
      'thresholds.critical={"kind":"scalar","text":"1"}',
      'thresholds.warning={"kind":"scalar","text":"0.5"}',
      'priority={"kind":"scalar","text":"2"}',
      'handles on alert={"kind":"set","items":["@pagerduty-x"]}',
      'tags={"kind":"set","items":["a:1","b:1"]}',
      'notify_no_data={"kind":"scalar","text":"true"}',
      'no_data_timeframe={"kind":"scalar","text":"10"}',
      'message text={"kind":"text","text":"Runbook: r"}',
      'scheduling_options.evaluation_window.day_starts={"kind":"scalar","text":"04:00"}',
    ]);
  });
});
