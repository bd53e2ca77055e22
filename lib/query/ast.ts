/**
 * The typed tree of a Datadog metric monitor query.
 *
 * The builder (`builder.ts`) produces it, the formatter (`format.ts`) turns it
 * into the query string Datadog reads, and the parser (`parse.ts`) reads a
 * string back into it. `parse(format(tree))` equals `tree` for every tree the
 * builder can make.
 *
 * Grammar reference: https://docs.datadoghq.com/monitors/types/metric/ and
 * https://docs.datadoghq.com/api/latest/monitors/#create-a-monitor (the
 * "query" field of a metric alert).
 */

/**
 * Comparators Datadog accepts between a metric query and its threshold.
 * `==` and `!=` exist for gauges with discrete values (a state, a count of
 * instances); the factories here use only the ordered four.
 */
export type Comparator = ">" | ">=" | "<" | "<=" | "==" | "!=";

/** A whole metric monitor query: `<reducer>:<expression> <comparator> <n>`. */
export interface MetricMonitorQuery {
  readonly kind: "metric-monitor";
  readonly reducer: Reducer;
  readonly expression: Expression;
  readonly comparator: Comparator;
  readonly threshold: number;
}

/**
 * The evaluation window, e.g. `last_5m`, `last_1h`, `current_1mo`, or
 * `next_1w` for forecast monitors, which look ahead.
 * Units: m (minutes), h, d, w, mo; `current_` windows are calendar aligned.
 */
export interface Window {
  readonly kind: "last" | "current" | "next";
  readonly amount: number;
  readonly unit: WindowUnit;
}

export type WindowUnit = "m" | "h" | "d" | "w" | "mo";

/** Time aggregations allowed before the window, e.g. `avg(last_5m)`. */
export type TimeAggregator =
  "avg" | "min" | "max" | "sum" | "last" | "percentile";

/**
 * How the series is reduced over time:
 * - `avg(last_5m)` is a plain reduction;
 * - `change(avg(last_5m),last_5m)` and `pct_change(avg(last_5m),5m_ago)`
 *   compare the reduction with an earlier one.
 */
export type Reducer = TimeReducer | ChangeReducer;

export interface TimeReducer {
  readonly kind: "time";
  readonly aggregator: TimeAggregator;
  readonly window: Window;
}

export interface ChangeReducer {
  readonly kind: "change";
  readonly fn: "change" | "pct_change";
  readonly inner: TimeReducer;
  /** The comparison point as written: `5m_ago`, `1h_ago` or `last_5m`. */
  readonly shift: string;
}

/** An expression between the reducer and the comparator. */
export type Expression = Series | Binary | NumberLiteral | FunctionCall;

/**
 * One metric series: `<space>:<metric>{<scope>} by {<tags>}<.modifiers>`.
 * `space` is the space aggregator: avg, sum, min, max, or a percentile such
 * as p50, p95, p99 for distributions.
 */
export interface Series {
  readonly kind: "series";
  readonly space: string;
  readonly metric: string;
  readonly scope: Scope;
  /** Group-by tag keys, in the order written. Empty means not grouped. */
  readonly groupBy: readonly string[];
  /** Dot-call modifiers in order: `.as_count()`, `.rollup(sum, 60)`. */
  readonly modifiers: readonly Modifier[];
}

/** A dot-call after a series, e.g. `.rollup(sum, 60)` or `.fill(zero)`. */
export interface Modifier {
  readonly name: string;
  readonly args: readonly (string | number)[];
}

export interface Binary {
  readonly kind: "binary";
  readonly op: "+" | "-" | "*" | "/";
  readonly left: Expression;
  readonly right: Expression;
}

export interface NumberLiteral {
  readonly kind: "number";
  readonly value: number;
}

/**
 * A function wrapping expressions, e.g. `abs(...)`, `default_zero(...)`,
 * `anomalies(<expr>, 'basic', 2, direction='above')`, `top(<expr>, 10, ...)`.
 */
export interface FunctionCall {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly Argument[];
}

export type Argument = Expression | StringArgument | NamedArgument;

/** A quoted argument such as `'basic'`. */
export interface StringArgument {
  readonly kind: "string";
  readonly value: string;
}

/** A keyword argument such as `direction='above'` or `interval=60`. */
export interface NamedArgument {
  readonly kind: "named";
  readonly name: string;
  readonly value: StringArgument | NumberLiteral;
}

/**
 * A tag scope inside `{...}`. A comma between terms means AND. Nested `and`
 * and `or` nodes are flattened, so `a,b AND c` is one `and` of three terms.
 */
export type Scope = AllScope | TagTerm | InTerm | AndScope | OrScope | NotScope;

/** `{*}`: every series of the metric. */
export interface AllScope {
  readonly kind: "all";
}

/**
 * `key:value`, a bare tag `value` (key undefined), or their negation with a
 * leading `!`. The value may contain `*` wildcards. A dashboard template
 * variable is a bare tag whose value starts with `$` (`$chain_id`).
 */
export interface TagTerm {
  readonly kind: "tag";
  readonly key?: string;
  readonly value: string;
  readonly negated: boolean;
}

/** `key IN (a,b)` or `key NOT IN (a,b)`. */
export interface InTerm {
  readonly kind: "in";
  readonly key: string;
  readonly values: readonly string[];
  readonly negated: boolean;
}

export interface AndScope {
  readonly kind: "and";
  readonly terms: readonly Scope[];
}

export interface OrScope {
  readonly kind: "or";
  readonly terms: readonly Scope[];
}

/** `NOT <term>` or `NOT (<scope>)`. */
export interface NotScope {
  readonly kind: "not";
  readonly term: Scope;
}
