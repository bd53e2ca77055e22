import type { GroupWidget, Widget } from "./widget.js";

/**
 * Places widgets on Datadog's grid for an `ordered` dashboard with
 * `reflow_type: fixed`: 12 columns, every widget with an explicit
 * `{ x, y, width, height }` in grid units.
 *
 * Why fixed and explicit rather than `auto`: the layout is then data we
 * own. The emitted JSON says where each widget sits, the preview draws
 * exactly that, tests check it, and Datadog has nothing to compute and
 * write back into the definition.
 *
 * Widgets flow left to right and wrap to a new row when the next one does
 * not fit (or asks for a new row); a row is as high as its tallest widget.
 * A group is full width; its widgets flow the same way inside it with
 * coordinates relative to the group, and its height is one row for the
 * title bar plus the rows its widgets fill, as in Datadog's own exports.
 */

/** The grid's column count for ordered dashboards. */
export const GRID_COLUMNS = 12;

/** Grid rows a group's title bar takes. */
export const GROUP_TITLE_ROWS = 1;

/** A widget's place in grid units, as Datadog's `layout` field. */
export interface Placement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A widget and where it sits; a group's children are placed inside it. */
export type PlacedWidget =
  | {
      readonly widget: Exclude<Widget, GroupWidget>;
      readonly layout: Placement;
    }
  | {
      readonly widget: GroupWidget;
      readonly layout: Placement;
      readonly children: readonly PlacedWidget[];
    };

/**
 * Places a list of widgets on a grid `columns` wide. `path` names the
 * list in errors (`widgets[3].widgets[1]` for a widget in a group).
 *
 * @throws Error naming the widget when a size is not a whole number of
 *   grid units, a widget is wider than the grid, or a group is empty.
 */
export function placeWidgets(
  widgets: readonly Widget[],
  columns = GRID_COLUMNS,
  path = "widgets",
): { placed: PlacedWidget[]; height: number } {
  const placed: PlacedWidget[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;

  for (const [index, widget] of widgets.entries()) {
    const sized = size(widget, `${path}[${index}]`, columns);
    const asksNewRow = widget.kind !== "group" && widget.newRow === true;
    if (x > 0 && (x + sized.width > columns || asksNewRow)) {
      y += rowHeight;
      x = 0;
      rowHeight = 0;
    }

    const layout = { x, y, width: sized.width, height: sized.height };
    placed.push(
      widget.kind === "group"
        ? { widget, layout, children: sized.children ?? [] }
        : { widget, layout },
    );
    x += sized.width;
    rowHeight = Math.max(rowHeight, sized.height);
  }
  return { placed, height: y + rowHeight };
}

function size(
  widget: Widget,
  at: string,
  columns: number,
): { width: number; height: number; children?: PlacedWidget[] } {
  const where = `${at} (${describe(widget)})`;
  if (widget.kind === "group") {
    if (widget.widgets.length === 0) {
      throw new Error(`${where}: expected a group with widgets, got none`);
    }
    const inner = placeWidgets(widget.widgets, columns, `${at}.widgets`);
    return {
      width: columns,
      height: GROUP_TITLE_ROWS + inner.height,
      children: inner.placed,
    };
  }

  const { width, height } = widget.size;
  for (const [name, value, max] of [
    ["width", width, columns],
    ["height", height, Infinity],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new Error(
        `${where}: size.${name}: expected a whole number of grid units` +
          ` from 1 to ${max}, got ${value}`,
      );
    }
  }
  return { width, height };
}

function describe(widget: Widget): string {
  return widget.kind === "note"
    ? "note"
    : `${widget.kind} ${JSON.stringify(widget.title)}`;
}
