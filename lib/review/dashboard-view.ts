import { isRecord } from "../synth-output/read-synth-output.js";
import {
  digest,
  type Field,
  flattenFields,
  scalar,
  scalarText,
  set,
  sortFields,
} from "./fields.js";

/** A `datadog_dashboard_json` resource as a reviewer compares it. */
export interface DashboardView {
  readonly id: string;
  readonly title: string;
  /** Every field but the title, in display order. */
  readonly fields: readonly Field[];
}

const OWN_KEYS = new Set(["title", "widgets", "template_variables"]);

/**
 * Reads one `datadog_dashboard_json` resource body. The dashboard is a
 * JSON string; widgets are summarized (count, titles, each widget's
 * queries and threshold markers, and whether any other widget setting
 * changed) rather than compared key by key.
 *
 * @throws SyntaxError when the `dashboard` attribute is not JSON; the
 * caller reports it against the file.
 */
export function dashboardView(
  id: string,
  body: Readonly<Record<string, unknown>>,
): DashboardView {
  const raw = scalarText(body.dashboard) ?? "{}";
  const board: unknown = JSON.parse(raw);
  const dashboard = isRecord(board) ? board : {};
  const widgets = Array.isArray(dashboard.widgets) ? dashboard.widgets : [];
  const variables = Array.isArray(dashboard.template_variables)
    ? dashboard.template_variables
    : [];

  const fields: Field[] = [
    ...Object.keys(dashboard)
      .filter((key) => !OWN_KEYS.has(key))
      .flatMap((key) => flattenFields(dashboard[key], key, 1)),
    {
      key: "template_variables",
      label: "template variables",
      value: set(variables.map(templateVariable)),
      rank: 2,
    },
    {
      key: "widgets.count",
      label: "widgets",
      value: scalar(String(countWidgets(widgets))),
      rank: 3,
    },
    {
      key: "widgets.titles",
      label: "widget titles",
      value: set(widgetTitles(widgets)),
      rank: 4,
    },
    ...widgetDetails(widgets),
    {
      key: "widgets.settings",
      label: "other widget settings",
      value: digest(fingerprint(widgets)),
      rank: 5,
    },
    ...Object.keys(body)
      .filter((key) => key !== "//" && key !== "dashboard")
      .flatMap((key) => flattenFields(body[key], key, 6)),
  ];

  return {
    id,
    title: scalarText(dashboard.title) ?? "",
    fields: sortFields(fields),
  };
}

function templateVariable(variable: unknown): string {
  if (!isRecord(variable)) return String(variable);
  const name = scalarText(variable.name) ?? "?";
  const prefix = scalarText(variable.prefix);
  return prefix ? `${name} (${prefix})` : name;
}

function children(widget: unknown): unknown[] {
  const definition = isRecord(widget) ? widget.definition : undefined;
  return isRecord(definition) && Array.isArray(definition.widgets)
    ? definition.widgets
    : [];
}

function countWidgets(widgets: readonly unknown[]): number {
  return widgets.reduce<number>((n, w) => n + 1 + countWidgets(children(w)), 0);
}

/** Titles of every widget, group members included; untitled ones by type. */
function widgetTitles(widgets: readonly unknown[]): string[] {
  return widgets.flatMap((widget) => {
    const definition = isRecord(widget) ? widget.definition : undefined;
    const def = isRecord(definition) ? definition : {};
    const title =
      scalarText(def.title) || `(untitled ${scalarText(def.type) ?? "widget"})`;
    return [title, ...widgetTitles(children(widget))];
  });
}

/** Keys left out of the digest: ids Datadog assigns, and what `widgetDetails` shows. */
const NOT_DIGESTED = new Set(["id", "queries", "markers"]);

/**
 * Each widget's queries and threshold markers, keyed by its title path
 * (`Group / Widget`), so a moved threshold reads as `- y = 5` `+ y = 4`.
 * Widgets with neither are left to the digest.
 */
function widgetDetails(widgets: readonly unknown[]): Field[] {
  const seen = new Map<string, number>();
  const out: Field[] = [];
  const visit = (list: readonly unknown[], parent: string): void => {
    for (const widget of list) {
      const definition = isRecord(widget) ? widget.definition : undefined;
      const def = isRecord(definition) ? definition : {};
      const own =
        scalarText(def.title) ||
        `(untitled ${scalarText(def.type) ?? "widget"})`;
      const base = parent === "" ? own : `${parent} / ${own}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const path = n === 1 ? base : `${base} #${n}`;
      const queries = collect(def, "queries").flatMap((q) =>
        isRecord(q) && typeof q.query === "string" ? [q.query] : [],
      );
      const markers = collect(def, "markers").flatMap((m) =>
        isRecord(m) ? [markerText(m)] : [],
      );
      if (queries.length > 0) {
        out.push({
          key: `widgets.${path}.queries`,
          label: `widget "${path}" queries`,
          value: set(queries),
          rank: 5,
        });
      }
      if (markers.length > 0) {
        out.push({
          key: `widgets.${path}.markers`,
          label: `widget "${path}" markers`,
          value: set(markers),
          rank: 5,
        });
      }
      visit(children(widget), path);
    }
  };
  visit(widgets, "");
  return out;
}

/** Every element of the arrays stored under `key` anywhere in a widget definition, group members excepted. */
function collect(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => collect(v, key));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === "widgets" ? [] : k === key && Array.isArray(v) ? v : collect(v, key),
  );
}

/** `warning: y = 0.8 (warning dashed)` */
function markerText(marker: Readonly<Record<string, unknown>>): string {
  const label = scalarText(marker.label);
  const value = scalarText(marker.value) ?? "?";
  const style = scalarText(marker.display_type);
  return `${label ? `${label}: ` : ""}${value}${style ? ` (${style})` : ""}`;
}

/**
 * A short, stable digest of the widgets without their ids (Datadog assigns
 * those) and without what `widgetDetails` shows, so any other widget
 * change still shows as one line.
 */
function fingerprint(widgets: readonly unknown[]): string {
  const canonical = JSON.stringify(widgets, (key, value: unknown) =>
    NOT_DIGESTED.has(key)
      ? undefined
      : isRecord(value)
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, value[k]]),
          )
        : value,
  );
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash = Math.imul(hash ^ canonical.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
