import { formatNumber } from "../model/format-number.js";
import { formatMinute } from "./timeline-text.js";
import type {
  EvaluationResult,
  GroupTimeline,
  MonitorState,
  Step,
} from "./types.js";

const WIDTH = 960;
const PANEL = 170;
const LEFT = 70;
const RIGHT = 90;
const PLOT_HEIGHT = 120;
const QUERY_CHARS = 140;

const SHADE: Partial<Record<MonitorState, { cls: string; fill: string }>> = {
  ALERT: { cls: "state-alert", fill: "#d62728" },
  WARN: { cls: "state-warn", fill: "#ff9f1c" },
  "NO DATA": { cls: "state-no-data", fill: "#8c8c8c" },
};

/**
 * Draws an evaluation as a standalone SVG: one panel per group with the
 * evaluated value at each step, the critical and warning lines (and
 * recovery lines when set), and the ALERT, WARN and NO DATA periods
 * shaded. Hand-written markup, no dependency.
 */
export function renderSvg(result: EvaluationResult): string {
  const query = wrap(result.query, QUERY_CHARS);
  const TOP = 50 + query.length * 14;
  const height = TOP + Math.max(1, result.groups.length) * PANEL + 30;
  const first = result.minutes[0] ?? 0;
  const last = result.minutes[result.minutes.length - 1] ?? first + 1;
  const x = (minute: number) =>
    LEFT +
    ((minute - first) / Math.max(1, last - first)) * (WIDTH - LEFT - RIGHT);

  const body = result.groups.map((g, i) =>
    panel(result, g, TOP + i * PANEL, x),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${escape(result.monitorId)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="20" font-size="14" font-weight="bold">${escape(result.monitorId)}</text>`,
    ...query.map(
      (line, i) =>
        `<text x="${LEFT}" y="${38 + i * 14}" class="query">${escape(line)}</text>`,
    ),
    legend(),
    ...body,
    ...(result.groups.length === 0
      ? [
          `<text x="${LEFT}" y="${TOP + 20}">no group: no series matched the query's scope</text>`,
        ]
      : []),
    "</svg>",
    "",
  ].join("\n");
}

function panel(
  result: EvaluationResult,
  timeline: GroupTimeline,
  top: number,
  x: (minute: number) => number,
): string {
  const values = timeline.steps.flatMap((s) =>
    s.value === undefined ? [] : [s.value],
  );
  const lines = thresholdLines(result);
  const all = [...values, ...lines.map((l) => l.value)];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.1;
  [lo, hi] = [lo - pad, hi + pad];
  const bottom = top + 20 + PLOT_HEIGHT;
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * PLOT_HEIGHT;
  const right = WIDTH - RIGHT;

  return [
    `<g class="group" data-group="${escape(timeline.group)}">`,
    `<text x="${LEFT}" y="${top + 12}" font-weight="bold">group ${escape(timeline.group)}</text>`,
    `<rect x="${LEFT}" y="${top + 20}" width="${right - LEFT}" height="${PLOT_HEIGHT}" fill="none" stroke="#cccccc"/>`,
    ...shading(timeline.steps, top + 20, x),
    ...lines.map(
      (l) =>
        `<line class="${l.cls}" x1="${LEFT}" x2="${right}" y1="${y(l.value).toFixed(1)}" y2="${y(l.value).toFixed(1)}" stroke="${l.color}" stroke-dasharray="${l.dash}"><title>${l.label} ${formatNumber(l.value)}</title></line>` +
        `<text x="${right + 4}" y="${(y(l.value) + 4).toFixed(1)}" fill="${l.color}">${l.label.replace(" recovery", " rec.")} ${label(l.value)}</text>`,
    ),
    ...segments(timeline.steps).map(
      (seg) =>
        `<polyline class="series" fill="none" stroke="#1f4e9c" stroke-width="1.5" points="${seg.map((s) => `${x(s.minute).toFixed(1)},${y(s.value!).toFixed(1)}`).join(" ")}"/>`,
    ),
    `<text x="${LEFT - 6}" y="${top + 26}" text-anchor="end">${label(hi)}</text>`,
    `<text x="${LEFT - 6}" y="${bottom}" text-anchor="end">${label(lo)}</text>`,
    ...ticks(result.minutes, bottom, x),
    "</g>",
  ].join("\n");
}

function thresholdLines(result: EvaluationResult) {
  const lines = [
    {
      cls: "threshold-critical",
      label: "critical",
      value: result.critical,
      color: "#d62728",
      dash: "6 3",
    },
  ];
  if (result.warning !== undefined) {
    lines.push({
      cls: "threshold-warning",
      label: "warning",
      value: result.warning,
      color: "#ff9f1c",
      dash: "6 3",
    });
  }
  if (result.criticalRecovery !== undefined) {
    lines.push({
      cls: "threshold-critical-recovery",
      label: "critical recovery",
      value: result.criticalRecovery,
      color: "#d62728",
      dash: "2 3",
    });
  }
  if (result.warningRecovery !== undefined) {
    lines.push({
      cls: "threshold-warning-recovery",
      label: "warning recovery",
      value: result.warningRecovery,
      color: "#ff9f1c",
      dash: "2 3",
    });
  }
  return lines;
}

/** One rectangle per run of ALERT, WARN or NO DATA steps. */
function shading(
  steps: readonly Step[],
  top: number,
  x: (m: number) => number,
): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < steps.length) {
    const state = steps[i]!.state;
    let j = i;
    while (j + 1 < steps.length && steps[j + 1]!.state === state) j++;
    const shade = SHADE[state];
    if (shade) {
      const from = x(steps[i]!.minute - 0.5);
      const to = x(steps[j]!.minute + 0.5);
      out.push(
        `<rect class="${shade.cls}" x="${Math.max(LEFT, from).toFixed(1)}" y="${top}" width="${(Math.min(WIDTH - RIGHT, to) - Math.max(LEFT, from)).toFixed(1)}" height="${PLOT_HEIGHT}" fill="${shade.fill}" fill-opacity="0.2"><title>${state} ${formatMinute(steps[i]!.minute)}-${formatMinute(steps[j]!.minute)}</title></rect>`,
      );
    }
    i = j + 1;
  }
  return out;
}

/** Runs of consecutive steps that have a value. */
function segments(steps: readonly Step[]): Step[][] {
  const out: Step[][] = [];
  let current: Step[] = [];
  for (const step of steps) {
    if (step.value === undefined) {
      if (current.length) out.push(current);
      current = [];
    } else current.push(step);
  }
  if (current.length) out.push(current);
  return out.map((seg) => (seg.length === 1 ? [seg[0]!, seg[0]!] : seg));
}

function ticks(
  minutes: readonly number[],
  bottom: number,
  x: (m: number) => number,
) {
  const span = (minutes[minutes.length - 1] ?? 0) - (minutes[0] ?? 0);
  const every =
    [1, 5, 10, 15, 30, 60, 120, 240, 360].find((s) => span / s <= 12) ?? 720;
  return minutes
    .filter((m) => m % every === 0)
    .map(
      (m) =>
        `<text x="${x(m).toFixed(1)}" y="${bottom + 14}" text-anchor="middle">${formatMinute(m)}</text>`,
    );
}

function legend(): string {
  const items = [
    ["state-alert", "#d62728", "ALERT"],
    ["state-warn", "#ff9f1c", "WARN"],
    ["state-no-data", "#8c8c8c", "NO DATA"],
  ];
  return items
    .map(([cls, fill, text], i) => {
      const lx = WIDTH - RIGHT - 240 + i * 80;
      return `<rect class="legend ${cls}" x="${lx}" y="10" width="12" height="12" fill="${fill}" fill-opacity="0.35"/><text x="${lx + 16}" y="20">${text}</text>`;
    })
    .join("\n");
}

/** Splits text into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width)
    lines.push(text.slice(i, i + width));
  return lines.length ? lines : [""];
}

function label(v: number): string {
  return escape(formatNumber(Number(v.toPrecision(4))));
}

function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
