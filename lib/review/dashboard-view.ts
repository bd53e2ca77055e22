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
 * JSON string; widgets are summarized (count, titles, and whether any
 * other widget setting changed) rather than compared key by key.
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
    {
      key: "widgets.settings",
      label: "widget settings",
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

/**
 * A short, stable digest of the widgets without their ids (Datadog assigns
 * those), so any other widget change still shows as one line.
 */
function fingerprint(widgets: readonly unknown[]): string {
  const canonical = JSON.stringify(widgets, (key, value: unknown) =>
    key === "id"
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
