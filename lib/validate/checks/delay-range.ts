import { quote } from "../../model/diagnostic.js";
import type { Finding, MonitorCheck } from "../check.js";
import {
  monitorOptions,
  optionNumber,
  type SetOption,
} from "../monitor-options.js";

/**
 * Delays and intervals Datadog accepts:
 * - `evaluation_delay`: whole seconds, 0 to 86400 ("The maximum
 *   configurable evaluation delay is 86400 seconds");
 * - `new_group_delay`: whole seconds, at least 0 (no documented maximum);
 * - `renotify_interval`: whole minutes, at least 0; 0 (or unset) means
 *   never, which is how the API returns a monitor that does not
 *   re-notify.
 * https://docs.datadoghq.com/monitors/configuration/#evaluation-delay
 * https://docs.datadoghq.com/monitors/guide/monitor_api_options/
 */
export const MAX_EVALUATION_DELAY_SECONDS = 86_400;

const RULES: readonly {
  option: "evaluationDelay" | "newGroupDelay" | "renotifyInterval";
  min: number;
  max?: number;
  unit: string;
}[] = [
  {
    option: "evaluationDelay",
    min: 0,
    max: MAX_EVALUATION_DELAY_SECONDS,
    unit: "seconds",
  },
  { option: "newGroupDelay", min: 0, unit: "seconds" },
  { option: "renotifyInterval", min: 0, unit: "minutes" },
];

/** Evaluation delay, new group delay and renotify interval in range. */
export const delayRange: MonitorCheck = {
  id: "delay-range",
  description:
    "`evaluation_delay` is 0–86400 s, `new_group_delay` and `renotify_interval` (minutes) at least 0, all whole numbers",
  run: ({ spec }) => {
    const options = monitorOptions(spec);
    const out: Finding[] = [];
    for (const rule of RULES) {
      const set = options[rule.option];
      if (!set) continue;
      const problem = rangeProblem(set, rule);
      if (problem) out.push(problem);
    }
    return out;
  },
};

function rangeProblem(
  { value, path }: SetOption,
  rule: (typeof RULES)[number],
): Finding | undefined {
  const n = optionNumber(value);
  const inRange =
    n !== undefined &&
    Number.isInteger(n) &&
    n >= rule.min &&
    (rule.max === undefined || n <= rule.max);
  if (inRange) return undefined;

  const range =
    rule.max === undefined
      ? `at least ${rule.min}`
      : `from ${rule.min} to ${rule.max}`;
  return {
    path,
    message: `expected whole ${rule.unit} ${range}, got ${quote(value)}`,
  };
}
