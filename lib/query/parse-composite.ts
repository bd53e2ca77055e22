import type {
  CompositeExpression,
  CompositeMonitorQuery,
} from "./other-ast.js";
import { isDigit, isWordChar, type Scanner } from "./scanner.js";

const OPERAND = 'a monitor id (a whole number), "!" or "("';

/**
 * Reads a composite monitor query: monitor ids joined by `&&`, `||` and
 * `!`, with parentheses.
 */
export function readComposite(scanner: Scanner): CompositeMonitorQuery {
  const expression = readOr(scanner);
  scanner.skipSpace();
  if (!scanner.atEnd) {
    scanner.fail("trailing-input", '"&&", "||" or end of query');
  }
  return { kind: "composite", expression };
}

function readOr(scanner: Scanner): CompositeExpression {
  const terms = [readAnd(scanner)];
  while (scanner.eat("||")) terms.push(readAnd(scanner));
  return combine("or", terms);
}

function readAnd(scanner: Scanner): CompositeExpression {
  const terms = [readNot(scanner)];
  while (scanner.eat("&&")) terms.push(readNot(scanner));
  return combine("and", terms);
}

function readNot(scanner: Scanner): CompositeExpression {
  let count = 0;
  while (scanner.eat("!")) count++;
  let term = readOperand(scanner);
  for (; count > 0; count--) term = { kind: "not", term };
  return term;
}

function readOperand(scanner: Scanner): CompositeExpression {
  if (scanner.eat("(")) {
    const inner = readOr(scanner);
    scanner.expect(")", '")"');
    return inner;
  }

  const at = scanner.pos;
  const word = scanner.readWhile((code) => isWordChar(code) || code === 46);
  const isId = word !== "" && [...word].every((c) => isDigit(c.charCodeAt(0)));
  const id = Number(word);
  if (!isId || !Number.isSafeInteger(id)) {
    scanner.fail("bad-composite-operand", OPERAND, at);
  }
  return { kind: "monitor", id };
}

/** Joins terms, flattening nested terms of the same kind. */
function combine(
  kind: "and" | "or",
  terms: CompositeExpression[],
): CompositeExpression {
  const flat = terms.flatMap((t) => (t.kind === kind ? t.terms : [t]));
  return flat.length === 1 ? flat[0]! : { kind, terms: flat };
}
