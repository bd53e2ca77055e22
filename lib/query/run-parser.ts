import {
  parseError,
  QuerySyntaxError,
  type ParseOutcome,
} from "./parse-error.js";
import { precheck, type PrecheckOptions } from "./precheck.js";
import { Scanner } from "./scanner.js";

const PLAIN: PrecheckOptions = { startsWithString: false };

/**
 * Runs `read` over `text` after the shared checks (stray quotes, strings,
 * brackets) and turns the first syntax error into a `ParseError`.
 */
export function runParser<T>(
  text: string,
  read: (scanner: Scanner) => T,
  options: PrecheckOptions = PLAIN,
): ParseOutcome<T> {
  const errors = precheck(text, options);
  if (errors.length > 0) return { ok: false, errors };

  try {
    return { ok: true, tree: read(new Scanner(text)) };
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    const found = parseError(text, error.code, error.offset, error.message);
    return { ok: false, errors: [found] };
  }
}
