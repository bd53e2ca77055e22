import type { MetricMonitorQuery } from "./ast.js";
import type { OtherMonitorQuery } from "./other-ast.js";
import { parseError, type ParseError } from "./parse-error.js";
import { readComposite } from "./parse-composite.js";
import { readMetricQuery } from "./parse-metric.js";
import { readChainedQuery, type ChainHead } from "./parse-search.js";
import { readServiceCheck } from "./parse-service-check.js";
import { runParser } from "./run-parser.js";
import type { Scanner } from "./scanner.js";

export type { ParseError, ParseOutcome } from "./parse-error.js";
export { parseMetricQuery } from "./parse-metric.js";
export { parseExpression } from "./parse-expression.js";
export { parseScope } from "./parse-scope.js";

/** A parsed monitor query of any supported type. */
export type ParsedQuery = MetricMonitorQuery | OtherMonitorQuery;

/** The tree, or every error found (the first is the earliest in the text). */
export type ParseResult =
  { ok: true; tree: ParsedQuery } | { ok: false; errors: ParseError[] };

type Reader = (scanner: Scanner) => ParsedQuery;

const chained =
  (...heads: ChainHead[]): Reader =>
  (scanner) =>
    readChainedQuery(scanner, heads);

/** Metric types also take `formula("query1")...`, as the API returns it. */
const readMetricOrFormula: Reader = (scanner) =>
  /^\s*formula\s*\(/.test(scanner.text)
    ? readChainedQuery(scanner, ["formula"])
    : readMetricQuery(scanner);

/** Monitor types and how to read their queries. */
const READERS: Readonly<Record<string, Reader>> = {
  "metric alert": readMetricOrFormula,
  "query alert": readMetricOrFormula,
  "service check": readServiceCheck,
  composite: readComposite,
  "log alert": chained("logs", "formula"),
  "event alert": chained("events"),
  "event-v2 alert": chained("events", "formula"),
  "rum alert": chained("rum", "formula"),
  "process alert": chained("processes"),
  "audit alert": chained("audits", "formula"),
  "ci-pipelines alert": chained("ci-pipelines", "formula"),
  "ci-tests alert": chained("ci-tests", "formula"),
  "trace-analytics alert": chained("trace-analytics", "formula"),
  "database-monitoring alert": chained("database-monitoring", "formula"),
  "network-performance alert": chained("network-performance", "formula"),
  "cost alert": chained("formula"),
  "data-quality alert": chained("formula"),
  "data-jobs alert": chained("formula"),
  "slo alert": chained("error_budget", "burn_rate"),
};

/** Real Datadog types whose query grammar this parser does not model. */
const UNSUPPORTED = [
  "synthetics alert",
  "error-tracking alert",
  "network-path alert",
];

/** The monitor types `parseQuery` reads. */
export const SUPPORTED_MONITOR_TYPES: readonly string[] = Object.keys(READERS);

/**
 * Parses the `query` of a Datadog monitor of the given `type`
 * (`"query alert"`, `"log alert"`, ...). Metric types give the full tree of
 * `ast.ts`; other types give their checked outer structure (`other-ast.ts`).
 * Errors carry a stable code, the offset, line and column of the problem
 * and an `expected <what>, got <what>` message.
 */
export function parseQuery(type: string, text: string): ParseResult {
  const read = READERS[type];
  if (!read) return { ok: false, errors: [typeError(type)] };
  if (text.trim() === "") {
    const error = parseError(
      text,
      "empty-query",
      0,
      "expected a query, got nothing",
    );
    return { ok: false, errors: [error] };
  }

  const startsWithString = type === "service check";
  const result = runParser(text, read, { startsWithString });
  return result.ok
    ? { ok: true, tree: result.tree }
    : { ok: false, errors: result.errors };
}

function typeError(type: string): ParseError {
  const known = UNSUPPORTED.includes(type);
  const message = known
    ? `expected a monitor type whose query this parser reads, got "${type}"`
    : `expected a monitor type such as "query alert", ` +
      `got ${JSON.stringify(type)}`;
  const code = known ? "unsupported-monitor-type" : "unknown-monitor-type";
  return parseError("", code, 0, message);
}
