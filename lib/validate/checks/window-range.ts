import type { MonitorSpec } from "../../model/monitor.js";
import type { Window, WindowUnit } from "../../query/ast.js";
import { windowMinutes } from "../../query/builder.js";
import { formatWindow } from "../../query/format.js";
import type { Finding, MonitorCheck } from "../check.js";
import { queryFacts } from "../query-facts.js";

/**
 * Rolling windows of metric monitors run from 1 minute to 730 hours
 * ("custom ... between 1 minute and 730 hours (1 month)"); cumulative
 * windows are the current hour, day or month.
 * https://docs.datadoghq.com/monitors/types/metric/
 * https://docs.datadoghq.com/monitors/configuration/#evaluation-window
 */
export const MAX_WINDOW_MINUTES = 730 * 60;

/** The cumulative windows Datadog offers: `current_1h|1d|1mo`. */
export const CURRENT_WINDOWS: ReadonlySet<string> = new Set([
  "1h",
  "1d",
  "1mo",
]);

const SHIFT = /^(?:(\d+)(mo|m|h|d|w)_ago|last_(\d+)(mo|m|h|d|w))$/;

/** Evaluation and comparison windows within what Datadog accepts. */
export const windowRange: MonitorCheck = {
  id: "window-range",
  description:
    "evaluation and change windows are `last_1m` to `last_730h` or `current_1h|1d|1mo`",
  run: ({ spec }) => {
    const facts = queryFacts(spec);
    if (!facts) return [];
    const typed = spec.query.kind === "metric-monitor";
    const change = typed && spec.query.reducer.kind === "change";

    const out: Finding[] = [];
    const problem = windowProblem(facts.window);
    if (problem) {
      out.push({
        path: pathOf(spec, change ? "reducer.inner.window" : "reducer.window"),
        message: `expected ${problem}, got ${formatWindow(facts.window)}`,
        hint: "longer views belong on a dashboard or an SLO",
      });
    }
    if (facts.shift !== undefined) {
      const shiftProblem = shiftProblemOf(facts.shift);
      if (shiftProblem) {
        out.push({
          path: pathOf(spec, "reducer.shift"),
          message: `expected ${shiftProblem}, got "${facts.shift}"`,
        });
      }
    }
    return out;
  },
};

function pathOf(spec: MonitorSpec, typedPath: string): string {
  return spec.query.kind === "raw" ? "query" : `query.${typedPath}`;
}

function windowProblem(window: Window): string | undefined {
  if (!Number.isInteger(window.amount) || window.amount < 1) {
    return "a whole number of units, at least 1";
  }
  if (window.kind === "current") {
    return CURRENT_WINDOWS.has(`${window.amount}${window.unit}`)
      ? undefined
      : "current_1h, current_1d or current_1mo";
  }
  return windowMinutes(window) <= MAX_WINDOW_MINUTES
    ? undefined
    : `a window of at most 730 hours (${MAX_WINDOW_MINUTES} minutes)`;
}

function shiftProblemOf(shift: string): string | undefined {
  const match = SHIFT.exec(shift);
  if (!match) return "<n><unit>_ago or last_<n><unit>";
  const amount = Number(match[1] ?? match[3]);
  const unit = (match[2] ?? match[4]) as WindowUnit;
  const minutes = windowMinutes({ kind: "last", amount, unit });
  return amount >= 1 && minutes <= MAX_WINDOW_MINUTES
    ? undefined
    : "a comparison point from 1 minute to 730 hours back";
}
