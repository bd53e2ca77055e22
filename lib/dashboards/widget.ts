import type { Expression } from "../query/ast.js";
import { expr, type SeriesBuilder } from "../query/builder.js";

/**
 * Typed dashboard widgets. Dashboard files build these; `layout.ts` places
 * them on the grid and `widget-json.ts` turns them into the JSON the
 * Datadog dashboards API takes. Queries are trees from the query builder,
 * never strings.
 */

/** Width and height in grid units: 12 columns; a row is one unit high. */
export interface WidgetSize {
  readonly width: number;
  readonly height: number;
}

/** Anything the query builder makes that can be graphed. */
export type Plottable = Expression | SeriesBuilder;

/** A horizontal threshold line on a timeseries: `y = <value>`. */
export interface Marker {
  readonly value: number;
  /** `critical` draws `error dashed`, `warning` draws `warning dashed`. */
  readonly severity: "critical" | "warning";
  /** Text next to the line. @default the severity and the value */
  readonly label?: string;
}

/** A link in the widget's context menu, e.g. to a runbook. */
export interface WidgetLink {
  readonly label: string;
  readonly url: string;
}

interface WidgetBase {
  readonly size: WidgetSize;
  /** Start a new row before this widget. @default false */
  readonly newRow?: boolean;
}

/** One line (or bars, or area) of a timeseries. */
export interface Plot {
  readonly expression: Expression;
  readonly display: "line" | "bars" | "area";
}

/** Lines, bars or areas over time, with optional threshold markers. */
export interface TimeseriesWidget extends WidgetBase {
  readonly kind: "timeseries";
  readonly title: string;
  readonly plots: readonly Plot[];
  readonly markers: readonly Marker[];
  readonly links: readonly WidgetLink[];
}

/** One number: a query reduced over the dashboard's timeframe. */
export interface QueryValueWidget extends WidgetBase {
  readonly kind: "query_value";
  readonly title: string;
  readonly expression: Expression;
  /** How the timeframe is reduced to one number. */
  readonly aggregator: "avg" | "last" | "sum" | "min" | "max";
  /** Unit shown after the number, e.g. `%` or `blocks`. */
  readonly unit?: string;
  /** Decimal places. */
  readonly precision: number;
}

/** Groups ranked by a value, e.g. chains by block lag. */
export interface ToplistWidget extends WidgetBase {
  readonly kind: "toplist";
  readonly title: string;
  /** The full `top(...)` expression. */
  readonly expression: Expression;
}

/** Markdown text, e.g. links to runbooks. */
export interface NoteWidget extends WidgetBase {
  readonly kind: "note";
  /** Markdown. */
  readonly content: string;
  readonly background: "white" | "yellow" | "gray" | "blue";
}

/** A monitor summary: the live state of the monitors a search finds. */
export interface ManageStatusWidget extends WidgetBase {
  readonly kind: "manage_status";
  readonly title: string;
  /** A monitor search, e.g. `tag:(env:prod AND tier:oncall)`. */
  readonly query: string;
}

/**
 * A titled group, always the full 12 columns wide: its widgets are laid
 * out on the same 12 columns, so a narrower group would leave the meaning
 * of its widgets' widths ambiguous. Its height follows from its widgets.
 */
export interface GroupWidget {
  readonly kind: "group";
  readonly title: string;
  readonly widgets: readonly Widget[];
}

/** Every widget this builder makes. */
export type Widget =
  | TimeseriesWidget
  | QueryValueWidget
  | ToplistWidget
  | NoteWidget
  | ManageStatusWidget
  | GroupWidget;

/** Default sizes, close to what the Datadog editor picks. */
export const DEFAULT_SIZES = {
  timeseries: { width: 4, height: 2 },
  query_value: { width: 2, height: 2 },
  toplist: { width: 4, height: 2 },
  note: { width: 12, height: 1 },
  manage_status: { width: 12, height: 4 },
} as const satisfies Record<string, WidgetSize>;

/** Options of `timeseries`. */
export interface TimeseriesOptions {
  /** @default 4 × 2 */
  readonly size?: WidgetSize;
  readonly newRow?: boolean;
  /** @default "line" */
  readonly display?: Plot["display"];
  readonly markers?: readonly Marker[];
  readonly links?: readonly WidgetLink[];
}

/** A timeseries of one or more expressions. */
export function timeseries(
  title: string,
  plots: readonly Plottable[],
  options: TimeseriesOptions = {},
): TimeseriesWidget {
  return {
    kind: "timeseries",
    title,
    plots: plots.map((p) => ({
      expression: expr.of(p),
      display: options.display ?? "line",
    })),
    markers: options.markers ?? [],
    links: options.links ?? [],
    size: options.size ?? DEFAULT_SIZES.timeseries,
    ...(options.newRow ? { newRow: true } : {}),
  };
}

/** Options of `queryValue`. */
export interface QueryValueOptions {
  /** @default "avg" */
  readonly aggregator?: QueryValueWidget["aggregator"];
  readonly unit?: string;
  /** @default 2 */
  readonly precision?: number;
  /** @default 2 × 2 */
  readonly size?: WidgetSize;
  readonly newRow?: boolean;
}

/** One big number. */
export function queryValue(
  title: string,
  query: Plottable,
  options: QueryValueOptions = {},
): QueryValueWidget {
  return {
    kind: "query_value",
    title,
    expression: expr.of(query),
    aggregator: options.aggregator ?? "avg",
    ...(options.unit !== undefined ? { unit: options.unit } : {}),
    precision: options.precision ?? 2,
    size: options.size ?? DEFAULT_SIZES.query_value,
    ...(options.newRow ? { newRow: true } : {}),
  };
}

/** Options of `toplist`. */
export interface ToplistOptions {
  /** Rows shown. @default 10 */
  readonly limit?: number;
  /** How each group's series becomes one number. @default "mean" */
  readonly rank?: "mean" | "max" | "min" | "last" | "sum" | "area";
  /** @default "desc" */
  readonly order?: "asc" | "desc";
  /** @default 4 × 2 */
  readonly size?: WidgetSize;
  readonly newRow?: boolean;
}

/** A ranked list of groups: `top(<grouped query>, limit, rank, order)`. */
export function toplist(
  title: string,
  grouped: Plottable,
  options: ToplistOptions = {},
): ToplistWidget {
  const str = (value: string) => ({ kind: "string", value }) as const;
  return {
    kind: "toplist",
    title,
    expression: expr.call(
      "top",
      grouped,
      options.limit ?? 10,
      str(options.rank ?? "mean"),
      str(options.order ?? "desc"),
    ),
    size: options.size ?? DEFAULT_SIZES.toplist,
    ...(options.newRow ? { newRow: true } : {}),
  };
}

/** A markdown note, e.g. links to runbooks and other dashboards. */
export function note(
  content: string,
  options: {
    size?: WidgetSize;
    background?: NoteWidget["background"];
    newRow?: boolean;
  } = {},
): NoteWidget {
  return {
    kind: "note",
    content: content.trim(),
    background: options.background ?? "white",
    size: options.size ?? DEFAULT_SIZES.note,
    ...(options.newRow ? { newRow: true } : {}),
  };
}

/** A monitor summary of the monitors a search finds. */
export function manageStatus(
  title: string,
  query: string,
  options: { size?: WidgetSize; newRow?: boolean } = {},
): ManageStatusWidget {
  return {
    kind: "manage_status",
    title,
    query,
    size: options.size ?? DEFAULT_SIZES.manage_status,
    ...(options.newRow ? { newRow: true } : {}),
  };
}

/**
 * A titled group of widgets, full width. Its height is one row for the
 * title bar plus the rows its widgets fill.
 */
export function group(title: string, widgets: readonly Widget[]): GroupWidget {
  return { kind: "group", title, widgets };
}
