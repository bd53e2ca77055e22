import type { Window } from "./ast.js";
import { parseDuration } from "./parse-window.js";
import {
  isDigit,
  isLetter,
  isSpace,
  isWordChar,
  type Scanner,
} from "./scanner.js";

/**
 * The call chains of non-metric queries: `name(args).method(args)...`, as
 * in `logs("*").index("main").last("5m")`. Arguments are quoted strings,
 * numbers, bare words (`10d`, `job_name`) or `name=value` pairs. The
 * builders in `parse-search.ts` and friends give the calls their meaning.
 */

/** A positional argument as written, with its offset for messages. */
export type ChainValue =
  | {
      readonly kind: "string" | "word";
      readonly value: string;
      readonly at: number;
    }
  | { readonly kind: "number"; readonly value: number; readonly at: number };

/** A positional argument or a `name=value` pair. */
export type ChainArgument =
  | ChainValue
  | {
      readonly kind: "named";
      readonly name: string;
      readonly value: ChainValue;
      readonly at: number;
    };

/** One `name(args)` of a chain, the opening call or a `.method(...)`. */
export interface ChainCall {
  readonly name: string;
  /** Offset of the name. */
  readonly at: number;
  readonly args: readonly ChainArgument[];
}

/** Reads `name(args)`; names may hold `-`, as in `ci-pipelines(...)`. */
export function readChainCall(scanner: Scanner, what: string): ChainCall {
  scanner.skipSpace();
  const at = scanner.pos;
  const name = scanner.readWhile(isCallNameChar);
  if (!isLetter(name.charCodeAt(0))) scanner.fail("unexpected-token", what, at);
  scanner.expect("(", `"(" after "${name}"`);

  const args: ChainArgument[] = [];
  if (scanner.eat(")")) return { name, at, args };
  for (;;) {
    args.push(readArgument(scanner));
    if (scanner.eat(")")) return { name, at, args };
    scanner.expect(",", '"," or ")" between arguments');
  }
}

/** Reads every `.method(args)` that follows, in order. */
export function readMethodCalls(scanner: Scanner): ChainCall[] {
  const calls: ChainCall[] = [];
  while (scanner.eat(".")) {
    calls.push(readChainCall(scanner, 'a method name after "."'));
  }
  return calls;
}

/**
 * Indexes calls by name, failing on a name outside `allowed` or a name
 * used twice.
 */
export function indexCalls(
  scanner: Scanner,
  calls: readonly ChainCall[],
  allowed: readonly string[],
): Map<string, ChainCall> {
  const byName = new Map<string, ChainCall>();
  for (const call of calls) {
    if (!allowed.includes(call.name)) {
      const known = allowed.map((name) => `.${name}()`).join(", ");
      scanner.fail("unknown-method", `one of ${known}`, call.at);
    }
    if (byName.has(call.name)) {
      scanner.fail("duplicate-method", `one .${call.name}() call`, call.at);
    }
    byName.set(call.name, call);
  }
  return byName;
}

/** The single text argument of `call`, e.g. the search of `logs("...")`. */
export function textArgument(
  scanner: Scanner,
  call: ChainCall,
  what: string,
): string {
  const [first] = call.args;
  const isText = first?.kind === "string" || first?.kind === "word";
  if (call.args.length !== 1 || !isText) {
    const at = call.args[1]?.at ?? first?.at ?? call.at;
    scanner.fail("bad-argument", `${what} in ${call.name}(...)`, at);
  }
  return first.value;
}

/** Every argument split on commas: `.by("a,b")` and `.by("a", "b")` agree. */
export function listArgument(scanner: Scanner, call: ChainCall): string[] {
  const items: string[] = [];
  for (const arg of call.args) {
    if (arg.kind !== "string" && arg.kind !== "word") {
      scanner.fail("bad-argument", `a quoted list in .${call.name}()`, arg.at);
    }
    const parts = arg.value.split(",").map((part) => part.trim());
    if (parts.includes("")) {
      scanner.fail(
        "bad-argument",
        `a non-empty item in .${call.name}()`,
        arg.at,
      );
    }
    for (const part of parts) items.push(part);
  }
  if (items.length === 0) {
    scanner.fail(
      "bad-argument",
      `at least one item in .${call.name}()`,
      call.at,
    );
  }
  return items;
}

/** `.last("5m")` or `.over("7d")` as a window of `kind`. */
export function windowArgument(
  scanner: Scanner,
  call: ChainCall,
  kind: Window["kind"],
): Window {
  const text = textArgument(scanner, call, 'a duration such as "5m"');
  const window = parseDuration(text, kind);
  if (!window) {
    scanner.fail(
      "bad-window",
      'a duration such as "5m" or "1h"',
      call.args[0]!.at,
    );
  }
  return window;
}

function readArgument(scanner: Scanner): ChainArgument {
  const value = readValue(scanner);
  if (value.kind !== "word" || !scanner.eat("=")) return value;
  return {
    kind: "named",
    name: value.value,
    value: readValue(scanner),
    at: value.at,
  };
}

function readValue(scanner: Scanner): ChainValue {
  scanner.skipSpace();
  const at = scanner.pos;
  const quote = scanner.peek();
  if (quote === '"' || quote === "'") {
    return { kind: "string", value: scanner.readQuoted(), at };
  }
  const code = scanner.text.charCodeAt(at);
  const number =
    isDigit(code) || quote === "-" ? scanner.readNumber() : undefined;
  if (number !== undefined) return { kind: "number", value: number, at };
  const word = scanner.readWhile(isBareChar);
  if (word === "") scanner.fail("unexpected-token", "an argument");
  return { kind: "word", value: word, at };
}

function isCallNameChar(code: number): boolean {
  return isWordChar(code) || code === 45;
}

/** Unquoted argument text: anything but spaces, quotes and `,()=`. */
function isBareChar(code: number): boolean {
  return !(
    isSpace(code) ||
    code === 44 ||
    code === 40 ||
    code === 41 ||
    code === 61 ||
    code === 34 ||
    code === 39
  );
}
