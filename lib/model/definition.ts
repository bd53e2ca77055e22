import type { DashboardSpec } from "./dashboard.js";
import type { Environment, Tier } from "./environment.js";
import type { MonitorSpec } from "./monitor.js";

/** What a factory needs to know: the environment and the target tier. */
export interface MonitorContext {
  readonly env: Environment;
  readonly tier: Tier;
}

/**
 * The default export of a file in `monitors/`. One file, one definition;
 * it may fan out into several specs (one per chain, say).
 */
export interface MonitorDefinition {
  readonly kind: "monitor";
  readonly tier: Tier;
  /** Environment names to include; all when omitted. */
  readonly environments?: readonly string[];
  readonly build: (ctx: MonitorContext) => MonitorSpec | readonly MonitorSpec[];
}

/** Declares the monitors of one file; gives the object its type. */
export function defineMonitor(
  definition: Omit<MonitorDefinition, "kind">,
): MonitorDefinition {
  return { kind: "monitor", ...definition };
}

/** The default export of a file in `dashboards/` (always the dev tier). */
export interface DashboardDefinition {
  readonly kind: "dashboard";
  readonly environments?: readonly string[];
  readonly build: (
    ctx: DashboardContext,
  ) => DashboardSpec | readonly DashboardSpec[];
}

/** Dashboards see the environment and every monitor built for it. */
export interface DashboardContext {
  readonly env: Environment;
  /** Every monitor of this environment, both tiers, after checks. */
  readonly monitors: readonly { spec: MonitorSpec; tier: Tier }[];
}

export function defineDashboard(
  definition: Omit<DashboardDefinition, "kind">,
): DashboardDefinition {
  return { kind: "dashboard", ...definition };
}
