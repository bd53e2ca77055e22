import { HANDLE_PATTERN } from "../../model/handles.js";
import type { Finding, MonitorCheck } from "../check.js";
import { describePosition } from "../message-template.js";

/**
 * Integrations whose handles name a target after a dash; the bare name
 * notifies nobody. https://docs.datadoghq.com/monitors/notify/#notifications
 */
const NEEDS_TARGET: ReadonlySet<string> = new Set([
  "jira",
  "oncall",
  "opsgenie",
  "pagerduty",
  "servicenow",
  "slack",
  "teams",
  "victorops",
  "webhook",
  "xmatters",
]);

const EMAIL = /^@[^@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** Characters that end a handle besides whitespace. */
const STOP = new Set([..."\"'`,;()<>[]*|!?"]);
/** Characters that may not come right before a handle's `@`. */
const WORD = /[A-Za-z0-9_.+\-@]/;

/** One `@...` token in a message, dynamic parts (`{{x.name}}`) kept. */
export interface HandleToken {
  readonly text: string;
  readonly offset: number;
}

/**
 * Every `@` that starts a handle: not inside a word or an address such as
 * `ops@example.com`. A handle runs to whitespace or punctuation; a
 * `{{...}}` inside it (`@slack-{{team.name}}`) belongs to it, and a final
 * `.` or `:` ends the sentence, not the handle.
 */
export function handleTokens(text: string): HandleToken[] {
  const out: HandleToken[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(text[at - 1]!)) continue;
    let end = at + 1;
    while (end < text.length) {
      if (text.startsWith("{{", end)) {
        const close = text.indexOf("}}", end + 2);
        if (close === -1) break;
        end = close + 2;
        continue;
      }
      const c = text[end]!;
      if (c.trim() === "" || STOP.has(c)) break;
      end++;
    }
    while (end > at + 1 && (text[end - 1] === "." || text[end - 1] === ":")) {
      end--;
    }
    out.push({ text: text.slice(at, end), offset: at });
    at = end - 1;
  }
  return out;
}

/** Why a handle is malformed, or `undefined` when it is fine. */
export function handleProblem(handle: string): string | undefined {
  const plain = replaceVariables(handle);
  if (plain === "@") return "a handle after @";
  if (!HANDLE_PATTERN.test(plain)) {
    return "@ then a letter or digit, then letters, digits and -_.+/@";
  }
  if ("-_./+@".includes(plain[plain.length - 1]!)) {
    return "a handle that ends with a letter or digit";
  }
  if (plain.indexOf("@", 1) !== -1 && !EMAIL.test(plain)) {
    return "an email handle such as @name@example.com";
  }
  if (NEEDS_TARGET.has(plain.slice(1).toLowerCase())) {
    return `${plain}-<target>, e.g. ${plain}-team-alerts`;
  }
  return undefined;
}

/** `@slack-{{team.name}}` reads as `@slack-x` for the format rules. */
function replaceVariables(handle: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const open = handle.indexOf("{{", at);
    if (open === -1) return out + handle.slice(at);
    const close = handle.indexOf("}}", open);
    out += `${handle.slice(at, open)}x`;
    at = close === -1 ? handle.length : close + 2;
  }
}

/** Every `@handle` in the message is well formed. */
export const handleFormat: MonitorCheck = {
  id: "handle-format",
  description:
    "every `@handle` in the message is well formed: `@<integration>-<target>`, `@name@example.com`, no dangling `@`",
  run: ({ spec }) => {
    const out: Finding[] = [];
    for (const token of handleTokens(spec.message)) {
      const expected = handleProblem(token.text);
      if (!expected) continue;
      out.push({
        path: "message",
        message: `expected ${expected}, got "${token.text}" at ${describePosition(spec.message, token.offset)}`,
        hint: "a malformed handle notifies nobody",
      });
    }
    return out;
  },
};
