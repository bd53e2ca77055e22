import { HANDLE_IN_TEXT, isPagingHandle } from "../model/handles.js";
import { isRecord } from "../synth-output/read-synth-output.js";
import {
  type Field,
  flattenFields,
  scalar,
  scalarText,
  set,
  sortFields,
  text,
} from "./fields.js";
import {
  type ConditionHandles,
  conditionRank,
  notificationHandles,
} from "./notification-handles.js";

/** A `datadog_monitor` resource as a reviewer compares it. */
export interface MonitorView {
  /** The Terraform resource name, from the spec's stable id. */
  readonly id: string;
  readonly name: string;
  /** Tagged `tier:oncall`, or its message names a paging handle. */
  readonly paging: boolean;
  readonly handles: readonly ConditionHandles[];
  /** Every field but the name, in display order. */
  readonly fields: readonly Field[];
}

const THRESHOLD_ORDER = [
  "critical",
  "critical_recovery",
  "warning",
  "warning_recovery",
  "ok",
  "unknown",
];
const NO_DATA = ["notify_no_data", "no_data_timeframe", "on_missing_data"];
const OWN_FIELDS = new Set([
  "//",
  "name",
  "type",
  "query",
  "message",
  "tags",
  "priority",
  "monitor_thresholds",
  ...NO_DATA,
]);

/**
 * Reads one `datadog_monitor` resource body from synthesized JSON.
 * `importId` is the Datadog id an `import` block adopts, when there is one.
 */
export function monitorView(
  id: string,
  body: Readonly<Record<string, unknown>>,
  importId?: string,
): MonitorView {
  const message = scalarText(body.message) ?? "";
  const handles = notificationHandles(message);
  const tags = Array.isArray(body.tags)
    ? body.tags.map(scalarText).filter((t) => t !== undefined)
    : [];
  const paging =
    tags.includes("tier:oncall") ||
    handles.some((c) => c.handles.some(isPagingHandle));

  const fields: Field[] = [
    ...optional("type", 1, body.type),
    ...(body.query !== undefined
      ? [
          {
            key: "query",
            label: "query",
            value: text(scalarText(body.query) ?? ""),
            rank: 2,
          },
        ]
      : []),
    ...thresholdFields(body.monitor_thresholds),
    ...optional("priority", 4, body.priority),
    ...handles.map((c) => ({
      key: `handles.${c.condition}`,
      label:
        c.condition === "always"
          ? "handles in every state"
          : `handles on ${c.condition}`,
      value: set(c.handles),
      rank: 5 + conditionRank(c.condition) / 100,
    })),
    { key: "tags", label: "tags", value: set(tags), rank: 6 },
    ...NO_DATA.flatMap((key, i) => optional(key, 7 + i / 10, body[key])),
    ...(message
      ? [
          {
            key: "message",
            label: "message text",
            value: text(withoutHandles(message)),
            rank: 8,
          },
        ]
      : []),
    ...Object.keys(body)
      .filter((key) => !OWN_FIELDS.has(key))
      .flatMap((key) => flattenFields(body[key], key, 9)),
    ...(importId !== undefined
      ? [
          {
            key: "import",
            label: "imports Datadog monitor",
            value: scalar(importId),
            rank: 10,
          },
        ]
      : []),
  ];

  return {
    id,
    name: scalarText(body.name) ?? "",
    paging,
    handles,
    fields: sortFields(fields),
  };
}

function optional(key: string, rank: number, value: unknown): Field[] {
  const single = scalarText(value);
  return single === undefined
    ? []
    : [{ key, label: key, value: scalar(single), rank }];
}

function thresholdFields(value: unknown): Field[] {
  const block = Array.isArray(value) ? value[0] : value;
  if (!isRecord(block)) return [];
  return Object.keys(block).flatMap((key) => {
    const at = THRESHOLD_ORDER.indexOf(key);
    const rank = 3 + (at < 0 ? THRESHOLD_ORDER.length : at) / 10;
    return optional(key, rank, block[key]).map((f) => ({
      ...f,
      key: `monitor_thresholds.${key}`,
      label: `thresholds.${key}`,
    }));
  });
}

/**
 * The message without handles and the blocks they leave empty, so wording
 * changes show apart from routing changes (reported per condition).
 */
function withoutHandles(message: string): string {
  const empty = /\{\{\s*[#^]\s*([\w.]+)[^}]*\}\}\s*\{\{\s*\/\s*\1\s*\}\}/g;
  let rest = message.replace(HANDLE_IN_TEXT, "");
  for (let before = ""; before !== rest;) {
    before = rest;
    rest = rest.replace(empty, "");
  }
  return rest
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
