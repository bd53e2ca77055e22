/**
 * The outer structure of monitor queries that are not metric queries: what
 * the parser checks for log, event, RUM, process, SLO, service check and
 * composite monitors. Inner search strings and formulas stay text.
 *
 * Grammar reference: the "Query Types" section of
 * https://docs.datadoghq.com/api/latest/monitors/#create-a-monitor
 */
import type { Comparator, Window } from "./ast.js";

/** Any non-metric monitor query the parser understands. */
export type OtherMonitorQuery =
  | SearchMonitorQuery
  | FormulaMonitorQuery
  | SloMonitorQuery
  | ServiceCheckQuery
  | CompositeMonitorQuery;

/** The product a search query reads, i.e. the function that opens it. */
export type SearchSource =
  | "logs"
  | "events"
  | "rum"
  | "processes"
  | "audits"
  | "ci-pipelines"
  | "ci-tests"
  | "trace-analytics"
  | "database-monitoring"
  | "network-performance";

/** `.rollup("avg", "@duration")`: a method and, for most methods, a measure. */
export interface Rollup {
  readonly method: string;
  readonly measure?: string;
}

/**
 * `logs("service:web").index("main").rollup("count").by("host").last("5m")
 * > 10` and the same shape for events, RUM, processes, audits, CI and APM.
 */
export interface SearchMonitorQuery {
  readonly kind: "search";
  readonly source: SearchSource;
  /** The search string, unescaped, e.g. `service:web status:error`. */
  readonly search: string;
  /** Log indexes from `.index("a,b")`; empty when not given. */
  readonly indexes: readonly string[];
  /** Tags from `.over(...)` (process monitors); empty when not given. */
  readonly over: readonly string[];
  readonly rollup?: Rollup;
  /** Facets or tags from `.by("a,b")`; empty when not grouped. */
  readonly groupBy: readonly string[];
  /** `.last("5m")` is a `last` window, `.current("1h")` a `current` one. */
  readonly window: Window;
  readonly comparator: Comparator;
  readonly threshold: number;
}

/**
 * `formula("query1 / query2 * 100").last("15m") > 0.8`: a formula over
 * named queries kept outside the query string.
 */
export interface FormulaMonitorQuery {
  readonly kind: "formula";
  /** The formula text, unescaped, e.g. `query1 / query2 * 100`. */
  readonly formula: string;
  readonly rollup?: Rollup;
  readonly groupBy: readonly string[];
  readonly window: Window;
  /** Options of `.anomaly(direction="both")` (cost monitors), as written. */
  readonly anomaly?: Readonly<Record<string, string | number>>;
  readonly comparator: Comparator;
  readonly threshold: number;
}

/**
 * `error_budget("<slo id>").over("7d") > 50` or
 * `burn_rate("<slo id>").over("7d").long_window("1h").short_window("5m") > 14`.
 */
export interface SloMonitorQuery {
  readonly kind: "slo";
  readonly measure: "error_budget" | "burn_rate";
  readonly sloId: string;
  /** The SLO time window from `.over("7d")`, as a `last` window. */
  readonly window: Window;
  readonly longWindow?: Window;
  readonly shortWindow?: Window;
  readonly comparator: Comparator;
  readonly threshold: number;
}

/**
 * `"http.can_connect".over("env:prod").exclude("host:a").by("host")
 * .last(3).count_by_status()`. Its thresholds live in the monitor options,
 * so the query has no comparator.
 */
export interface ServiceCheckQuery {
  readonly kind: "service-check";
  readonly check: string;
  /** Tags from `.over(...)`; `["*"]` when written so, empty when absent. */
  readonly over: readonly string[];
  readonly exclude: readonly string[];
  readonly groupBy: readonly string[];
  /** How many consecutive runs `.last(n)` looks at. */
  readonly lastCount: number;
}

/** `123 && !(456 || 789)`: monitors combined by id. */
export interface CompositeMonitorQuery {
  readonly kind: "composite";
  readonly expression: CompositeExpression;
}

/**
 * `!` binds tighter than `&&`, which binds tighter than `||`. Nested `and`
 * and `or` of the same kind are flattened, as in tag scopes.
 */
export type CompositeExpression =
  | { readonly kind: "monitor"; readonly id: number }
  | { readonly kind: "not"; readonly term: CompositeExpression }
  | {
      readonly kind: "and" | "or";
      readonly terms: readonly CompositeExpression[];
    };
