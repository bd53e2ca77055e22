import type { Scope } from "./ast.js";
import type { ParseOutcome } from "./parse-error.js";
import { runParser } from "./run-parser.js";
import { isSpace, type Scanner } from "./scanner.js";

/**
 * Tag scopes: `*`, `key:value`, bare tags, `!key:value`, `key IN (a,b)`,
 * `key NOT IN (a,b)`, `AND`/`OR`/`NOT` in any case, and parentheses. A comma
 * is an `AND` of the same precedence; `NOT` binds tighter than `AND`, which
 * binds tighter than `OR`. Nested `and`/`or` are flattened the way the
 * builder's `scope.and`/`scope.or` flatten them (the round-trip test holds
 * the two together), so parsed and built trees agree.
 */

const KEYWORDS = new Set(["AND", "OR", "NOT", "IN"]);
const TAG_HINT = "a tag such as env:prod, or *";

/** Parses a scope without its braces, e.g. `env:prod,!host:a*`. */
export function parseScope(text: string): ParseOutcome<Scope> {
  return runParser(text, (scanner) => {
    const scope = readOr(scanner);
    scanner.expectEnd();
    return scope;
  });
}

/** Reads a scope after its `{`, up to and including the closing `}`. */
export function readScope(scanner: Scanner): Scope {
  const scope = readOr(scanner);
  scanner.skipSpace();
  if (scanner.peek() !== "}") {
    scanner.fail("bad-scope", '",", "AND", "OR" or "}" between tags');
  }
  scanner.pos++;
  return scope;
}

function readOr(scanner: Scanner): Scope {
  const terms = [readAnd(scanner)];
  while (eatKeywords(scanner, "OR")) terms.push(readAnd(scanner));
  return combine("or", terms);
}

function readAnd(scanner: Scanner): Scope {
  const terms = [readNot(scanner)];
  for (;;) {
    scanner.skipSpace();
    if (scanner.peek() === ",") {
      scanner.pos++;
      terms.push(readNot(scanner));
    } else if (eatKeywords(scanner, "AND")) {
      terms.push(readNot(scanner));
    } else {
      return combine("and", terms);
    }
  }
}

function readNot(scanner: Scanner): Scope {
  let count = 0;
  while (eatKeywords(scanner, "NOT")) count++;
  let term = readAtom(scanner);
  for (; count > 0; count--) term = { kind: "not", term };
  return term;
}

function readAtom(scanner: Scanner): Scope {
  scanner.skipSpace();
  const start = scanner.pos;
  if (scanner.peek() === "(") {
    scanner.pos++;
    const inner = readOr(scanner);
    scanner.skipSpace();
    if (scanner.peek() !== ")") scanner.fail("bad-scope", '")"');
    scanner.pos++;
    return inner;
  }

  const word = scanner.readWhile(isTagChar);
  if (word === "" || KEYWORDS.has(word.toUpperCase())) {
    scanner.fail("bad-scope", TAG_HINT, start);
  }
  if (word === "*") return { kind: "all" };
  if (word.startsWith("!")) {
    return tagTerm(scanner, word.slice(1), start + 1, true);
  }
  if (!word.includes(":")) {
    if (eatKeywords(scanner, "IN")) return readIn(scanner, word, false);
    if (eatKeywords(scanner, "NOT", "IN")) return readIn(scanner, word, true);
  }
  return tagTerm(scanner, word, start, false);
}

/** `key:value` (split at the first colon) or a bare tag. */
function tagTerm(
  scanner: Scanner,
  body: string,
  start: number,
  negated: boolean,
): Scope {
  const colon = body.indexOf(":");
  if (body === "") scanner.fail("bad-scope", `${TAG_HINT} after "!"`, start);
  if (colon < 0) return { kind: "tag", value: body, negated };
  if (colon === 0) scanner.fail("bad-scope", 'a tag key before ":"', start);
  if (colon === body.length - 1) {
    scanner.fail("bad-scope", `a tag value after "${body}"`, start + colon + 1);
  }
  const key = body.slice(0, colon);
  return { kind: "tag", key, value: body.slice(colon + 1), negated };
}

/** The `(a,b)` after `key IN` or `key NOT IN`. */
function readIn(scanner: Scanner, key: string, negated: boolean): Scope {
  const keyword = negated ? "NOT IN" : "IN";
  scanner.skipSpace();
  if (scanner.peek() !== "(") scanner.fail("bad-scope", `"(" after ${keyword}`);
  scanner.pos++;
  const values: string[] = [];
  for (;;) {
    scanner.skipSpace();
    const value = scanner.readWhile(isTagChar);
    if (value === "") scanner.fail("bad-scope", `a value in ${keyword} (...)`);
    values.push(value);
    scanner.skipSpace();
    const next = scanner.peek();
    scanner.pos++;
    if (next === ")") return { kind: "in", key, values, negated };
    if (next !== ",") scanner.fail("bad-scope", '"," or ")"', scanner.pos - 1);
  }
}

/**
 * One term stays itself; terms of the same kind are spliced in. Loops
 * rather than spreads, so a scope of any length fits the stack.
 */
function combine(kind: "and" | "or", terms: readonly Scope[]): Scope {
  if (terms.length === 1) return terms[0]!;
  const flat: Scope[] = [];
  for (const term of terms) {
    if (term.kind !== kind) flat.push(term);
    else for (const inner of term.terms) flat.push(inner);
  }
  return { kind, terms: flat };
}

/**
 * Consumes the given keywords (any case) if the next words are exactly
 * them; otherwise moves nothing.
 */
function eatKeywords(scanner: Scanner, ...keywords: string[]): boolean {
  const save = scanner.pos;
  for (const keyword of keywords) {
    scanner.skipSpace();
    const word = scanner.readWhile(isTagChar);
    if (word.toUpperCase() !== keyword) {
      scanner.pos = save;
      return false;
    }
  }
  return true;
}

/** Anything but spaces, quotes and `,(){}`. */
function isTagChar(code: number): boolean {
  return !(
    isSpace(code) ||
    code === 44 ||
    code === 40 ||
    code === 41 ||
    code === 123 ||
    code === 125 ||
    code === 34 ||
    code === 39
  );
}
