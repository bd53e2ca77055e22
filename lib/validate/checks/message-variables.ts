import type { MonitorSpec } from "../../model/monitor.js";
import type { Finding, MonitorCheck } from "../check.js";
import {
  describePosition,
  parseTemplate,
  type TemplateTag,
} from "../message-template.js";
import { queryFacts } from "../query-facts.js";
import { MATCHERS } from "./message-blocks.js";

/**
 * Template variables Datadog fills for any monitor, and helpers that take
 * arguments. https://docs.datadoghq.com/monitors/notify/variables/
 */
export const BUILTIN_VARIABLES: ReadonlySet<string> = new Set([
  "check_message",
  "comparator",
  "first_triggered_at",
  "first_triggered_at_epoch",
  "last_triggered_at",
  "last_triggered_at_epoch",
  "ok_threshold",
  "threshold",
  "triggered_duration_sec",
  "value",
  "warn_threshold",
]);
const HELPERS: ReadonlySet<string> = new Set([
  "eval",
  "local_time",
  "override_priority",
]);

const WHITESPACE = /\s/;

/** Fields that Datadog renders as templates. */
const FIELDS = ["name", "message"] as const;

/**
 * Every variable in the name and message is one Datadog fills: a built-in
 * such as `{{value}}`, or, on a metric monitor, a tag variable
 * (`{{chain_id.name}}`, `{{[dot.key].name}}`) whose key the query groups
 * by or filters on. Anything else renders as an empty string. A query
 * grouped by `host` also makes every host tag available.
 */
export const messageVariables: MonitorCheck = {
  id: "message-variables",
  description:
    "every `{{tag.name}}` variable in the name and message is a tag the query groups by or filters on; other variables are Datadog built-ins",
  run: ({ spec }) => {
    const keys = tagKeys(spec);
    const out: Finding[] = [];
    for (const field of FIELDS) {
      const text = spec[field];
      for (const tag of parseTemplate(text).tags) {
        const problem = variableProblem(tag, keys);
        if (!problem) continue;
        out.push({
          path: field,
          message: `${problem.message} at ${describePosition(text, tag.offset)}`,
          hint: problem.hint,
        });
      }
    }
    return out;
  },
};

/** Tag keys a variable may name; `undefined` when the query is opaque. */
function tagKeys(spec: MonitorSpec): ReadonlySet<string> | undefined {
  const facts = queryFacts(spec);
  if (!facts) return undefined;
  return new Set([...facts.groupBy, ...facts.filterKeys]);
}

interface Problem {
  readonly message: string;
  readonly hint: string;
}

function variableProblem(
  tag: TemplateTag,
  keys: ReadonlySet<string> | undefined,
): Problem | undefined {
  if (tag.kind === "open") {
    if (!MATCHERS.has(tag.name)) return undefined;
    const first = firstQuoted(tag.args);
    return first === undefined
      ? undefined
      : tagKeyProblem(first, keys, `"${first}"`);
  }
  if (tag.kind !== "variable") return undefined;

  const expression = tag.expression;
  const shown = `{{${expression}}}`;
  const space = expression.search(WHITESPACE);
  if (space !== -1) {
    const helper = expression.slice(0, space);
    return HELPERS.has(helper)
      ? undefined
      : {
          message: `expected a helper such as eval or local_time, got ${shown}`,
          hint: "an unknown helper renders as an empty string",
        };
  }
  if (expression.includes(".") || expression.startsWith("[")) {
    return tagKeyProblem(expression, keys, shown);
  }
  if (BUILTIN_VARIABLES.has(expression)) return undefined;
  if (keys?.has(expression)) {
    return {
      message: `expected {{${expression}.name}} for the tag's value, got ${shown}`,
      hint: "a tag variable reads <key>.name",
    };
  }
  return {
    message: `expected a Datadog variable such as {{value}} or {{threshold}}, got ${shown}`,
    hint: "an unknown variable renders as an empty string",
  };
}

/** Checks the key of `key.name` or `[dot.key].name`. */
function tagKeyProblem(
  path: string,
  keys: ReadonlySet<string> | undefined,
  shown: string,
): Problem | undefined {
  if (!keys || keys.has("host")) return undefined;
  const key = path.startsWith("[")
    ? path.slice(1, path.indexOf("]"))
    : path.slice(0, path.indexOf("."));
  if (keys.has(key)) return undefined;

  const known = keys.size ? [...keys].join(", ") : "none";
  const dotted = [...keys].find((k) => k.startsWith(`${key}.`));
  return {
    message: `expected a tag the query groups by or filters on (${known}), got ${shown}`,
    hint: dotted
      ? `a key with dots goes in brackets: {{[${dotted}].name}}`
      : `add ${key} to the query's by {...} or drop the variable; it renders empty`,
  };
}

function firstQuoted(args: string): string | undefined {
  const quote = args[0];
  if (quote !== '"' && quote !== "'") return undefined;
  const end = args.indexOf(quote, 1);
  return end === -1 ? undefined : args.slice(1, end);
}
