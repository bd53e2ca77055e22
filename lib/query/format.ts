import { formatNumber } from "../model/format-number.js";
import type {
  Argument,
  Expression,
  MetricMonitorQuery,
  Reducer,
  Scope,
  Series,
  Window,
} from "./ast.js";

/** Formats a metric monitor query tree as the string Datadog reads. */
export function formatQuery(query: MetricMonitorQuery): string {
  return (
    `${formatReducer(query.reducer)}:${formatExpression(query.expression)}` +
    ` ${query.comparator} ${formatNumber(query.threshold)}`
  );
}

/** `last_5m`, `current_1mo`. */
export function formatWindow(window: Window): string {
  return `${window.kind}_${window.amount}${window.unit}`;
}

export function formatReducer(reducer: Reducer): string {
  if (reducer.kind === "time") {
    return `${reducer.aggregator}(${formatWindow(reducer.window)})`;
  }
  return `${reducer.fn}(${formatReducer(reducer.inner)},${reducer.shift})`;
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

/** Formats an expression, adding parentheses only where precedence needs them. */
export function formatExpression(expression: Expression): string {
  switch (expression.kind) {
    case "series":
      return formatSeries(expression);
    case "number":
      return formatNumber(expression.value);
    case "call":
      return `${expression.name}(${expression.args.map(formatArgument).join(", ")})`;
    case "binary": {
      const own = PRECEDENCE[expression.op];
      const left = formatOperand(expression.left, (p) => p < own);
      const right = formatOperand(expression.right, (p) => p <= own);
      return `${left} ${expression.op} ${right}`;
    }
  }
}

function formatOperand(
  operand: Expression,
  needsParens: (precedence: number) => boolean,
): string {
  const text = formatExpression(operand);
  if (operand.kind !== "binary") return text;
  return needsParens(PRECEDENCE[operand.op]) ? `(${text})` : text;
}

/** A single-quoted string the parser reads back to `value`: backslashes and single quotes are escaped. */
function quoted(value: string): string {
  return `'${value.replace(/[\\']/g, "\\$&")}'`;
}

function formatArgument(argument: Argument): string {
  if (argument.kind === "string") return quoted(argument.value);
  if (argument.kind === "named") {
    return `${argument.name}=${formatArgument(argument.value)}`;
  }
  return formatExpression(argument);
}

/** `sum:metric{scope} by {a,b}.as_count()`. */
export function formatSeries(series: Series): string {
  const by = series.groupBy.length ? ` by {${series.groupBy.join(",")}}` : "";
  const modifiers = series.modifiers
    .map((m) => `.${m.name}(${m.args.map(formatModifierArg).join(", ")})`)
    .join("");
  return (
    `${series.space}:${series.metric}{${formatScope(series.scope)}}` +
    `${by}${modifiers}`
  );
}

function formatModifierArg(arg: string | number): string {
  return typeof arg === "number" ? formatNumber(arg) : arg;
}

/**
 * Formats a tag scope. An `and` of plain terms uses commas, the form
 * Datadog itself writes; anything nested uses `AND`/`OR` with parentheses
 * around every compound term, so the text never depends on precedence.
 */
export function formatScope(scope: Scope): string {
  switch (scope.kind) {
    case "all":
      return "*";
    case "tag": {
      const tag =
        scope.key === undefined ? scope.value : `${scope.key}:${scope.value}`;
      return scope.negated ? `!${tag}` : tag;
    }
    case "in":
      return `${scope.key} ${scope.negated ? "NOT IN" : "IN"} (${scope.values.join(",")})`;
    case "not":
      return `NOT ${formatScopeTerm(scope.term)}`;
    case "and":
      if (scope.terms.every(isPlainTerm)) {
        return scope.terms.map(formatScope).join(",");
      }
      return scope.terms.map(formatScopeTerm).join(" AND ");
    case "or":
      return scope.terms.map(formatScopeTerm).join(" OR ");
  }
}

function isPlainTerm(scope: Scope): boolean {
  return scope.kind === "tag" || scope.kind === "in";
}

function formatScopeTerm(scope: Scope): string {
  const text = formatScope(scope);
  return scope.kind === "and" || scope.kind === "or" ? `(${text})` : text;
}
