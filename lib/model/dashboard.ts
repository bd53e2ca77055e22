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
}
