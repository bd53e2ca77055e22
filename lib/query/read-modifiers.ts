import type { Modifier } from "./ast.js";
import { isDigit, isSpace, isWordChar, type Scanner } from "./scanner.js";

/** What may follow a series' scope: its group-by and its dot-calls. */
export interface SeriesTail {
  readonly groupBy: string[];
  readonly modifiers: Modifier[];
}

/** The first argument each modifier takes, or none; the second is a number. */
const MODIFIERS: Readonly<Record<string, readonly string[] | undefined>> = {
  as_count: undefined,
  as_rate: undefined,
  weighted: undefined,
  rollup: ["sum", "avg", "min", "max", "count"],
  fill: ["null", "zero", "linear", "last"],
};

/**
 * Reads `by {a,b}` and `.name(args)` after a series' scope, in any order:
 * `{*} by {host}.as_count()` and `{*}.as_count() by {host}` give the same
 * series. A second `by` is an error.
 */
export function readModifiers(scanner: Scanner): SeriesTail {
  let groupBy: string[] | undefined;
  const modifiers: Modifier[] = [];
  for (;;) {
    scanner.skipSpace();
    const at = scanner.pos;
    if (scanner.peek() === "." && isWordChar(scanner.text.charCodeAt(at + 1))) {
      modifiers.push(readModifier(scanner));
    } else if (isKeyword(scanner, "by")) {
      if (groupBy) {
        scanner.fail("duplicate-group-by", 'one "by {...}" per series', at);
      }
      groupBy = readGroupBy(scanner);
    } else {
      return { groupBy: groupBy ?? [], modifiers };
    }
  }
}

function isKeyword(scanner: Scanner, word: string): boolean {
  const { text, pos } = scanner;
  return (
    text.startsWith(word, pos) &&
    !isWordChar(text.charCodeAt(pos + word.length))
  );
}

function readGroupBy(scanner: Scanner): string[] {
  scanner.pos += 2;
  scanner.skipSpace();
  if (scanner.peek() !== "{") scanner.fail("bad-group-by", '"{" after "by"');
  scanner.pos++;
  const keys: string[] = [];
  for (;;) {
    scanner.skipSpace();
    const key = scanner.readWhile(isKeyChar);
    if (key === "") scanner.fail("bad-group-by", "a tag key to group by");
    keys.push(key);
    scanner.skipSpace();
    const next = scanner.peek();
    scanner.pos++;
    if (next === "}") return keys;
    if (next !== ",") {
      scanner.fail("bad-group-by", '"," or "}"', scanner.pos - 1);
    }
  }
}

function readModifier(scanner: Scanner): Modifier {
  scanner.pos++;
  const nameAt = scanner.pos;
  const name = scanner.readWhile(isWordChar);
  if (!(name in MODIFIERS)) {
    const known = Object.keys(MODIFIERS).join(", ");
    scanner.fail("unknown-modifier", `a modifier (${known})`, nameAt);
  }
  scanner.skipSpace();
  if (scanner.peek() !== "(") {
    scanner.fail("bad-modifier", `"(" after ".${name}"`);
  }
  scanner.pos++;

  const args: (string | number)[] = [];
  if (scanner.eat(")")) return checkArity(scanner, name, args, nameAt);
  for (;;) {
    args.push(readArgument(scanner, name, args.length));
    if (scanner.eat(")")) return checkArity(scanner, name, args, nameAt);
    scanner.expect(",", '"," or ")"', "bad-modifier");
  }
}

/** A method or mode word first, then a number; quotes are tolerated. */
function readArgument(
  scanner: Scanner,
  name: string,
  index: number,
): string | number {
  scanner.skipSpace();
  const at = scanner.pos;
  const choices = MODIFIERS[name];
  if (!choices) scanner.fail("bad-modifier", `no arguments in .${name}()`, at);
  if (index > 1) {
    scanner.fail("bad-modifier", `at most 2 arguments in .${name}()`, at);
  }
  if (index === 0) {
    const quote = scanner.peek();
    const word =
      quote === "'" || quote === '"'
        ? scanner.readQuoted()
        : scanner.readWhile(isWordChar);
    if (!choices.includes(word)) {
      scanner.fail(
        "bad-modifier",
        `one of ${choices.join(", ")} in .${name}()`,
        at,
      );
    }
    return word;
  }

  const isNumber =
    isDigit(scanner.text.charCodeAt(at)) || scanner.peek() === "-";
  const value = isNumber ? scanner.readNumber() : undefined;
  if (value === undefined) {
    scanner.fail("bad-modifier", `a number of seconds in .${name}()`, at);
  }
  return value;
}

function checkArity(
  scanner: Scanner,
  name: string,
  args: (string | number)[],
  at: number,
): Modifier {
  const wanted = MODIFIERS[name] ? "1 or 2 arguments" : "no arguments";
  const ok = MODIFIERS[name] ? args.length >= 1 : args.length === 0;
  if (!ok) scanner.fail("bad-modifier", `${wanted} in .${name}()`, at);
  return { name, args };
}

/** Group-by keys: anything but spaces, `,` and braces. */
function isKeyChar(code: number): boolean {
  return !(isSpace(code) || code === 44 || code === 123 || code === 125);
}
