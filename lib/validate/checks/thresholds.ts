import { quote } from "../../model/diagnostic.js";
import { formatNumber } from "../../model/format-number.js";
import type { MonitorType, Thresholds } from "../../model/monitor.js";
import type { Comparator } from "../../query/ast.js";
import type { Finding, MonitorCheck } from "../check.js";
import { queryFacts } from "../query-facts.js";

/**
 * Threshold checks. Datadog rejects a `critical` that differs from the
 * number in the query, and silently does the wrong thing with a warning or
 * recovery threshold on the wrong side of the comparator.
 * https://docs.datadoghq.com/monitors/guide/recovery-thresholds/
 */

/** The number in the query is the critical threshold. */
export const thresholdMatchesQuery: MonitorCheck = {
  id: "threshold-matches-query",
  description:
    "`thresholds.critical` equals the number after the query's comparator",
  run: ({ spec }) => {
    const facts = queryFacts(spec);
    const critical = spec.thresholds.critical;
    if (!facts || !isFiniteNumber(critical)) return [];

    const inQuery = formatNumber(facts.threshold);
    if (formatNumber(critical) === inQuery) return [];
    return [
      {
        path: "thresholds.critical",
        message: `expected ${inQuery} (the query's threshold), got ${formatNumber(critical)}`,
        hint: "build the query's threshold from thresholds.critical; Datadog rejects a mismatch",
      },
    ];
  },
};

/**
 * Which threshold must lie on which side of which. Every relation is
 * strict, for `>=` and `<=` too: a warning equal to critical never shows
 * (the alert wins), and a recovery threshold equal to the one it recovers
 * from adds nothing to plain recovery (`> c` recovers at `<= c`).
 */
const ORDER: readonly {
  key: "warning" | "criticalRecovery" | "warningRecovery";
  ref: "critical" | "warning";
  hint: string;
}[] = [
  {
    key: "warning",
    ref: "critical",
    hint: "a warning fires before the alert, between normal values and critical",
  },
  {
    key: "criticalRecovery",
    ref: "critical",
    hint: "a recovery threshold sits on the healthy side of the one it recovers from",
  },
  {
    key: "warningRecovery",
    ref: "warning",
    hint: "a recovery threshold sits on the healthy side of the one it recovers from",
  },
];

/** Warning and recovery thresholds lie on the healthy side. */
export const thresholdOrder: MonitorCheck = {
  id: "threshold-order",
  description:
    "warning and recovery thresholds lie strictly on the healthy side of critical (and warning) for the comparator",
  run: ({ spec }) => {
    const facts = queryFacts(spec);
    if (!facts) return [];
    const above = isAbove(facts.comparator);
    const t = spec.thresholds;

    const out: Finding[] = [];
    for (const { key, ref, hint } of ORDER) {
      const value = t[key];
      const bound = t[ref];
      if (!isFiniteNumber(value) || !isFiniteNumber(bound)) continue;
      if (above ? value < bound : value > bound) continue;
      out.push({
        path: `thresholds.${key}`,
        message: `expected ${above ? "<" : ">"} ${formatNumber(bound)} (thresholds.${ref}, alerting ${facts.comparator}), got ${formatNumber(value)}`,
        hint,
      });
    }
    return out;
  },
};

const isAbove = (comparator: Comparator) =>
  comparator === ">" || comparator === ">=";

/** Threshold keys each monitor type takes, in the model's names. */
const METRIC_KEYS = [
  "critical",
  "warning",
  "criticalRecovery",
  "warningRecovery",
] as const;
const SERVICE_CHECK_KEYS = ["critical", "warning", "ok", "unknown"] as const;

/**
 * The threshold keys a monitor type takes: `ok` and `unknown` count
 * service check runs and exist only there; recovery thresholds do not
 * exist for service checks.
 * https://docs.datadoghq.com/monitors/guide/monitor_api_options/
 */
export function thresholdKeysFor(type: MonitorType): readonly string[] {
  return type === "service check" ? SERVICE_CHECK_KEYS : METRIC_KEYS;
}

/**
 * Types whose query holds no threshold: a composite combines other
 * monitors' states, a service check counts runs with defaults of 1.
 */
const NO_CRITICAL: ReadonlySet<MonitorType> = new Set([
  "composite",
  "service check",
]);

/** Only keys the monitor type takes, each a finite number. */
export const thresholdKeys: MonitorCheck = {
  id: "threshold-keys",
  description:
    "threshold keys suit the monitor type (`ok`/`unknown` only for service checks) and are finite numbers",
  run: ({ spec }) => {
    const thresholds = spec.thresholds as Thresholds & Record<string, unknown>;
    const allowed = thresholdKeysFor(spec.type);
    const serviceCheck = spec.type === "service check";

    const out: Finding[] = [];
    if (thresholds.critical === undefined && !NO_CRITICAL.has(spec.type)) {
      out.push({
        path: "thresholds.critical",
        message: "expected a number, got nothing",
      });
    }
    for (const [key, value] of Object.entries(thresholds)) {
      if (value === undefined) continue;
      const problem = keyProblem(key, value, allowed, serviceCheck);
      if (problem) out.push({ path: `thresholds.${key}`, ...problem });
    }
    if (
      thresholds.warningRecovery !== undefined &&
      thresholds.warning === undefined &&
      allowed.includes("warningRecovery")
    ) {
      out.push({
        path: "thresholds.warningRecovery",
        message: "expected it only with thresholds.warning, got no warning",
        hint: "add the warning or drop its recovery threshold",
      });
    }
    return out;
  },
};

function keyProblem(
  key: string,
  value: unknown,
  allowed: readonly string[],
  serviceCheck: boolean,
): Omit<Finding, "path"> | undefined {
  if (!allowed.includes(key)) {
    return {
      message: `expected one of ${allowed.join(", ")}, got ${quote(key)}`,
      hint:
        key === "ok" || key === "unknown"
          ? "ok and unknown count service check runs; other monitors have no such threshold"
          : "service checks count runs and have no recovery thresholds",
    };
  }
  if (!isFiniteNumber(value)) {
    const got = typeof value === "number" ? String(value) : quote(value);
    return { message: `expected a finite number, got ${got}` };
  }
  if (serviceCheck && !(Number.isInteger(value) && value >= 1)) {
    return {
      message: `expected a whole number of check runs, at least 1, got ${formatNumber(value)}`,
    };
  }
  return undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
