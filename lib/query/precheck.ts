import { parseError, type ParseError } from "./parse-error.js";

/** How a monitor type's query may begin. */
export interface PrecheckOptions {
  /**
   * True when the query itself starts with a quoted string, as a service
   * check does (`"http.can_connect".over(...)`).
   */
  readonly startsWithString: boolean;
}

const CLOSER: Readonly<Record<string, string>> = {
  "(": ")",
  "{": "}",
  "[": "]",
};
const OPENER: Readonly<Record<string, string>> = {
  ")": "(",
  "}": "{",
  "]": "[",
};
/** Bounds the parsers' recursion, which only brackets can deepen. */
const MAX_DEPTH = 100;
const CODE: Readonly<Record<string, string>> = {
  "(": "unbalanced-parens",
  "{": "unbalanced-braces",
  "[": "unbalanced-brackets",
};

/**
 * Checks what every query type shares before its own grammar runs: no
 * quotes around the whole query, every string closed, and every bracket
 * matched outside strings. Reports every unmatched bracket, in text order.
 */
export function precheck(text: string, options: PrecheckOptions): ParseError[] {
  const stray = strayQuotes(text, options);
  if (stray) return [stray];

  return checkBalance(text);
}

function strayQuotes(
  text: string,
  options: PrecheckOptions,
): ParseError | undefined {
  const first = text.search(/\S/);
  const quote = first < 0 ? "" : text[first]!;
  if (quote !== '"' && quote !== "'") return undefined;

  // A service check starts with its quoted check name; only a string that
  // spans the whole query and holds calls is a wrapped query there.
  const close = stringEnd(text, first);
  const wrapped =
    close >= 0 &&
    text.slice(close + 1).trim() === "" &&
    text.slice(first, close).includes("(");
  if (options.startsWithString && !wrapped) return undefined;
  const shown = JSON.stringify(`${text.slice(first, first + 20)}...`);
  return parseError(
    text,
    "stray-quotes",
    first,
    `expected the query without quotes around it, got ${shown}`,
  );
}

function checkBalance(text: string): ParseError[] {
  const errors: ParseError[] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"' || char === "'") {
      const end = stringEnd(text, i);
      if (end < 0) return [...errors, unterminated(text, i)];
      i = end;
    } else if (CLOSER[char]) {
      open.push(i);
      if (open.length > MAX_DEPTH) return [...errors, tooDeep(text, i)];
    } else if (OPENER[char]) {
      const top = open.pop();
      if (top === undefined) {
        errors.push(unopened(text, i));
      } else if (CLOSER[text[top]!] !== char) {
        errors.push(mismatched(text, top, i));
        return errors;
      }
    }
  }

  for (const at of open) errors.push(unclosed(text, at));
  return errors.sort((a, b) => a.offset - b.offset);
}

/** Index of the quote closing the string opened at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

function tooDeep(text: string, at: number): ParseError {
  return parseError(
    text,
    "too-deep",
    at,
    `expected at most ${MAX_DEPTH} nested brackets, got more`,
  );
}

function unterminated(text: string, at: number): ParseError {
  return parseError(
    text,
    "unterminated-string",
    at,
    `expected a closing ${text[at]} for this string, got end of query`,
  );
}

function unopened(text: string, at: number): ParseError {
  const char = text[at]!;
  return parseError(
    text,
    CODE[OPENER[char]!]!,
    at,
    `expected a "${OPENER[char]}" before this "${char}", got none`,
  );
}

function mismatched(text: string, openAt: number, at: number): ParseError {
  const opener = text[openAt]!;
  const where = parseError(text, "", openAt, "");
  return parseError(
    text,
    CODE[opener]!,
    at,
    `expected "${CLOSER[opener]}" to close "${opener}" at ` +
      `${where.line}:${where.column}, got "${text[at]}"`,
  );
}

function unclosed(text: string, at: number): ParseError {
  const opener = text[at]!;
  return parseError(
    text,
    CODE[opener]!,
    at,
    `expected a "${CLOSER[opener]}" to close this "${opener}", ` +
      "got end of query",
  );
}
