import type { MetricDefinition } from "../catalog/metrics.js";
import type {
  Argument,
  Comparator,
  Expression,
  MetricMonitorQuery,
  Modifier,
  Scope,
  Series,
  TimeAggregator,
  Window,
} from "./ast.js";

/**
 * A typed builder for metric monitor queries. Factories use it instead of
 * string concatenation; `formatQuery` turns the result into text.
 */

/** Space aggregators; `pNN` only applies to distributions. */
export type SpaceAggregator = "avg" | "sum" | "min" | "max" | `p${number}`;

/** Tag filters as a record: `{ env: "prod", chain_id: 1 }`. */
export type TagFilter = Readonly<Record<string, string | number>>;

export const scope = {
  all: (): Scope => ({ kind: "all" }),
  /** @throws Error when the key or value is empty. */
  tag: (key: string, value: string | number): Scope => ({
    kind: "tag",
    key: tagKey(key),
    value: tagValue(key, value),
    negated: false,
  }),
  /** @throws Error when the key or value is empty. */
  notTag: (key: string, value: string | number): Scope => ({
    kind: "tag",
    key: tagKey(key),
    value: tagValue(key, value),
    negated: true,
  }),
  /** @throws Error when the list is empty: `key IN ()` matches nothing and Datadog rejects it. */
  in: (key: string, values: readonly (string | number)[]): Scope => {
    if (values.length === 0) {
      throw new Error(
        `expected at least one value for ${key} IN (...), got none`,
      );
    }
    return {
      kind: "in",
      key: tagKey(key),
      values: values.map((v) => tagValue(key, v)),
      negated: false,
    };
  },
  /**
   * A dashboard template variable, written `$chain_id`. Datadog expands it
   * to `<prefix>:<selected value>` (or to every series for `*`), so it is
   * a key-less tag term whose value is the variable.
   * https://docs.datadoghq.com/dashboards/template_variables/
   *
   * @throws Error when the name is not a template variable name.
   */
  variable: (name: string): Scope => {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new Error(
        `expected a template variable name (letters, digits, _ and -), got ${JSON.stringify(name)}`,
      );
    }
    return { kind: "tag", value: `$${name}`, negated: false };
  },
  and: (...terms: Scope[]): Scope => flatten("and", terms),
  or: (...terms: Scope[]): Scope => flatten("or", terms),
  not: (term: Scope): Scope => ({ kind: "not", term }),

  /** `{ env: "prod", service: "gateway" }` becomes `env:prod,service:gateway`. */
  fromTags(tags: TagFilter): Scope {
    const terms = Object.entries(tags).map(([k, v]) => scope.tag(k, v));
    return terms.length === 0 ? scope.all() : scope.and(...terms);
  },
};

function tagKey(key: string): string {
  if (key === "") throw new Error("expected a tag key, got an empty string");
  return key;
}

function tagValue(key: string, value: string | number): string {
  const text = String(value);
  if (text === "") {
    throw new Error(`expected a value for tag ${key}, got an empty string`);
  }
  return text;
}

/** @throws Error when there are no terms: an empty AND/OR has no query text. */
function flatten(kind: "and" | "or", terms: Scope[]): Scope {
  if (terms.length === 0) {
    throw new Error(`expected at least one term for scope.${kind}(), got none`);
  }
  const flat = terms.flatMap((t) => (t.kind === kind ? t.terms : [t]));
  if (flat.length === 1) return flat[0]!;
  return { kind, terms: flat };
}

export interface SeriesOptions {
  /** @default "avg" */
  readonly space?: SpaceAggregator;
  /** A tag scope or a record of tag filters. @default all series */
  readonly filter?: Scope | TagFilter;
  /** Tag keys to group by. @default not grouped */
  readonly by?: readonly string[];
}

/** A series with chainable modifiers; `.build()` returns the tree node. */
export class SeriesBuilder {
  private constructor(private readonly node: Series) {}

  static of(
    metric: MetricDefinition,
    options: SeriesOptions = {},
  ): SeriesBuilder {
    const filter = options.filter ?? scope.all();
    return new SeriesBuilder({
      kind: "series",
      space: options.space ?? "avg",
      metric: metric.name,
      scope: isScope(filter) ? filter : scope.fromTags(filter),
      groupBy: options.by ?? [],
      modifiers: [],
    });
  }

  /** Counts per interval instead of per-second rates. */
  asCount(): SeriesBuilder {
    return this.with({ name: "as_count", args: [] });
  }

  asRate(): SeriesBuilder {
    return this.with({ name: "as_rate", args: [] });
  }

  rollup(method: "sum" | "avg" | "min" | "max" | "count", seconds?: number) {
    return this.with({
      name: "rollup",
      args: seconds === undefined ? [method] : [method, seconds],
    });
  }

  fill(mode: "null" | "zero" | "linear" | "last", limitSeconds?: number) {
    return this.with({
      name: "fill",
      args: limitSeconds === undefined ? [mode] : [mode, limitSeconds],
    });
  }

  build(): Series {
    return this.node;
  }

  private with(modifier: Modifier): SeriesBuilder {
    return new SeriesBuilder({
      ...this.node,
      modifiers: [...this.node.modifiers, modifier],
    });
  }
}

function isScope(value: Scope | TagFilter): value is Scope {
  return (
    typeof (value as { kind?: unknown }).kind === "string" &&
    ["all", "tag", "in", "and", "or", "not"].includes(String(value.kind))
  );
}

/** Starts a series of a catalog metric. */
export const series = (metric: MetricDefinition, options?: SeriesOptions) =>
  SeriesBuilder.of(metric, options);

type Operand = Expression | SeriesBuilder | number;

const toExpression = (operand: Operand): Expression => {
  if (typeof operand === "number") return { kind: "number", value: operand };
  if (operand instanceof SeriesBuilder) return operand.build();
  return operand;
};

/** Arithmetic and functions over expressions. */
export const expr = {
  of: toExpression,
  add: (l: Operand, r: Operand): Expression => binary("+", l, r),
  sub: (l: Operand, r: Operand): Expression => binary("-", l, r),
  mul: (l: Operand, r: Operand): Expression => binary("*", l, r),
  div: (l: Operand, r: Operand): Expression => binary("/", l, r),
  call: (name: string, ...args: (Operand | Argument)[]): Expression => ({
    kind: "call",
    name,
    args: args.map((a) =>
      typeof a === "object" &&
      !(a instanceof SeriesBuilder) &&
      (a.kind === "string" || a.kind === "named")
        ? a
        : toExpression(a as Operand),
    ),
  }),
  /** Treats missing points as 0, e.g. a counter that stays silent when healthy. */
  defaultZero: (e: Operand): Expression => expr.call("default_zero", e),
  abs: (e: Operand): Expression => expr.call("abs", e),
};

function binary(op: "+" | "-" | "*" | "/", l: Operand, r: Operand): Expression {
  return { kind: "binary", op, left: toExpression(l), right: toExpression(r) };
}

/** A window of whole minutes, written in the largest exact unit. */
export function lastMinutes(minutes: number): Window {
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw new Error(
      `expected a positive whole number of minutes, got ${minutes}`,
    );
  }
  if (minutes % 1440 === 0)
    return { kind: "last", amount: minutes / 1440, unit: "d" };
  if (minutes % 60 === 0)
    return { kind: "last", amount: minutes / 60, unit: "h" };
  return { kind: "last", amount: minutes, unit: "m" };
}

/** The minutes a window covers; calendar windows use 30-day months. */
export function windowMinutes(window: Window): number {
  const perUnit = { m: 1, h: 60, d: 1440, w: 10080, mo: 43200 } as const;
  return window.amount * perUnit[window.unit];
}

export interface MonitorQueryOptions {
  readonly aggregator: TimeAggregator;
  readonly windowMinutes: number;
  readonly expression: Operand;
  readonly comparator: Comparator;
  /** The critical threshold; Datadog requires it in the query too. */
  readonly threshold: number;
}

/** Assembles a whole metric monitor query. */
export function monitorQuery(options: MonitorQueryOptions): MetricMonitorQuery {
  return {
    kind: "metric-monitor",
    reducer: {
      kind: "time",
      aggregator: options.aggregator,
      window: lastMinutes(options.windowMinutes),
    },
    expression: toExpression(options.expression),
    comparator: options.comparator,
    threshold: options.threshold,
  };
}
