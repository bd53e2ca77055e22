import type { PlacedMonitor } from "../model/monitor.js";
import type { StackPlan } from "../plan.js";

/** One problem a check found in one monitor. */
export interface Finding {
  /** Field path in the spec, e.g. `thresholds.warning`. */
  readonly path: string;
  /** `expected <what>, got <value>` */
  readonly message: string;
  readonly hint?: string;
  /**
   * A second place the problem was written, `<file>:<line>`: an
   * environment file whose threshold override caused it.
   */
  readonly source?: string;
}

/**
 * A check on one monitor. `id` is stable and kebab-case: it appears in
 * messages and is what `ignoreChecks` names to opt out.
 */
export interface MonitorCheck {
  readonly id: string;
  /** One line for the README's list of checks. */
  readonly description: string;
  readonly run: (
    monitor: PlacedMonitor,
    stack: StackPlan,
  ) => readonly Finding[];
}
