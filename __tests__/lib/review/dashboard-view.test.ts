import { describe, expect, it } from "vitest";
import { dashboardView } from "../../../lib/review/dashboard-view.js";

const body = (dashboard: unknown) => ({ dashboard: JSON.stringify(dashboard) });
const widget = (title: string, extra: object = {}) => ({
  id: 1,
  definition: { type: "timeseries", title, ...extra },
});

describe("dashboardView", () => {
  it("summarizes widgets by count and title, group members included", () => {
    const view = dashboardView(
      "d",
      body({
        title: "[x] Overview",
        layout_type: "ordered",
        widgets: [
          widget("Requests"),
          {
            definition: {
              type: "group",
              title: "Errors",
              widgets: [widget("5xx")],
            },
          },
          { definition: { type: "note" } },
        ],
      }),
    );
    const field = (key: string) =>
      view.fields.find((f) => f.key === key)?.value;

    expect(view.title).toBe("[x] Overview");
    expect(field("widgets.count")).toEqual({ kind: "scalar", text: "4" });
    expect(field("widgets.titles")).toEqual({
      kind: "set",
      items: ["(untitled note)", "5xx", "Errors", "Requests"],
    });
    expect(field("layout_type")).toEqual({ kind: "scalar", text: "ordered" });
  });

  it("notices a widget setting change but not a new widget id", () => {
    const digest = (w: unknown) =>
      dashboardView("d", body({ title: "t", widgets: [w] })).fields.find(
        (f) => f.key === "widgets.settings",
      )!.value;

    expect(digest(widget("A", { id: 9 }))).toEqual(
      digest(widget("A", { id: 7 })),
    );
    expect(digest(widget("A", { requests: [{ q: "a" }] }))).not.toEqual(
      digest(widget("A", { requests: [{ q: "b" }] })),
    );
  });
});

describe("dashboardView widget details", () => {
  const graph = (critical: number, query: string) => ({
    definition: {
      type: "group",
      title: "Latency",
      widgets: [
        widget("P99", {
          requests: [
            { queries: [{ name: "q", query, data_source: "metrics" }] },
          ],
          markers: [
            {
              label: "critical",
              value: `y = ${critical}`,
              display_type: "error dashed",
            },
          ],
        }),
      ],
    },
  });
  const fields = (w: unknown) =>
    dashboardView("d", body({ title: "t", widgets: [w] })).fields;
  const value = (w: unknown, key: string) =>
    fields(w).find((f) => f.key === key)?.value;

  it("shows each widget's queries and markers under its title path", () => {
    expect(
      value(graph(5, "avg:a{*}"), "widgets.Latency / P99.markers"),
    ).toEqual({
      kind: "set",
      items: ["critical: y = 5 (error dashed)"],
    });
    expect(
      value(graph(5, "avg:a{*}"), "widgets.Latency / P99.queries"),
    ).toEqual({
      kind: "set",
      items: ["avg:a{*}"],
    });
  });

  it("reports a moved marker as that, not as an opaque settings change", () => {
    const key = "widgets.Latency / P99.markers";
    expect(value(graph(4, "avg:a{*}"), key)).not.toEqual(
      value(graph(5, "avg:a{*}"), key),
    );
    expect(value(graph(4, "avg:a{*}"), "widgets.settings")).toEqual(
      value(graph(5, "avg:b{*}"), "widgets.settings"),
    );
  });

  it("numbers widgets that share a title path", () => {
    const keys = dashboardView(
      "d",
      body({
        title: "t",
        widgets: [
          widget("A", { requests: [{ queries: [{ query: "x" }] }] }),
          widget("A", { requests: [{ queries: [{ query: "y" }] }] }),
        ],
      }),
    ).fields.map((f) => f.key);
    expect(keys).toContain("widgets.A.queries");
    expect(keys).toContain("widgets.A #2.queries");
  });
});
