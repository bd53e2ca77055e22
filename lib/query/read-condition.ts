import type { Comparator } from "./ast.js";
import { QuerySyntaxError } from "./parse-error.js";
import type { Scanner } from "./scanner.js";

/** The comparator and threshold that end most monitor queries. */
export interface Condition {
  readonly comparator: Comparator;
  readonly threshold: number;
}

/** Longest first, so `>=` wins over `>`. */
const OPERATORS = [">=", "<=", "==", "!=", "=>", "=<", ">", "<", "="] as const;
const COMPARATORS: readonly Comparator[] = [">", ">=", "<", "<=", "==", "!="];
const EXPECTED = "a comparator (>, >=, <, <=, ==, !=)";

/**
 * Reads `<comparator> <number>` at the cursor. Look-alikes that Datadog
 * rejects (`=`, `=>`, `=<`) fail with `unsupported-comparator`.
 */
export function readCondition(scanner: Scanner): Condition {
  scanner.skipSpace();
  const at = scanner.pos;
  const operator = OPERATORS.find((op) => scanner.text.startsWith(op, at));
  if (operator === undefined) scanner.fail("missing-comparator", EXPECTED);
  if (!isComparator(operator)) {
    throw new QuerySyntaxError(
      "unsupported-comparator",
      at,
      `expected ${EXPECTED}, got "${operator}"`,
    );
  }
  scanner.pos += operator.length;

  scanner.skipSpace();
  if (scanner.atEnd) scanner.fail("missing-threshold", "a numeric threshold");
  const valueAt = scanner.pos;
  const threshold = scanner.readNumber();
  if (threshold === undefined || !Number.isFinite(threshold)) {
    scanner.fail("bad-threshold", "a finite numeric threshold", valueAt);
  }
  return { comparator: operator, threshold };
}

function isComparator(text: string): text is Comparator {
  return (COMPARATORS as readonly string[]).includes(text);
}
