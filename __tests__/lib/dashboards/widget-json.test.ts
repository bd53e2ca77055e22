import { describe, expect, it } from "vitest";
import { metrics } from "../../../lib/catalog/metrics.js";
import { placeWidgets } from "../../../lib/dashboards/layout.js";
import {
  markerJson,
  widgetsJson,
} from "../../../lib/dashboards/widget-json.js";
import {
  group,
  manageStatus,
  note,
  queryValue,
  timeseries,
  toplist,
  type Widget,
} from "../../../lib/dashboards/widget.js";
import { scope, series } from "../../../lib/query/builder.js";

const lag = series(metrics.chainBlockLag, {
  space: "max",
  filter: scope.variable("chain_id"),
  by: ["chain_id"],
});
const json = (widgets: Widget[]) => widgetsJson(placeWidgets(widgets).placed);

describe("widgetsJson", () => {
  it("writes a timeseries with its queries, markers and links", () => {
    const out = json([
      timeseries("Lag", [lag], {
        display: "bars",
        markers: [{ value: 10, severity: "critical" }],
        links: [{ label: "Runbook", url: "https://rb.example/lag" }],
      }),
    ]);

    expect(out.widgets).toEqual([
      {
        definition: {
          title: "Lag",
          type: "timeseries",
          requests: [
            {
              q: "max:gateway.chain_block_lag{$chain_id} by {chain_id}",
              display_type: "bars",
            },
          ],
          markers: [
            {
              label: "critical 10",
              value: "y = 10",
              display_type: "error dashed",
            },
          ],
          custom_links: [{ label: "Runbook", link: "https://rb.example/lag" }],
        },
        layout: { x: 0, y: 0, width: 4, height: 2 },
      },
    ]);
    expect(out.queries).toEqual([lag.build()]);
  });

  it("leaves out markers and links a timeseries does not have", () => {
    const def = json([timeseries("Lag", [lag])]).widgets[0] as {
      definition: Record<string, unknown>;
    };

    expect(Object.keys(def.definition)).toEqual(["title", "type", "requests"]);
  });

  it("writes a query value, a toplist, a note and a monitor summary", () => {
    const out = json([
      queryValue("Now", lag, {
        aggregator: "last",
        unit: "blocks",
        precision: 0,
      }),
      toplist("Worst", lag, { limit: 5, rank: "max" }),
      note("**hello**", { background: "yellow" }),
      manageStatus("Paging", "tag:(env:x AND tier:oncall)"),
    ]);
    const defs = out.widgets.map(
      (w) => (w as { definition: unknown }).definition,
    );

    expect(defs).toEqual([
      {
        title: "Now",
        type: "query_value",
        requests: [
          {
            q: "max:gateway.chain_block_lag{$chain_id} by {chain_id}",
            aggregator: "last",
          },
        ],
        autoscale: true,
        precision: 0,
        custom_unit: "blocks",
      },
      {
        title: "Worst",
        type: "toplist",
        requests: [
          {
            q: "top(max:gateway.chain_block_lag{$chain_id} by {chain_id}, 5, 'max', 'desc')",
          },
        ],
      },
      {
        type: "note",
        content: "**hello**",
        background_color: "yellow",
        font_size: "14",
        text_align: "left",
        vertical_align: "top",
        show_tick: false,
        has_padding: true,
      },
      {
        title: "Paging",
        type: "manage_status",
        summary_type: "monitors",
        display_format: "countsAndList",
        color_preference: "text",
        hide_zero_counts: true,
        show_last_triggered: true,
        show_priority: true,
        query: "tag:(env:x AND tier:oncall)",
        sort: "status,asc",
      },
    ]);
    expect(out.queries).toHaveLength(2);
  });

  it("writes a group with its widgets placed relative to it", () => {
    const out = json([group("G", [timeseries("Lag", [lag])])]);

    expect(out.widgets[0]).toMatchObject({
      definition: {
        title: "G",
        type: "group",
        show_title: true,
        layout_type: "ordered",
        widgets: [{ layout: { x: 0, y: 0, width: 4, height: 2 } }],
      },
      layout: { x: 0, y: 0, width: 12, height: 3 },
    });
  });
});

describe("markerJson", () => {
  it.each([
    {
      severity: "critical",
      value: 0.003,
      expected: { value: "y = 0.003", display_type: "error dashed" },
    },
    {
      severity: "warning",
      value: 1500,
      expected: { value: "y = 1500", display_type: "warning dashed" },
    },
    {
      severity: "warning",
      value: 0.1 + 0.2,
      expected: { value: "y = 0.3", display_type: "warning dashed" },
    },
  ] as const)(
    "writes a $severity marker at $value as a plain decimal",
    ({ severity, value, expected }) => {
      expect(markerJson({ severity, value, label: "l" })).toEqual({
        label: "l",
        ...expected,
      });
    },
  );
});
