/**
 * Reads the `{{...}}` tags of a Datadog notification template: conditional
 * blocks (`{{#is_alert}}`, `{{^is_warning}}`, `{{/is_alert}}`, `{{else}}`)
 * and variables (`{{value}}`, `{{chain_id.name}}`, `{{{raw}}}`), skipping
 * comments (`{{!-- --}}`) and raw sections (`{{{{raw}}}}...{{{{/raw}}}}`).
 * https://docs.datadoghq.com/monitors/notify/variables/
 *
 * One pass with `indexOf`, no regular expressions, so a message costs time
 * linear in its length.
 */

import { lineColumn } from "../model/line-column.js";

/** One tag, with the offset of its first `{` in the text. */
export type TemplateTag =
  | {
      readonly kind: "open";
      readonly name: string;
      /** `{{^name}}` rather than `{{#name}}`. */
      readonly inverted: boolean;
      /** Everything after the name, e.g. `"host.name" "db"`. */
      readonly args: string;
      readonly offset: number;
    }
  | { readonly kind: "close"; readonly name: string; readonly offset: number }
  | { readonly kind: "else"; readonly offset: number }
  | {
      readonly kind: "variable";
      /** The trimmed text between the braces, e.g. `chain_id.name`. */
      readonly expression: string;
      readonly offset: number;
    };

/** A `{{` that never closes, or a comment or raw section left open. */
export interface TemplateProblem {
  readonly offset: number;
  readonly message: string;
}

export interface ParsedTemplate {
  readonly tags: readonly TemplateTag[];
  readonly problems: readonly TemplateProblem[];
}

const cache = new Map<string, ParsedTemplate>();
const CACHE_LIMIT = 10_000;

/**
 * Parses a template; the same text is parsed once (generated monitors
 * repeat messages per environment and chain).
 */
export function parseTemplate(text: string): ParsedTemplate {
  let parsed = cache.get(text);
  if (!parsed) {
    parsed = parse(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, parsed);
  }
  return parsed;
}

function parse(text: string): ParsedTemplate {
  const tags: TemplateTag[] = [];
  const problems: TemplateProblem[] = [];
  let at = 0;

  for (;;) {
    const start = text.indexOf("{{", at);
    if (start === -1) break;

    const step = readTag(text, start, tags, problems);
    if (step === -1) break;
    at = step;
  }
  return { tags, problems };
}

/** Reads the tag at `start`; returns where to go on, or -1 to stop. */
function readTag(
  text: string,
  start: number,
  tags: TemplateTag[],
  problems: TemplateProblem[],
): number {
  const unclosed = (what: string, closer: string) => {
    problems.push({
      offset: start,
      message: `expected ${closer} to close ${what}, got the end of the text`,
    });
    return -1;
  };

  if (text.startsWith("{{{{", start)) return readRaw(text, start, problems);

  if (text.startsWith("{{!--", start)) {
    const end = text.indexOf("--}}", start + 5);
    return end === -1 ? unclosed("the comment", '"--}}"') : end + 4;
  }

  if (text.startsWith("{{{", start)) {
    const end = text.indexOf("}}}", start + 3);
    if (end === -1) return unclosed('"{{{"', '"}}}"');
    const expression = text.slice(start + 3, end).trim();
    tags.push({ kind: "variable", expression, offset: start });
    return end + 3;
  }

  const end = text.indexOf("}}", start + 2);
  if (end === -1) return unclosed('"{{"', '"}}"');
  const inner = text.slice(start + 2, end).trim();
  const tag = classify(inner, start);
  if (tag) tags.push(tag);
  return end + 2;
}

function classify(inner: string, offset: number): TemplateTag | undefined {
  const sigil = inner[0];
  if (sigil === "!") return undefined;

  if (sigil === "#" || sigil === "^") {
    const body = inner.slice(1).trim();
    const space = firstSpace(body);
    return {
      kind: "open",
      name: space === -1 ? body : body.slice(0, space),
      inverted: sigil === "^",
      args: space === -1 ? "" : body.slice(space + 1).trim(),
      offset,
    };
  }
  if (sigil === "/") {
    return { kind: "close", name: inner.slice(1).trim(), offset };
  }
  if (inner === "else") return { kind: "else", offset };
  return { kind: "variable", expression: inner, offset };
}

/** Skips `{{{{name ...}}}} ... {{{{/name}}}}`; the content is literal. */
function readRaw(
  text: string,
  start: number,
  problems: TemplateProblem[],
): number {
  const openEnd = text.indexOf("}}}}", start + 4);
  if (openEnd === -1) {
    problems.push({
      offset: start,
      message: 'expected "}}}}" to close "{{{{", got the end of the text',
    });
    return -1;
  }
  const inner = text.slice(start + 4, openEnd).trim();
  const space = firstSpace(inner);
  const name = space === -1 ? inner : inner.slice(0, space);
  const closer = `{{{{/${name}}}}}`;
  const close = text.indexOf(closer, openEnd + 4);
  if (close === -1) {
    problems.push({
      offset: start,
      message: `expected "${closer}" to close the raw section, got the end of the text`,
    });
    return -1;
  }
  return close + closer.length;
}

function firstSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return i;
  }
  return -1;
}

/** `line 3, column 5` */
export function describePosition(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return `line ${line}, column ${column}`;
}
