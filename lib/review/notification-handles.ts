import { HANDLE_IN_TEXT } from "../model/handles.js";

/** The handles a message notifies under one condition. */
export interface ConditionHandles {
  /**
   * `always` outside any block, else the block's condition in words:
   * `alert`, `warning`, `recovery`, `no data`, `not alert`,
   * `match "chain_id" "1"`; nested blocks join with ` + `.
   */
  readonly condition: string;
  /** Sorted, without duplicates. */
  readonly handles: readonly string[];
}

/** The order reviewers expect to read conditions in; the rest follow A-Z. */
const CONDITION_ORDER = [
  "always",
  "alert",
  "warning",
  "no data",
  "recovery",
  "alert recovery",
  "warning recovery",
  "renotify",
];

// `{{#is_alert}}`, `{{^is_warning}}`, `{{/is_alert}}`, `{{else}}` and handles.
const TOKEN = new RegExp(
  String.raw`\{\{\s*(?:([#^/])\s*([\w.]+)([^}]*)|(else))\s*\}\}|` +
    HANDLE_IN_TEXT.source,
  "g",
);

/**
 * Reads which handles a Datadog message notifies in which state, from its
 * conditional blocks (`{{#is_alert}}...{{/is_alert}}`, `{{^is_warning}}`,
 * `{{#is_match "tag" "value"}}`, `{{else}}`).
 * https://docs.datadoghq.com/monitors/notify/variables/#conditional-variables
 *
 * A closing tag without its opening one is ignored, so a malformed message
 * still gives a best reading instead of failing the review.
 */
export function notificationHandles(message: string): ConditionHandles[] {
  const stack: { name: string; args: string; negated: boolean }[] = [];
  const found = new Map<string, Set<string>>();

  for (const match of message.matchAll(TOKEN)) {
    const [token, sigil, name, args, otherwise] = match;
    if (otherwise) {
      const top = stack.at(-1);
      if (top) top.negated = !top.negated;
    } else if (sigil === "#" || sigil === "^") {
      stack.push({ name: name!, args: args!.trim(), negated: sigil === "^" });
    } else if (sigil === "/") {
      const at = stack.map((b) => b.name).lastIndexOf(name!);
      if (at >= 0) stack.length = at;
    } else {
      const handle = token.replace(/\.+$/, "");
      const condition = stack.length
        ? stack.map((b) => conditionWords(b)).join(" + ")
        : "always";
      found.set(condition, (found.get(condition) ?? new Set()).add(handle));
    }
  }

  return [...found]
    .map(([condition, handles]) => ({
      condition,
      handles: [...handles].sort(),
    }))
    .sort((a, b) => compareConditions(a.condition, b.condition));
}

/** Orders condition names as reviewers read them: alert before recovery. */
export function compareConditions(a: string, b: string): number {
  return conditionRank(a) - conditionRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Position of a condition in reading order; unknown ones share the last. */
export function conditionRank(condition: string): number {
  const i = CONDITION_ORDER.indexOf(condition);
  return i < 0 ? CONDITION_ORDER.length : i;
}

function conditionWords(block: {
  name: string;
  args: string;
  negated: boolean;
}): string {
  const words = block.name.replace(/^is_/, "").replace(/_/g, " ");
  const full = block.args ? `${words} ${block.args}` : words;
  return block.negated ? `not ${full}` : full;
}
