import { formatNumber } from "../model/format-number.js";
import type {
  EvaluationResult,
  GroupTimeline,
  MonitorState,
  Step,
} from "./types.js";

const SYMBOL: Record<MonitorState, string> = {
  OK: ".",
  WARN: "W",
  ALERT: "A",
  "NO DATA": "N",
};
const PER_LINE = 60;

/** `11m`, `1h05m` for a minute count. */
export function formatMinute(minute: number): string {
  if (minute < 60) return `${minute}m`;
  const m = minute % 60;
  return `${Math.floor(minute / 60)}h${String(m).padStart(2, "0")}m`;
}

/**
 * Reads `11m`, `1h`, `1h5m`, `90` or a number as minutes.
 * @throws Error naming the text when it is none of those.
 */
export function parseMinute(at: string | number): number {
  if (typeof at === "number" && Number.isInteger(at) && at >= 0) return at;
  const match = /^(?:(\d+)h)?(?:(\d+)m?)?$/.exec(String(at).trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) {
    throw new Error(
      `expected a time such as "11m", "1h" or "1h5m", got ${JSON.stringify(at)}`,
    );
  }
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/**
 * The result as text: a strip per group (one character per step: `.` OK,
 * `W` warn, `A` alert, `N` no data, `-` not seen yet) and every state
 * change with its value. Used by the CLI and by failing test matchers.
 */
export function formatTimeline(
  result: EvaluationResult,
  only?: readonly string[],
): string {
  const thresholds = [
    `critical ${result.comparator} ${formatNumber(result.critical)}`,
    ...(result.warning !== undefined
      ? [`warning ${result.comparator} ${formatNumber(result.warning)}`]
      : []),
    ...(result.criticalRecovery !== undefined
      ? [`critical recovery ${formatNumber(result.criticalRecovery)}`]
      : []),
    ...(result.warningRecovery !== undefined
      ? [`warning recovery ${formatNumber(result.warningRecovery)}`]
      : []),
  ];
  const groups = result.groups.filter((g) => !only || only.includes(g.group));
  const lines = [
    `${result.monitorId}: ${result.query}`,
    `  ${thresholds.join(", ")}; ${result.evaluationPath} evaluation path`,
    "  legend: . OK  W WARN  A ALERT  N NO DATA  - not seen yet",
    ...groups.flatMap((g) => formatGroup(g)),
    ...result.notes.map((n) => `  note: ${n}`),
  ];
  if (groups.length === 0)
    lines.push("  (no group: no series matched the query's scope)");
  return lines.join("\n");
}

function formatGroup(timeline: GroupTimeline): string[] {
  const lines = [`  group ${timeline.group}`];
  for (let i = 0; i < timeline.steps.length; i += PER_LINE) {
    const chunk = timeline.steps.slice(i, i + PER_LINE);
    const label = formatMinute(chunk[0]!.minute).padStart(7);
    lines.push(`  ${label} |${chunk.map(symbol).join("")}|`);
  }
  const changes = transitions(timeline.steps);
  lines.push(...changes.map((c) => `    ${c}`));
  if (changes.length === 0)
    lines.push(`    stays ${timeline.steps[0]?.state ?? "OK"}`);
  return lines;
}

function symbol(step: Step): string {
  if (step.reason === "not-seen") return "-";
  return SYMBOL[step.state];
}

/** `11m OK -> ALERT (value 12.5)` for every change of state. */
export function transitions(steps: readonly Step[]): string[] {
  const out: string[] = [];
  let previous: MonitorState = "OK";
  for (const step of steps) {
    if (step.state !== previous) {
      const value =
        step.value !== undefined
          ? ` (value ${formatNumber(step.value)})`
          : ` (${step.reason})`;
      out.push(
        `${formatMinute(step.minute)} ${previous} -> ${step.state}${value}`,
      );
    }
    previous = step.state;
  }
  return out;
}
