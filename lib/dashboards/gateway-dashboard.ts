import type { DashboardSpec } from "../model/dashboard.js";
import type { DashboardContext } from "../model/definition.js";
import { dashboard } from "./dashboard.js";
import { headerNote } from "./header-note.js";
import { monitorGraphGroup, type MonitorSelector } from "./monitor-graphs.js";
import type { Widget } from "./widget.js";

/** What a gateway dashboard file gives `gatewayDashboard()`. */
export interface GatewayDashboardOptions {
  /** Stable kebab-case id; names the Terraform resource. */
  readonly id: string;
  /** A title from `DASHBOARDS`, which paging messages link to. */
  readonly title: string;
  /** One line under the dashboard title. */
  readonly description: string;
  /** The first line of the header note. */
  readonly summary: string;
  /** The monitors graphed at the bottom and whose runbooks are linked. */
  readonly monitors: MonitorSelector;
  /** Title of the group of monitor graphs. @default "Monitors on this dashboard" */
  readonly monitorsTitle?: string;
  /** The dashboard's own widgets, between the note and the graphs. */
  readonly widgets: readonly Widget[];
}

/**
 * The shape every dashboard of this project shares: a note linking the
 * other dashboards and the runbooks, the dashboard's own widgets, then
 * the graphs of its monitors with their thresholds.
 */
export function gatewayDashboard(
  ctx: DashboardContext,
  options: GatewayDashboardOptions,
): DashboardSpec {
  return dashboard(ctx.env, {
    id: options.id,
    title: options.title,
    description: options.description,
    widgets: [
      headerNote(ctx, {
        title: options.title,
        summary: options.summary,
        monitors: options.monitors,
      }),
      ...options.widgets,
      ...monitorGraphGroup(
        ctx,
        options.monitorsTitle ?? "Monitors on this dashboard",
        options.monitors,
      ),
    ],
  });
}
