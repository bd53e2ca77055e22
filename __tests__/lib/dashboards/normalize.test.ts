import { describe, expect, it } from "vitest";
import {
  ALWAYS_WRITTEN,
  COMPUTED_TOP_LEVEL,
  NEVER_WRITTEN,
  sortWidgets,
  unsafeDashboardFields,
} from "../../../lib/dashboards/normalize.js";

const safe = () => ({
  title: "t",
  description: "",
  layout_type: "ordered",
  reflow_type: "fixed",
  template_variables: [],
  notify_list: [],
  widgets: [] as unknown[],
});

const at = (x: number, y: number, extra: Record<string, unknown> = {}) => ({
  definition: { type: "note", content: `${x},${y}` },
  layout: { x, y, width: 1, height: 1 },
  ...extra,
});

describe("unsafeDashboardFields", () => {
  it("accepts a body with exactly the always-written fields", () => {
    expect(unsafeDashboardFields(safe())).toEqual([]);
  });

  it.each([...COMPUTED_TOP_LEVEL, ...NEVER_WRITTEN])(
    "reports a top-level %s",
    (field) => {
      expect(unsafeDashboardFields({ ...safe(), [field]: "x" })).toEqual([
        field,
      ]);
    },
  );

  it.each(ALWAYS_WRITTEN)("reports a missing %s", (field) => {
    const body: Record<string, unknown> = safe();
    delete body[field];

    expect(unsafeDashboardFields(body)).toEqual([`${field} (missing)`]);
  });

  it("reports widget ids, in groups too, and null values", () => {
    const body = {
      ...safe(),
      widgets: [
        at(0, 0, { id: 1 }),
        {
          definition: {
            type: "group",
            title: null,
            widgets: [at(0, 0, { id: 2 })],
          },
          layout: { x: 0, y: 1, width: 12, height: 2 },
        },
      ],
    };

    expect(unsafeDashboardFields(body)).toEqual([
      "widgets[0].id",
      "widgets[1].definition.widgets[0].id",
      "widgets[1].definition.title (null)",
    ]);
  });
});

describe("sortWidgets", () => {
  it("puts widgets in reading order, inside groups too", () => {
    const sorted = sortWidgets([
      at(4, 2),
      {
        definition: { type: "group", widgets: [at(6, 0), at(0, 0)] },
        layout: { x: 0, y: 3, width: 12, height: 2 },
      },
      at(0, 2),
      at(6, 0),
    ]);

    expect(sorted.map((w) => w.layout)).toMatchObject([
      { x: 6, y: 0 },
      { x: 0, y: 2 },
      { x: 4, y: 2 },
      { x: 0, y: 3 },
    ]);
    const group = sorted[3]!.definition as { widgets: { layout: unknown }[] };
    expect(group.widgets.map((w) => w.layout)).toMatchObject([
      { x: 0 },
      { x: 6 },
    ]);
  });
});
