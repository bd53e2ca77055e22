import type {
  Comparator,
  Expression,
  MetricMonitorQuery,
  Scope,
  Window,
} from "../query/ast.js";
import { windowMinutes } from "../query/builder.js";
import {
  parseQuery,
  SUPPORTED_MONITOR_TYPES,
  type ParseError,
} from "../query/parse.js";
import type { MonitorSpec } from "../model/monitor.js";

/**
 * What the checks need to know about a monitor's query, read from either
 * the typed tree a factory built or the parser's tree of a raw query.
 * Checks ask this module instead of walking trees themselves, so typed and
 * raw specs are checked alike.
 */
export interface QueryFacts {
  readonly comparator: Comparator;
  /** The number after the comparator. */
  readonly threshold: number;
  /** The evaluation window, e.g. `last_5m`. */
  readonly window: Window;
  /** The evaluation window in minutes (months count 30 days). */
  readonly windowMinutes: number;
  /** The comparison point of `change`/`pct_change`, e.g. `5m_ago`. */
  readonly shift?: string;
  /** Group-by tag keys of every series, first appearance first. */
  readonly groupBy: readonly string[];
  /** Tag keys the scopes filter on (`key:value`, `key IN (...)`). */
  readonly filterKeys: readonly string[];
  /** Metric names of every series. */
  readonly metrics: readonly string[];
  /** Whether `default_zero(...)` wraps any part of the expression. */
  readonly usesDefaultZero: boolean;
}

/** One error from the query parser, with its position in the text. */
export type QueryParseError = ParseError;

/**
 * What a query parser returns, as `parseQuery` does; the tree is read
 * only as far as the checks need, so tests can pass stand-ins.
 */
export type QueryParseOutcome =
  | { readonly ok: true; readonly tree: unknown }
  | { readonly ok: false; readonly errors: readonly QueryParseError[] };

/** The parser's signature: monitor type and query text in, tree out. */
export type QueryParser = (type: string, text: string) => QueryParseOutcome;

/**
 * The result of reading a spec's query:
 * - `facts`: a metric query whose facts are known;
 * - `invalid`: a raw query the parser rejected;
 * - `opaque`: nothing is known (no parser yet, or a monitor type whose
 *   tree has no metric facts); checks that need facts skip it.
 */
export type QueryAnalysis =
  | { readonly kind: "facts"; readonly facts: QueryFacts }
  | { readonly kind: "invalid"; readonly errors: readonly QueryParseError[] }
  | { readonly kind: "opaque"; readonly reason: string };

interface Reader {
  readonly parse: QueryParser;
  /** Types the parser reads; other raw queries stay opaque. */
  readonly types: ReadonlySet<string>;
}

let reader: Reader | undefined = {
  parse: parseQuery,
  types: new Set(SUPPORTED_MONITOR_TYPES),
};

/**
 * Sets the parser raw queries are read with (by default `parseQuery`)
 * and the monitor types it reads; `undefined` leaves raw queries opaque.
 * Returns the previous setting, so tests can restore it.
 */
export function useQueryParser(
  parse: QueryParser | undefined,
  types: Iterable<string> = SUPPORTED_MONITOR_TYPES,
): { parse: QueryParser; types: Iterable<string> } | undefined {
  const previous = reader;
  reader = parse ? { parse, types: new Set(types) } : undefined;
  cache = new WeakMap();
  return previous;
}

let cache = new WeakMap<MonitorSpec, QueryAnalysis>();

/** Reads a spec's query once; later calls for the same spec are cached. */
export function analyzeQuery(spec: MonitorSpec): QueryAnalysis {
  let analysis = cache.get(spec);
  if (!analysis) {
    analysis = analyze(spec);
    cache.set(spec, analysis);
  }
  return analysis;
}

/** The query's facts, or `undefined` when they are not known. */
export function queryFacts(spec: MonitorSpec): QueryFacts | undefined {
  const analysis = analyzeQuery(spec);
  return analysis.kind === "facts" ? analysis.facts : undefined;
}

function analyze(spec: MonitorSpec): QueryAnalysis {
  if (spec.query.kind === "metric-monitor") {
    return { kind: "facts", facts: factsOf(spec.query) };
  }
  if (!reader) return { kind: "opaque", reason: "no query parser" };
  if (!reader.types.has(spec.type)) {
    return { kind: "opaque", reason: `no parser for "${spec.type}"` };
  }

  const outcome = reader.parse(spec.type, spec.query.text);
  if (!outcome.ok) return { kind: "invalid", errors: outcome.errors };
  if (isMetricTree(outcome.tree)) {
    return { kind: "facts", facts: factsOf(outcome.tree) };
  }
  return { kind: "opaque", reason: `no facts for a "${spec.type}" tree` };
}

function isMetricTree(tree: unknown): tree is MetricMonitorQuery {
  return (tree as { kind?: unknown } | null)?.kind === "metric-monitor";
}

/** Collects the facts of a metric monitor tree in one walk. */
export function factsOf(query: MetricMonitorQuery): QueryFacts {
  const acc: Walk = {
    groupBy: new Set(),
    filterKeys: new Set(),
    metrics: new Set(),
    usesDefaultZero: false,
  };
  walkExpression(query.expression, acc);

  const reducer = query.reducer;
  const time = reducer.kind === "time" ? reducer : reducer.inner;
  return {
    comparator: query.comparator,
    threshold: query.threshold,
    window: time.window,
    windowMinutes: windowMinutes(time.window),
    ...(reducer.kind === "change" ? { shift: reducer.shift } : {}),
    groupBy: [...acc.groupBy],
    filterKeys: [...acc.filterKeys],
    metrics: [...acc.metrics],
    usesDefaultZero: acc.usesDefaultZero,
  };
}

interface Walk {
  readonly groupBy: Set<string>;
  readonly filterKeys: Set<string>;
  readonly metrics: Set<string>;
  usesDefaultZero: boolean;
}

function walkExpression(expression: Expression, acc: Walk): void {
  switch (expression.kind) {
    case "series":
      acc.metrics.add(expression.metric);
      for (const key of expression.groupBy) acc.groupBy.add(key);
      walkScope(expression.scope, acc);
      return;
    case "binary":
      walkExpression(expression.left, acc);
      walkExpression(expression.right, acc);
      return;
    case "call":
      if (expression.name === "default_zero") acc.usesDefaultZero = true;
      for (const arg of expression.args) {
        if (arg.kind !== "string" && arg.kind !== "named") {
          walkExpression(arg, acc);
        }
      }
      return;
    case "number":
      return;
    default:
      return unreachable(expression);
  }
}

function walkScope(scope: Scope, acc: Walk): void {
  switch (scope.kind) {
    case "tag":
      if (scope.key !== undefined) acc.filterKeys.add(scope.key);
      return;
    case "in":
      acc.filterKeys.add(scope.key);
      return;
    case "and":
    case "or":
      for (const term of scope.terms) walkScope(term, acc);
      return;
    case "not":
      walkScope(scope.term, acc);
      return;
    case "all":
      return;
    default:
      return unreachable(scope);
  }
}

/** Makes the type checker name any node kind the walks do not handle. */
function unreachable(node: never): never {
  throw new Error(`unhandled query node ${JSON.stringify(node)}`);
}
