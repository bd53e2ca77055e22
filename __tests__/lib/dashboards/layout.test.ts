import { describe, expect, it } from "vitest";
import { placeWidgets } from "../../../lib/dashboards/layout.js";
import { group, note, type Widget } from "../../../lib/dashboards/widget.js";

const box = (width: number, height = 2, newRow = false): Widget =>
  note(`${width}x${height}`, { size: { width, height }, newRow });

const layouts = (widgets: Widget[]) =>
  placeWidgets(widgets).placed.map((p) => p.layout);

describe("placeWidgets", () => {
  it.each([
    {
      name: "fills a row left to right",
      widgets: [box(4), box(4), box(4)],
      expected: [
        { x: 0, y: 0, width: 4, height: 2 },
        { x: 4, y: 0, width: 4, height: 2 },
        { x: 8, y: 0, width: 4, height: 2 },
      ],
    },
    {
      name: "wraps below the tallest widget of the row when the next does not fit",
      widgets: [box(6, 3), box(4, 2), box(4, 1)],
      expected: [
        { x: 0, y: 0, width: 6, height: 3 },
        { x: 6, y: 0, width: 4, height: 2 },
        { x: 0, y: 3, width: 4, height: 1 },
      ],
    },
    {
      name: "starts a new row when a widget asks for one",
      widgets: [box(2), box(2, 2, true)],
      expected: [
        { x: 0, y: 0, width: 2, height: 2 },
        { x: 0, y: 2, width: 2, height: 2 },
      ],
    },
    {
      name: "ignores a new-row request at the start of a row",
      widgets: [box(2, 2, true)],
      expected: [{ x: 0, y: 0, width: 2, height: 2 }],
    },
  ])("$name", ({ widgets, expected }) => {
    expect(layouts(widgets)).toEqual(expected);
  });

  it("gives a group the full width and one title row above its widgets", () => {
    const { placed, height } = placeWidgets([
      box(3),
      group("g", [box(8, 2), box(8, 3)]),
      box(5),
    ]);
    const grouped = placed[1]!;

    expect(placed.map((p) => p.layout)).toEqual([
      { x: 0, y: 0, width: 3, height: 2 },
      { x: 0, y: 2, width: 12, height: 6 },
      { x: 0, y: 8, width: 5, height: 2 },
    ]);
    expect(
      "children" in grouped && grouped.children.map((c) => c.layout),
    ).toEqual([
      { x: 0, y: 0, width: 8, height: 2 },
      { x: 0, y: 2, width: 8, height: 3 },
    ]);
    expect(height).toBe(10);
  });

  it.each([
    {
      name: "a widget wider than the grid",
      widget: box(13),
      field: "size.width",
      got: "13",
    },
    {
      name: "a fractional height",
      widget: box(4, 1.5),
      field: "size.height",
      got: "1.5",
    },
    { name: "a zero width", widget: box(0), field: "size.width", got: "0" },
  ])("rejects $name, naming the widget and field", ({ widget, field, got }) => {
    expect(() => placeWidgets([box(1), widget])).toThrow(
      new RegExp(
        `^widgets\\[1\\] \\(note\\): ${field.replace(".", "\\.")}: expected a whole number of grid units from 1 to .*, got ${got}$`,
      ),
    );
  });

  it("names a widget inside a group by its path through the group", () => {
    expect(() => placeWidgets([box(1), group("G", [box(4), box(20)])])).toThrow(
      /^widgets\[1\]\.widgets\[1\] \(note\): size\.width: /,
    );
  });

  it("rejects an empty group", () => {
    expect(() => placeWidgets([group("Nothing", [])])).toThrow(
      'widgets[0] (group "Nothing"): expected a group with widgets, got none',
    );
  });
});
