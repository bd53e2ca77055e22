import type { DashboardSpec } from "./model/dashboard.js";
import type { Environment, Tier } from "./model/environment.js";
import type { PlacedMonitor } from "./model/monitor.js";

/** Everything one stack holds, before rendering. */
export interface StackPlan {
  /** `<env>-<tier>` */
  readonly name: string;
  readonly env: Environment;
  readonly tier: Tier;
  readonly monitors: readonly PlacedMonitor[];
  readonly dashboards: readonly { spec: DashboardSpec; file: string }[];
}

/** The whole project: every environment times every tier. */
export interface ProjectPlan {
  readonly environments: readonly Environment[];
  readonly stacks: readonly StackPlan[];
}
