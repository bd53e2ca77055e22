import { formatNumber } from "../model/format-number.js";
import type { Expression } from "../query/ast.js";
import { formatExpression } from "../query/format.js";
import type { PlacedWidget } from "./layout.js";
import type { Marker, Widget, WidgetLink } from "./widget.js";

/**
 * Turns placed widgets into the `widgets` array of a Datadog dashboard.
 *
 * Only fields that carry a decision are written, never an `id` (Datadog
 * assigns widget ids; see `normalize.ts`) and never `null`. The API keeps
 * widget definitions as sent, so what is written here is what a second
 * plan compares against.
 * https://docs.datadoghq.com/dashboards/graphing_json/widget_json/
 */

/** JSON as the dashboards API takes it. */
export type Json =
  | string
  | number
  | boolean
  | readonly Json[]
  | { readonly [key: string]: Json };

/** The widgets' JSON and the query trees behind their `q` strings. */
export interface WidgetsJson {
  readonly widgets: Json[];
  readonly queries: Expression[];
}

/** The `widgets` JSON of placed widgets and their query trees. */
export function widgetsJson(placed: readonly PlacedWidget[]): WidgetsJson {
  const queries: Expression[] = [];
  const query = (expression: Expression): string => {
    queries.push(expression);
    return formatExpression(expression);
  };
  const one = (p: PlacedWidget): Json => ({
    definition:
      "children" in p
        ? {
            title: p.widget.title,
            type: "group",
            show_title: true,
            layout_type: "ordered",
            widgets: p.children.map(one),
          }
        : definition(p.widget, query),
    layout: { ...p.layout },
  });
  return { widgets: placed.map(one), queries };
}

function definition(
  widget: Exclude<Widget, { kind: "group" }>,
  query: (e: Expression) => string,
): Json {
  switch (widget.kind) {
    case "timeseries":
      return {
        title: widget.title,
        type: "timeseries",
        requests: widget.plots.map((p) => ({
          q: query(p.expression),
          display_type: p.display,
        })),
        ...(widget.markers.length
          ? { markers: widget.markers.map(markerJson) }
          : {}),
        ...(widget.links.length
          ? { custom_links: widget.links.map(linkJson) }
          : {}),
      };
    case "query_value":
      return {
        title: widget.title,
        type: "query_value",
        requests: [
          { q: query(widget.expression), aggregator: widget.aggregator },
        ],
        autoscale: true,
        precision: widget.precision,
        ...(widget.unit !== undefined ? { custom_unit: widget.unit } : {}),
      };
    case "toplist":
      return {
        title: widget.title,
        type: "toplist",
        requests: [{ q: query(widget.expression) }],
      };
    case "note":
      return {
        type: "note",
        content: widget.content,
        background_color: widget.background,
        font_size: "14",
        text_align: "left",
        vertical_align: "top",
        show_tick: false,
        has_padding: true,
      };
    case "manage_status":
      return {
        title: widget.title,
        type: "manage_status",
        summary_type: "monitors",
        display_format: "countsAndList",
        color_preference: "text",
        hide_zero_counts: true,
        show_last_triggered: true,
        show_priority: true,
        query: widget.query,
        sort: "status,asc",
      };
  }
}

/** Datadog marker display types by severity. */
export const MARKER_DISPLAY = {
  critical: "error dashed",
  warning: "warning dashed",
} as const;

/** `{ label, value: "y = 3", display_type: "error dashed" }` */
export function markerJson(marker: Marker): Json {
  const value = formatNumber(marker.value);
  return {
    label: marker.label ?? `${marker.severity} ${value}`,
    value: `y = ${value}`,
    display_type: MARKER_DISPLAY[marker.severity],
  };
}

function linkJson(link: WidgetLink): Json {
  return { label: link.label, link: link.url };
}
