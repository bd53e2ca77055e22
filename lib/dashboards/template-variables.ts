import type { MetricDefinition } from "../catalog/metrics.js";
import type { Environment } from "../model/environment.js";
import type { Expression, Scope } from "../query/ast.js";
import { scope, series, type SeriesOptions } from "../query/builder.js";

/**
 * Dashboard template variables and the scopes that use them.
 *
 * A widget query writes a variable as a key-less tag, `{$env,$chain_id}`;
 * Datadog replaces it with `<prefix>:<selected value>`, or drops the
 * filter when `*` is selected.
 * https://docs.datadoghq.com/dashboards/template_variables/
 */
export interface TemplateVariable {
  /** Referenced as `$<name>` in queries. */
  readonly name: string;
  /** The tag key the selection filters on. */
  readonly prefix: string;
  /** Values offered in the dropdown; empty offers every tag value. */
  readonly availableValues: readonly string[];
  /** Selected when the dashboard opens; `*` selects all. */
  readonly defaults: readonly string[];
}

/** The variables every dashboard of this project has. */
export const VARIABLES = {
  env: scope.variable("env"),
  chainId: scope.variable("chain_id"),
  service: scope.variable("service"),
} as const;

/**
 * `env` (fixed to the dashboard's environment, which its title names),
 * `chain_id` (the environment's chains) and `service` (its ECS services,
 * which are also the `service` tag of the agent metrics).
 */
export function standardTemplateVariables(
  env: Environment,
): TemplateVariable[] {
  const services = [
    ...new Set(Object.values(env.services).map((s) => s.ecsService)),
  ].sort();
  return [
    {
      name: "env",
      prefix: "env",
      availableValues: [env.name],
      defaults: [env.name],
    },
    {
      name: "chain_id",
      prefix: "chain_id",
      availableValues: env.chains.map((c) => String(c.id)),
      defaults: ["*"],
    },
    {
      name: "service",
      prefix: "service",
      availableValues: services,
      defaults: ["*"],
    },
  ];
}

/** The `template_variables` JSON, fields in a fixed order. */
export function templateVariablesJson(variables: readonly TemplateVariable[]) {
  return variables.map((v) => ({
    name: v.name,
    prefix: v.prefix,
    available_values: [...v.availableValues],
    defaults: [...v.defaults],
  }));
}

/** Tag keys that are also template variables of the same name. */
const VARIABLE_TAGS = ["env", "service", "chain_id"] as const;

/**
 * The variables that narrow a series of `metric` filtered by `filter`:
 * each standard variable whose tag the metric carries and the filter
 * does not already fix. Only agent metrics get them: their tags come
 * from our services; CloudWatch metrics carry AWS resource tags we do not
 * control, so they filter on resource names instead.
 */
export function variableTerms(
  metric: MetricDefinition | undefined,
  filter: Scope,
): Scope[] {
  if (metric?.source !== "agent") return [];
  const fixed = scopeKeys(filter);
  return VARIABLE_TAGS.filter(
    (tag) => metric.tags.includes(tag) && !fixed.has(tag),
  ).map((tag) => scope.variable(tag));
}

/**
 * A series of a catalog metric narrowed by the variables that apply to
 * it (`variableTerms`) and by `filter`, if given.
 */
export function scopedSeries(
  metric: MetricDefinition,
  options: Omit<SeriesOptions, "filter"> & { filter?: Scope } = {},
) {
  const filter = options.filter ?? scope.all();
  const terms = [
    ...variableTerms(metric, filter),
    ...(filter.kind === "all" ? [] : [filter]),
  ];
  return series(metric, {
    ...options,
    filter: terms.length ? scope.and(...terms) : scope.all(),
  });
}

/** Tag keys a scope filters on, wherever they appear in it. */
export function scopeKeys(s: Scope): Set<string> {
  switch (s.kind) {
    case "tag":
    case "in":
      return new Set(s.key ? [s.key] : []);
    case "and":
    case "or":
      return new Set(s.terms.flatMap((t) => [...scopeKeys(t)]));
    case "not":
      return scopeKeys(s.term);
    case "all":
      return new Set();
  }
}

/** Names of the template variables an expression refers to. */
export function variablesIn(expression: Expression): string[] {
  const found = new Set<string>();
  const inScope = (s: Scope): void => {
    if (s.kind === "tag" && s.key === undefined && s.value.startsWith("$")) {
      found.add(s.value.slice(1).replace(/\.value$/, ""));
    } else if (s.kind === "and" || s.kind === "or") {
      s.terms.forEach(inScope);
    } else if (s.kind === "not") {
      inScope(s.term);
    }
  };
  const walk = (e: Expression): void => {
    if (e.kind === "series") inScope(e.scope);
    if (e.kind === "binary") [e.left, e.right].forEach(walk);
    if (e.kind === "call") {
      for (const a of e.args)
        if (a.kind !== "string" && a.kind !== "named") walk(a);
    }
  };
  walk(expression);
  return [...found].sort();
}
