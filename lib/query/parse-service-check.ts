import type { ServiceCheckQuery } from "./other-ast.js";
import {
  indexCalls,
  listArgument,
  readMethodCalls,
  type ChainCall,
} from "./read-chain.js";
import type { Scanner } from "./scanner.js";

const METHODS = ["over", "exclude", "by", "last", "count_by_status"];

/**
 * Reads `"<check>".over(...).exclude(...).by(...).last(n).count_by_status()`.
 * `.last(n)` and `.count_by_status()` are required; the other calls are
 * optional and may come in any order.
 */
export function readServiceCheck(scanner: Scanner): ServiceCheckQuery {
  scanner.skipSpace();
  const quote = scanner.peek();
  if (quote !== '"' && quote !== "'") {
    scanner.fail(
      "unexpected-token",
      'a quoted check name such as "http.can_connect"',
    );
  }
  const checkAt = scanner.pos;
  const check = scanner.readQuoted();
  if (check.trim() === "") {
    scanner.fail("bad-argument", "a check name", checkAt);
  }

  const byName = indexCalls(scanner, readMethodCalls(scanner), METHODS);
  scanner.skipSpace();
  const last = byName.get("last");
  if (!last) scanner.fail("missing-method", "a .last(<count>) call");
  const countByStatus = byName.get("count_by_status");
  if (!countByStatus) {
    scanner.fail("missing-method", "a .count_by_status() call");
  }
  if (countByStatus.args.length > 0) {
    scanner.fail(
      "bad-argument",
      "no arguments in .count_by_status()",
      countByStatus.args[0]!.at,
    );
  }
  const lastCount = readCount(scanner, last);
  scanner.expectEnd();

  return {
    kind: "service-check",
    check,
    over: list(scanner, byName.get("over")),
    exclude: list(scanner, byName.get("exclude")),
    groupBy: list(scanner, byName.get("by")),
    lastCount,
  };
}

function list(scanner: Scanner, call: ChainCall | undefined): string[] {
  return call ? listArgument(scanner, call) : [];
}

/** The `n` of `.last(n)`: a positive whole number, quoted or not. */
function readCount(scanner: Scanner, call: ChainCall): number {
  const [arg] = call.args;
  const count = arg && arg.kind !== "named" ? Number(arg.value) : NaN;
  if (call.args.length !== 1 || !Number.isInteger(count) || count < 1) {
    const at = arg?.at ?? call.at;
    scanner.fail("bad-argument", "a positive whole count in .last(n)", at);
  }
  return count;
}
