import type { Expression } from "../query/ast.js";

/**
 * One Datadog dashboard as plain data: the JSON body the dashboards API
 * takes, plus a stable id for the Terraform resource.
 */
export interface DashboardSpec {
  /** Stable kebab-case id; the Terraform resource id comes from it. */
  readonly id: string;
  readonly title: string;
  /** The dashboard JSON body (title, layout_type, widgets, ...). */
  readonly body: Readonly<Record<string, unknown>>;
  /**
   * The query trees behind the widget queries in `body`, as built.
   * Not rendered; checks and tests read them. Specs made without the
   * dashboard builder may leave it out.
   */
  readonly queries?: readonly Expression[];
}
