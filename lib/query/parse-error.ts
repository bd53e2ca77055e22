/**
 * Errors the query parsers report, and the result type they return.
 */

import { lineColumn } from "../model/line-column.js";

/** One problem found in a query string. */
export interface ParseError {
  /** Stable kebab-case id, e.g. `unbalanced-parens`, `bad-window`. */
  readonly code: string;
  /** 0-based index of the offending character in the query text. */
  readonly offset: number;
  /** 1-based line of `offset`. */
  readonly line: number;
  /** 1-based column of `offset`, in UTF-16 code units. */
  readonly column: number;
  /** `expected <what>, got <what>`: lowercase, no final period. */
  readonly message: string;
}

/** What a parser returns: the tree, or every error it found. */
export type ParseOutcome<T> =
  | { readonly ok: true; readonly tree: T }
  | { readonly ok: false; readonly errors: ParseError[] };

/**
 * Thrown inside the parsers at the first syntax error and turned into a
 * `ParseError` at the entry point; never escapes this folder's exports.
 */
export class QuerySyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly offset: number,
    message: string,
  ) {
    super(message);
    this.name = "QuerySyntaxError";
  }
}

/** Builds a `ParseError`, adding the line and column of `offset`. */
export function parseError(
  text: string,
  code: string,
  offset: number,
  message: string,
): ParseError {
  return { code, offset, ...lineColumn(text, offset), message };
}
