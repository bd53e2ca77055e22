import { unsafeDashboardFields } from "../../dashboards/normalize.js";
import { type Diagnostic, quote } from "../../model/diagnostic.js";
import type { ProjectPlan, StackPlan } from "../../plan.js";
import { firstDuplicates } from "../first-duplicates.js";

/**
 * Checks on dashboards and on the links between monitors and dashboards:
 * - `dashboard-json-fields`: no field the provider would show as a
 *   change on every plan (see `lib/dashboards/normalize.ts`);
 * - `dashboard-unique`: ids and titles unique per stack, since messages
 *   find a dashboard by its exact title;
 * - `dashboard-link-target`: every dashboard a monitor message links to
 *   exists in the environment's dev stack. Environments without any
 *   dashboard (monitor-only fixtures) are not checked.
 */
export function checkDashboards(plan: ProjectPlan): Diagnostic[] {
  return plan.stacks.flatMap((stack) => [
    ...unsafeFields(stack),
    ...duplicates(stack),
    ...linkTargets(plan, stack),
  ]);
}

function unsafeFields(stack: StackPlan): Diagnostic[] {
  return stack.dashboards.flatMap(({ spec, file }) =>
    unsafeDashboardFields(spec.body).map((field): Diagnostic => ({
      level: "error",
      where: `${stack.name}/${spec.id}`,
      file,
      check: "dashboard-json-fields",
      path: `body.${field}`,
      message:
        "expected no field that Datadog computes or rewrites, got it set",
      hint: "build the dashboard with lib/dashboards/dashboard.ts",
    })),
  );
}

function duplicates(stack: StackPlan): Diagnostic[] {
  return (["id", "title"] as const).flatMap((field) =>
    firstDuplicates(stack.dashboards, ({ spec }) => spec[field]).map(
      ({ item: { spec, file }, value, earlierFile }): Diagnostic => ({
        level: "error",
        where: `${stack.name}/${spec.id}`,
        file,
        check: "dashboard-unique",
        path: field,
        message: `expected a dashboard ${field} unique in the stack, got ${quote(value)} also defined in ${earlierFile}`,
      }),
    ),
  );
}

/** `…/dashboard/lists?q=<encoded title>` in a message. */
const DASHBOARD_SEARCH = /\/dashboard\/lists\?q=([^\s)\]]+)/g;

function linkTargets(plan: ProjectPlan, stack: StackPlan): Diagnostic[] {
  const dev = plan.stacks.find((s) => s.env === stack.env && s.tier === "dev");
  if (!dev || dev.dashboards.length === 0) return [];
  const titles = new Set(dev.dashboards.map((d) => d.spec.title));

  return stack.monitors.flatMap(({ spec, file }) =>
    [...spec.message.matchAll(DASHBOARD_SEARCH)]
      .map((m) => decodeURIComponent(m[1] ?? ""))
      .filter((title) => !titles.has(title))
      .map((title): Diagnostic => ({
        level: "error",
        where: `${stack.name}/${spec.id}`,
        file,
        check: "dashboard-link-target",
        path: "message",
        message: `expected a link to a dashboard of ${dev.name}, got ${quote(title)}`,
        hint: `known dashboards: ${[...titles].sort().join(", ")}`,
      })),
  );
}
