import { DashboardJson } from "@cdktf/provider-datadog/lib/dashboard-json/index.js";
import { Monitor } from "@cdktf/provider-datadog/lib/monitor/index.js";
import { DatadogProvider } from "@cdktf/provider-datadog/lib/provider/index.js";
import { type App, TerraformStack } from "cdktf";
import { configureBackend } from "../../backends/configure.js";
import { apiUrl } from "../model/environment.js";
import type { StackPlan } from "../plan.js";
import { escapeTerraform, escapeTerraformDeep } from "./escape.js";
import { monitorAttributes } from "./monitor-config.js";

/**
 * The Datadog provider version the bindings were generated for; Terraform
 * must install exactly this one so plans match the bindings.
 */
export const DATADOG_PROVIDER_VERSION = "3.82.0";

/**
 * Renders one stack: provider, backend, a `datadog_monitor` per monitor
 * spec and a `datadog_dashboard_json` per dashboard. Construct ids are the
 * spec ids, so a display-name change never replaces a resource.
 */
export function renderStack(app: App, plan: StackPlan): TerraformStack {
  const stack = new TerraformStack(app, plan.name);

  // The provider reads DD_API_KEY and DD_APP_KEY from the environment at
  // plan and apply time; nothing secret is written into the output.
  new DatadogProvider(stack, "datadog", {
    apiUrl: apiUrl(plan.env.datadog.site),
  });
  configureBackend(stack, plan.env.backend, plan.name);

  for (const { spec } of plan.monitors) {
    const monitor = new Monitor(stack, spec.id, monitorAttributes(spec));
    if (spec.extraOptions) {
      for (const [key, value] of Object.entries(spec.extraOptions)) {
        monitor.addOverride(key, escapeTerraformDeep(value));
      }
    }
    if (spec.importId !== undefined) monitor.importFrom(String(spec.importId));
  }
  for (const { spec } of plan.dashboards) {
    new DashboardJson(stack, spec.id, {
      dashboard: escapeTerraform(JSON.stringify(spec.body)),
    });
  }
  return stack;
}
