import type {
  Argument,
  Binary,
  Expression,
  NamedArgument,
  Series,
} from "./ast.js";
import { QuerySyntaxError, type ParseOutcome } from "./parse-error.js";
import { readModifiers } from "./read-modifiers.js";
import { readScope } from "./parse-scope.js";
import { runParser } from "./run-parser.js";
import {
  isDigit,
  isLetter,
  isSpace,
  isWordChar,
  type Scanner,
} from "./scanner.js";

/**
 * The expression between a metric monitor's reducer and its comparator:
 * series, numbers, function calls and `+ - * /` with the usual precedence,
 * left associative. Unary minus applies to numbers only.
 */

const OPERAND = 'a series, a number, a function call or "("';
const SPACE_AGGREGATORS = new Set(["avg", "sum", "min", "max", "count"]);

/**
 * Datadog's space aggregation when a series names none, e.g.
 * `zookeeper.avg_latency{*}`; the tree has no "none", so it holds this.
 */
const DEFAULT_SPACE = "avg";

/** Parses an expression alone, e.g. `sum:a{*}.as_count() / 60`. */
export function parseExpression(text: string): ParseOutcome<Expression> {
  return runParser(text, (scanner) => {
    const expression = readExpression(scanner);
    scanner.expectEnd();
    return expression;
  });
}

/**
 * Reads an expression at the cursor and stops before the first character
 * that cannot continue it. `inCall` is true inside function arguments,
 * where a bare word is an unquoted string rather than a typo.
 */
export function readExpression(scanner: Scanner, inCall = false): Expression {
  let left = readTerm(scanner, inCall);
  for (;;) {
    const op = nextOperator(scanner, "+", "-");
    if (op === undefined) return left;
    left = { kind: "binary", op, left, right: readTerm(scanner, inCall) };
  }
}

function readTerm(scanner: Scanner, inCall: boolean): Expression {
  let left = readUnary(scanner, inCall);
  for (;;) {
    const op = nextOperator(scanner, "*", "/");
    if (op === undefined) return left;
    left = { kind: "binary", op, left, right: readUnary(scanner, inCall) };
  }
}

function nextOperator(
  scanner: Scanner,
  ...ops: Binary["op"][]
): Binary["op"] | undefined {
  scanner.skipSpace();
  const op = ops.find((o) => o === scanner.peek());
  if (op !== undefined) scanner.pos++;
  return op;
}

function readUnary(scanner: Scanner, inCall: boolean): Expression {
  scanner.skipSpace();
  if (scanner.peek() !== "-") return readPrimary(scanner, inCall);

  scanner.pos++;
  scanner.skipSpace();
  const isNumber = isDigit(scanner.text.charCodeAt(scanner.pos));
  const value = isNumber ? scanner.readNumber() : undefined;
  if (value === undefined) {
    scanner.fail("unexpected-token", 'a number after "-"');
  }
  return { kind: "number", value: value === 0 ? 0 : -value };
}

function readPrimary(scanner: Scanner, inCall: boolean): Expression {
  scanner.skipSpace();
  const start = scanner.pos;
  const code = scanner.text.charCodeAt(start);
  if (isDigit(code)) {
    const value = scanner.readNumber();
    if (value === undefined) scanner.fail("unexpected-token", OPERAND);
    return { kind: "number", value };
  }
  if (code === 40) {
    scanner.pos++;
    const inner = readExpression(scanner, inCall);
    scanner.expect(")", '")"');
    return inner;
  }
  if (!isLetter(code)) return scanner.fail("unexpected-token", OPERAND);

  const word = scanner.readWhile(isNameChar);
  scanner.skipSpace();
  const next = scanner.peek();
  if (next === "(") return readCall(scanner, word, start);
  if (next === ":") return readSeries(scanner, word, start);
  if (next === "{") return readSeriesBody(scanner, DEFAULT_SPACE, word);
  if (word.includes(".")) {
    scanner.fail("missing-scope", '"{" after the metric name');
  }
  if (inCall) {
    scanner.fail(
      "unquoted-argument",
      `a quoted argument such as '${word}'`,
      start,
    );
  }
  return scanner.fail("unexpected-token", OPERAND, start);
}

function readCall(scanner: Scanner, name: string, start: number): Expression {
  if (name.includes(".")) {
    scanner.fail("unexpected-token", "a function name", start);
  }
  scanner.pos++;
  const args: Argument[] = [];
  if (scanner.eat(")")) return { kind: "call", name, args };
  for (;;) {
    args.push(readArgument(scanner));
    if (scanner.eat(")")) return { kind: "call", name, args };
    scanner.expect(",", '"," or ")" between arguments');
  }
}

function readArgument(scanner: Scanner): Argument {
  scanner.skipSpace();
  const quote = scanner.peek();
  if (quote === "'" || quote === '"') {
    return { kind: "string", value: scanner.readQuoted() };
  }
  return readNamedArgument(scanner) ?? readExpression(scanner, true);
}

/** `name='value'` or `name=60`; moves nothing when the next is not one. */
function readNamedArgument(scanner: Scanner): NamedArgument | undefined {
  const save = scanner.pos;
  const name = scanner.readWhile(isWordChar);
  scanner.skipSpace();
  const isNamed =
    isLetter(name.charCodeAt(0)) &&
    scanner.peek() === "=" &&
    scanner.peek(1) !== "=";
  if (!isNamed) {
    scanner.pos = save;
    return undefined;
  }

  scanner.pos++;
  scanner.skipSpace();
  const valueAt = scanner.pos;
  const quote = scanner.peek();
  if (quote === "'" || quote === '"') {
    const value = scanner.readQuoted();
    return { kind: "named", name, value: { kind: "string", value } };
  }
  const number = scanner.readNumber();
  if (number !== undefined) {
    return { kind: "named", name, value: { kind: "number", value: number } };
  }
  const word = scanner.readWhile(isWordChar) || "...";
  return scanner.fail(
    "unquoted-argument",
    `a quoted value or a number such as '${word}'`,
    valueAt,
  );
}

/** `<space>:<metric>{...}` after the space aggregator and its colon. */
function readSeries(scanner: Scanner, space: string, start: number): Series {
  if (!isSpaceAggregator(space)) {
    throw new QuerySyntaxError(
      "unknown-space-aggregator",
      start,
      `expected a space aggregator (avg, sum, min, max, count or pNN), ` +
        `got "${space}"`,
    );
  }
  scanner.pos++;
  scanner.skipSpace();
  const metricAt = scanner.pos;
  const metric = scanner.readWhile(isNameChar);
  const glued = scanner.text.charCodeAt(scanner.pos);
  const badTail = !Number.isNaN(glued) && isGluedToName(glued);
  if (!isLetter(metric.charCodeAt(0)) || badTail) {
    scanner.fail(
      "bad-metric-name",
      'a metric name (a letter, then letters, digits, "_" or ".")',
      metricAt,
    );
  }
  return readSeriesBody(scanner, space, metric);
}

function readSeriesBody(
  scanner: Scanner,
  space: string,
  metric: string,
): Series {
  scanner.skipSpace();
  if (scanner.peek() !== "{") {
    scanner.fail("missing-scope", '"{" after the metric name');
  }
  scanner.pos++;
  const scope = readScope(scanner);
  const { groupBy, modifiers } = readModifiers(scanner);
  return { kind: "series", space, metric, scope, groupBy, modifiers };
}

/** avg, sum, min, max, count, or a percentile such as p95 or p99.9. */
function isSpaceAggregator(space: string): boolean {
  return SPACE_AGGREGATORS.has(space) || /^p\d+(\.\d+)?$/.test(space);
}

/** Letters, digits, `_` and `.`: metric, function and aggregator names. */
function isNameChar(code: number): boolean {
  return isWordChar(code) || code === 46;
}

/** True when `code` cannot follow a metric name: `-`, `/`, `@`... */
function isGluedToName(code: number): boolean {
  return !isSpace(code) && !"{}(),<>=!+*".includes(String.fromCharCode(code));
}
