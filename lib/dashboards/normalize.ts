/**
 * What the dashboard JSON may contain so that a plan after apply shows no
 * change, with the provider behaviour behind each rule.
 *
 * `datadog_dashboard_json` stores the `dashboard` string through a state
 * function that parses it, deletes computed fields and re-serializes it
 * with sorted keys; it does the same to what the API returns on read. A
 * plan is clean when both sides end up equal. See
 * `datadog/resource_datadog_dashboard_json.go` (`prepResource`,
 * `computedFields`) in DataDog/terraform-provider-datadog, v3.82.0.
 */

/**
 * Top-level fields Datadog computes. The provider deletes them from both
 * config and state, so writing them changes nothing but misleads readers;
 * we never write them.
 */
export const COMPUTED_TOP_LEVEL = [
  "id",
  "author_handle",
  "author_name",
  "created_at",
  "modified_at",
  "url",
] as const;

/**
 * Fields that are never written:
 * - `id` on any widget, groups' children included: Datadog assigns it on
 *   every create and update; the provider deletes it recursively.
 * - `is_read_only`: deprecated; v3.82 inserts `false` on both sides when
 *   absent, and later versions delete it before sending because the API
 *   refuses it.
 * - `restricted_roles`: deprecated in favour of restriction policies; when
 *   present it changes how the provider treats `is_read_only`.
 * - `pause_auto_refresh`: the API drops it when false, so a written
 *   `false` shows as a change on every plan (provider issue #2956).
 * - `tabs`: the provider injects tab ids and rewrites widget references.
 * - `template_variable_presets`, `tags`: not needed; left to the API.
 */
export const NEVER_WRITTEN = [
  "is_read_only",
  "restricted_roles",
  "pause_auto_refresh",
  "tabs",
  "template_variable_presets",
  "tags",
] as const;

/**
 * Fields always written because the API fills them in when they are
 * missing: `description` comes back as `null` when left out (recorded
 * provider test cassettes show this on every such create), which differs
 * from the absent field in config. `notify_list` and `reflow_type` are
 * returned as sent. `template_variables` uses `defaults`, not the
 * deprecated `default`.
 */
export const ALWAYS_WRITTEN = [
  "title",
  "description",
  "layout_type",
  "reflow_type",
  "template_variables",
  "notify_list",
  "widgets",
] as const;

type JsonObject = { [key: string]: unknown };

/**
 * Every field of a dashboard body that must not be there, as JSON paths
 * (`widgets[2].definition.widgets[0].id`); also `null` values and missing
 * always-written fields. Empty means the body is safe to emit.
 */
export function unsafeDashboardFields(body: Readonly<JsonObject>): string[] {
  const problems: string[] = [];
  const forbidden = new Set<string>([...COMPUTED_TOP_LEVEL, ...NEVER_WRITTEN]);
  for (const key of Object.keys(body)) {
    if (forbidden.has(key)) problems.push(key);
  }
  for (const key of ALWAYS_WRITTEN) {
    if (!(key in body)) problems.push(`${key} (missing)`);
  }

  const visitWidgets = (widgets: unknown, path: string): void => {
    if (!Array.isArray(widgets)) return;
    widgets.forEach((w: JsonObject, i) => {
      const at = `${path}[${i}]`;
      if ("id" in w) problems.push(`${at}.id`);
      const def = w.definition as JsonObject | undefined;
      if (def?.type === "group")
        visitWidgets(def.widgets, `${at}.definition.widgets`);
    });
  };
  visitWidgets(body.widgets, "widgets");

  const visitNulls = (value: unknown, path: string): void => {
    if (value === null) problems.push(`${path} (null)`);
    else if (Array.isArray(value))
      value.forEach((v, i) => visitNulls(v, `${path}[${i}]`));
    else if (typeof value === "object") {
      for (const [k, v] of Object.entries(value as JsonObject)) {
        visitNulls(v, path ? `${path}.${k}` : k);
      }
    }
  };
  visitNulls(body, "");
  return problems;
}

/**
 * Puts widgets in reading order (by `y`, then `x`), inside groups too.
 * The layout already produces this order; sorting makes the JSON the
 * same however the widgets were listed, which is how the Datadog editor
 * orders them.
 */
export function sortWidgets<T extends JsonObject>(widgets: readonly T[]): T[] {
  const position = (w: T) => w.layout as { x: number; y: number };
  return [...widgets]
    .sort(
      (a, b) => position(a).y - position(b).y || position(a).x - position(b).x,
    )
    .map((w) => {
      const def = w.definition as JsonObject;
      if (def.type !== "group") return w;
      const inner = sortWidgets(def.widgets as JsonObject[]);
      return { ...w, definition: { ...def, widgets: inner } };
    });
}
