import { HANDLE_IN_TEXT, isPagingHandle } from "../model/handles.js";
import type { EvaluationResult, MonitorState } from "./types.js";

/** One notification a state change would send. */
export interface Notification {
  readonly minute: number;
  readonly group: string;
  readonly from: MonitorState;
  readonly to: MonitorState;
  /** Every `@handle` left in the message for this change. */
  readonly handles: readonly string[];
  /** The handles that page a person (PagerDuty, Opsgenie, ...). */
  readonly paging: readonly string[];
}

/**
 * The notifications the result's state changes would send, reading the
 * message's conditional blocks (`{{#is_alert}}`, `{{^is_warning}}`, ...)
 * as https://docs.datadoghq.com/monitors/notify/variables/#conditional-variables
 * describes. A change to NO DATA notifies only when the monitor notifies
 * on missing data. Re-notifications are not modelled.
 */
export function notifications(result: EvaluationResult): Notification[] {
  const out: Notification[] = [];
  for (const { group, steps } of result.groups) {
    let previous: MonitorState = "OK";
    for (const step of steps) {
      const to = step.state;
      if (to !== previous && (to !== "NO DATA" || result.notifyNoData)) {
        const handles = handlesIn(
          renderBlocks(result.message, flags(previous, to)),
        );
        out.push({
          minute: step.minute,
          group,
          from: previous,
          to,
          handles,
          paging: handles.filter(isPagingHandle),
        });
      }
      previous = to;
    }
  }
  return out;
}

function flags(from: MonitorState, to: MonitorState): Record<string, boolean> {
  const recovery = to === "OK";
  return {
    is_alert: to === "ALERT",
    is_warning: to === "WARN",
    is_no_data: to === "NO DATA",
    is_recovery: recovery,
    is_alert_recovery: recovery && from === "ALERT",
    is_warning_recovery: recovery && from === "WARN",
    is_alert_to_warning: from === "ALERT" && to === "WARN",
    is_warning_to_alert: from === "WARN" && to === "ALERT",
  };
}

const BLOCK = /\{\{([#^])\s*([a-z_]+)\s*\}\}([\s\S]*?)\{\{\/\s*\2\s*\}\}/g;

/** Keeps the blocks whose condition holds, innermost first. */
function renderBlocks(message: string, on: Record<string, boolean>): string {
  let text = message;
  for (let pass = 0; pass < 10; pass++) {
    const next = text.replace(
      BLOCK,
      (_, sign: string, name: string, body: string) =>
        (sign === "#") === Boolean(on[name]) ? body : "",
    );
    if (next === text) break;
    text = next;
  }
  return text;
}

function handlesIn(text: string): string[] {
  return [
    ...new Set(
      [...text.matchAll(HANDLE_IN_TEXT)].map((m) => m[0].replace(/[.]+$/, "")),
    ),
  ];
}
