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
