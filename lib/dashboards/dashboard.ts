import type { DashboardSpec } from "../model/dashboard.js";
import type { Environment } from "../model/environment.js";
import { dashboardTitle } from "../model/links.js";
import { placeWidgets } from "./layout.js";
import { sortWidgets, unsafeDashboardFields } from "./normalize.js";
import {
  standardTemplateVariables,
  type TemplateVariable,
  templateVariablesJson,
  variablesIn,
} from "./template-variables.js";
import type { Widget } from "./widget.js";
import { widgetsJson } from "./widget-json.js";

/** What a dashboard file gives `dashboard()`. */
export interface DashboardOptions {
  /** Stable kebab-case id; names the Terraform resource. */
  readonly id: string;
  /**
   * Title without the environment; `[<env>] ` is prepended. Paging
   * messages find dashboards by this title (`DASHBOARDS` in
   * `lib/factories/common.ts`), so keep the two in step.
   */
  readonly title: string;
  /** Markdown shown under the title. */
  readonly description: string;
  readonly widgets: readonly Widget[];
  /** @default `standardTemplateVariables(env)` */
  readonly templateVariables?: readonly TemplateVariable[];
}

/**
 * Builds a dashboard spec: places the widgets on the grid, writes the
 * JSON body `datadog_dashboard_json` takes, and checks it holds no field
 * that would show as a change on the next plan (`normalize.ts`).
 *
 * @throws Error when a query uses a template variable the dashboard does
 *   not define, when the id is not kebab-case, or when a widget does not
 *   fit the grid.
 */
export function dashboard(
  env: Environment,
  options: DashboardOptions,
): DashboardSpec {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(options.id)) {
    throw new Error(
      `id: expected kebab-case, got ${JSON.stringify(options.id)}`,
    );
  }
  const variables = options.templateVariables ?? standardTemplateVariables(env);
  const title = dashboardTitle(env, options.title);

  const { placed } = placeWidgets(options.widgets);
  const { widgets, queries } = widgetsJson(placed);

  const defined = new Set(variables.map((v) => v.name));
  const undefinedVariables = [
    ...new Set(queries.flatMap(variablesIn).filter((v) => !defined.has(v))),
  ];
  if (undefinedVariables.length) {
    throw new Error(
      `widgets: expected template variables the dashboard defines` +
        ` (${[...defined].join(", ")}), got $${undefinedVariables.join(", $")}`,
    );
  }

  const body = {
    title,
    description: options.description.trim(),
    layout_type: "ordered",
    reflow_type: "fixed",
    template_variables: templateVariablesJson(variables),
    notify_list: [],
    widgets: sortWidgets(widgets as { [key: string]: unknown }[]),
  };
  const unsafe = unsafeDashboardFields(body);
  if (unsafe.length) {
    throw new Error(
      `body: expected no unsafe fields, got ${unsafe.join(", ")}`,
    );
  }
  return { id: options.id, title, body, queries };
}
