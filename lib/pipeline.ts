import { existsSync } from "node:fs";
import { join } from "node:path";
import { buildPlan } from "./build.js";
import {
  environmentNames,
  loadEnvironments,
} from "./config/load-environments.js";
import { checkDefinitions } from "./definition-check.js";
import {
  type Diagnostic,
  mergeAcrossStacks,
  sortDiagnostics,
} from "./model/diagnostic.js";
import type { ProjectPlan } from "./plan.js";
import { loadDefinitions } from "./registry.js";
import { validatePlan } from "./validate/index.js";

/** Where the project's inputs live; tests point these at fixtures. */
export interface ProjectPaths {
  readonly root: string;
  readonly environments?: string;
  readonly monitors?: string;
  readonly dashboards?: string;
}

export interface PlanResult {
  readonly plan: ProjectPlan;
  /** Every problem found, sorted by location. */
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
  /** Environment files with errors: their stacks were not built or checked. */
  readonly skippedEnvironmentFiles: readonly string[];
}

/**
 * Loads config and definitions, builds every stack's specs and runs every
 * check. Nothing is written; `ok` says whether rendering may go ahead.
 */
export async function planProject(paths: ProjectPaths): Promise<PlanResult> {
  const root = paths.root;
  const envDir = paths.environments ?? join(root, "config/environments");
  const envs = loadEnvironments(envDir, root);
  const names = existsSync(envDir) ? environmentNames(envDir) : [];
  const loadedMonitors = await loadDefinitions(
    paths.monitors ?? join(root, "monitors"),
    "monitor",
    root,
  );
  const loadedDashboards = await loadDefinitions(
    paths.dashboards ?? join(root, "dashboards"),
    "dashboard",
    root,
  );
  const monitors = checkDefinitions(
    loadedMonitors.value,
    "monitor",
    names,
    root,
  );
  const dashboards = checkDefinitions(
    loadedDashboards.value,
    "dashboard",
    names,
    root,
  );

  const built = buildPlan(envs.value, monitors.value, dashboards.value);
  // While a monitor file does not load or build, its id is unknown here,
  // so its threshold override would look like a typo: say only the cause.
  const definitionsFailed = [
    ...loadedMonitors.diagnostics,
    ...monitors.diagnostics,
    ...built.diagnostics,
  ].some((d) => d.level === "error");
  const checked = validatePlan(built.plan).filter(
    (d) => !(definitionsFailed && d.check === "threshold-override-unknown"),
  );

  const diagnostics = mergeAcrossStacks(
    sortDiagnostics([
      ...envs.diagnostics,
      ...loadedMonitors.diagnostics,
      ...loadedDashboards.diagnostics,
      ...monitors.diagnostics,
      ...dashboards.diagnostics,
      ...built.diagnostics,
      ...checked,
    ]),
  );
  return {
    plan: built.plan,
    diagnostics,
    ok: !diagnostics.some((d) => d.level === "error"),
    skippedEnvironmentFiles: [
      ...new Set(
        envs.diagnostics
          .filter((d) => d.level === "error")
          .map((d) => d.where.replace(/:\d+$/, "")),
      ),
    ].sort(),
  };
}
