import type { Diagnostic } from "../model/diagnostic.js";
import type { ProjectPlan } from "../plan.js";
import type { MonitorCheck } from "./check.js";
import { cloudwatchEvaluationDelay } from "./checks/cloudwatch-evaluation-delay.js";
import { checkDashboards } from "./checks/dashboards.js";
import { delayRange } from "./checks/delay-range.js";
import { handleFormat } from "./checks/handle-format.js";
import { messageBlocks } from "./checks/message-blocks.js";
import { messageVariables } from "./checks/message-variables.js";
import { newGroupDelayGrouped } from "./checks/new-group-delay-grouped.js";
import { noDataConflict, noDataTimeframe } from "./checks/no-data.js";
import {
  oncallNoData,
  oncallOwnerTags,
  oncallRunbook,
} from "./checks/oncall-policy.js";
import { priorityRange } from "./checks/priority-range.js";
import { queryParse } from "./checks/query-parse.js";
import { devNoPaging, oncallPagingHandle } from "./checks/routing.js";
import { tagFormat } from "./checks/tag-format.js";
import { terraformTemplate } from "./checks/terraform-template.js";
import {
  thresholdKeys,
  thresholdMatchesQuery,
  thresholdOrder,
} from "./checks/thresholds.js";
import { windowRange } from "./checks/window-range.js";
import { checkProject } from "./project.js";

/** Every per-monitor check, in the order they run. */
export const MONITOR_CHECKS: readonly MonitorCheck[] = [
  queryParse,
  thresholdKeys,
  thresholdMatchesQuery,
  thresholdOrder,
  windowRange,
  delayRange,
  noDataTimeframe,
  noDataConflict,
  cloudwatchEvaluationDelay,
  newGroupDelayGrouped,
  messageBlocks,
  messageVariables,
  handleFormat,
  terraformTemplate,
  priorityRange,
  tagFormat,
  oncallRunbook,
  oncallOwnerTags,
  oncallNoData,
  oncallPagingHandle,
  devNoPaging,
];

/**
 * Runs every check on every monitor and the project-wide checks. A
 * monitor's `ignoreChecks` silences one named check, with a reason; an
 * opt-out without a reason, or one that silences nothing, is an error.
 */
export function validatePlan(
  plan: ProjectPlan,
  checks: readonly MonitorCheck[] = MONITOR_CHECKS,
): Diagnostic[] {
  const out: Diagnostic[] = [...checkProject(plan), ...checkDashboards(plan)];
  const known = new Set(checks.map((c) => c.id));

  for (const stack of plan.stacks) {
    for (const monitor of stack.monitors) {
      const { spec, file } = monitor;
      const where = `${stack.name}/${spec.id}`;
      const ignores = spec.ignoreChecks ?? {};
      const used = new Set<string>();

      for (const check of checks) {
        for (const finding of check.run(monitor, stack)) {
          if (ignores[check.id]?.trim()) {
            used.add(check.id);
            continue;
          }
          out.push({
            level: "error",
            where,
            file,
            check: check.id,
            ...finding,
          });
        }
      }

      for (const [id, reason] of Object.entries(ignores)) {
        const path = `ignoreChecks.${id}`;
        if (!known.has(id)) {
          out.push({
            level: "error",
            where,
            file,
            check: "ignore-unknown",
            path,
            message: `expected the id of a check, got "${id}"`,
          });
        } else if (!reason.trim()) {
          out.push({
            level: "error",
            where,
            file,
            check: "ignore-reason",
            path,
            message: "expected a reason for the opt-out, got an empty string",
          });
        } else if (!used.has(id)) {
          out.push({
            level: "error",
            where,
            file,
            check: "ignore-unused",
            path,
            message: `expected the opt-out to silence a finding, got none from "${id}"`,
            hint: "remove the stale opt-out",
          });
        }
      }
    }
  }
  return out;
}
