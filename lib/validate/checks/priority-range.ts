import { quote } from "../../model/diagnostic.js";
import type { MonitorCheck } from "../check.js";

/**
 * Priority is a whole number from 1 (highest) to 5 everywhere; an oncall
 * monitor has one, within the range its environment allows
 * (`oncallPriority` in the environment file).
 * https://docs.datadoghq.com/monitors/configuration/#add-metadata
 */
export const priorityRange: MonitorCheck = {
  id: "priority-range",
  description:
    "priority is 1–5; an oncall monitor has one within the environment's `oncallPriority` range",
  run: ({ spec, tier }, stack) => {
    const priority: unknown = spec.priority;
    const valid =
      typeof priority === "number" &&
      Number.isInteger(priority) &&
      priority >= 1 &&
      priority <= 5;
    if (priority !== undefined && !valid) {
      return [
        {
          path: "priority",
          message: `expected a whole number from 1 to 5, got ${quote(priority)}`,
        },
      ];
    }
    if (tier !== "oncall") return [];

    const { min, max } = stack.env.oncallPriority;
    if (valid && priority >= min && priority <= max) return [];
    return [
      {
        path: "priority",
        message: `expected ${min} to ${max} for an oncall monitor in ${stack.env.name}, got ${quote(priority)}`,
        hint: `oncallPriority in ${stack.env.file} sets the range`,
      },
    ];
  },
};
