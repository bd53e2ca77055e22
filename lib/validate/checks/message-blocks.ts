import type { Finding, MonitorCheck } from "../check.js";
import {
  describePosition,
  parseTemplate,
  type TemplateTag,
} from "../message-template.js";

/**
 * The conditional blocks Datadog knows. A misspelt one never renders, so
 * the handles inside it are never notified.
 * https://docs.datadoghq.com/monitors/notify/variables/#conditional-variables
 */
export const CONDITIONALS: ReadonlySet<string> = new Set([
  "is_alert",
  "is_alert_recovery",
  "is_alert_to_warning",
  "is_exact_match",
  "is_match",
  "is_no_data",
  "is_no_data_recovery",
  "is_priority",
  "is_recovery",
  "is_renotify",
  "is_unknown",
  "is_warning",
  "is_warning_recovery",
]);

/** Conditionals that compare a tag variable with one or more strings. */
export const MATCHERS: ReadonlySet<string> = new Set([
  "is_match",
  "is_exact_match",
]);

type Open = Extract<TemplateTag, { kind: "open" }>;

/**
 * Every `{{#x}}`/`{{^x}}` is a known conditional and closes with its own
 * `{{/x}}`; every `{{` closes with `}}`. One mistake gives one finding: a
 * close that matches a block further out reports the blocks left open
 * inside it; a close that matches nothing open closes the innermost block.
 */
export const messageBlocks: MonitorCheck = {
  id: "message-blocks",
  description:
    "`{{#is_alert}}`-style blocks in the message are known conditionals, balanced and properly nested",
  run: ({ spec }) => {
    const text = spec.message;
    const parsed = parseTemplate(text);
    const at = (offset: number) => describePosition(text, offset);
    const out: Finding[] = [];
    const problem = (message: string, hint?: string) =>
      out.push({ path: "message", message, ...(hint ? { hint } : {}) });

    const open: Open[] = [];
    for (const tag of parsed.tags) {
      if (tag.kind === "open") {
        const bad = openProblem(tag);
        if (bad) problem(`${bad} at ${at(tag.offset)}`);
        open.push(tag);
      } else if (tag.kind === "close") {
        closeBlock(tag, open, problem, at);
      } else if (tag.kind === "else" && open.length === 0) {
        problem(
          `expected {{else}} inside a block, got it outside at ${at(tag.offset)}`,
        );
      }
    }

    for (const tag of open) {
      problem(
        `expected {{/${tag.name}}} for ${sigil(tag)} at ${at(tag.offset)}, got the end of the message`,
      );
    }
    for (const p of parsed.problems) problem(`${p.message} at ${at(p.offset)}`);
    return out;
  },
};

function openProblem(tag: Open): string | undefined {
  if (!CONDITIONALS.has(tag.name)) {
    return `expected a Datadog conditional such as is_alert or is_warning, got ${sigil(tag)}`;
  }
  if (MATCHERS.has(tag.name) && quotedArguments(tag.args) < 2) {
    return `expected ${sigil(tag)} "<tag>.name" "<text>", got ${sigil(tag)}${tag.args ? ` ${tag.args}` : ""}`;
  }
  return undefined;
}

function closeBlock(
  tag: Extract<TemplateTag, { kind: "close" }>,
  open: Open[],
  problem: (message: string) => void,
  at: (offset: number) => string,
): void {
  let match = -1;
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i]!.name === tag.name) {
      match = i;
      break;
    }
  }

  if (match === -1) {
    const innermost = open.pop();
    problem(
      innermost
        ? `expected {{/${innermost.name}}} for ${sigil(innermost)} at ${at(innermost.offset)}, got {{/${tag.name}}} at ${at(tag.offset)}`
        : `expected an open block before {{/${tag.name}}}, got none at ${at(tag.offset)}`,
    );
    return;
  }
  for (const unclosed of open.splice(match + 1)) {
    problem(
      `expected {{/${unclosed.name}}} for ${sigil(unclosed)} at ${at(unclosed.offset)}, got {{/${tag.name}}} at ${at(tag.offset)} first`,
    );
  }
  open.pop();
}

const sigil = (tag: Open) => `{{${tag.inverted ? "^" : "#"}${tag.name}}}`;

/** Counts `"..."` and `'...'` arguments. */
function quotedArguments(args: string): number {
  let count = 0;
  let quote = "";
  for (const c of args) {
    if (quote) {
      if (c === quote) {
        count++;
        quote = "";
      }
    } else if (c === '"' || c === "'") {
      quote = c;
    }
  }
  return count;
}
