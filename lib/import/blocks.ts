import { quote } from "../model/diagnostic.js";
import { isObject } from "./options.js";
import type { Problems } from "./problems.js";

/**
 * The nested option objects, turned into the `datadog_monitor` blocks of
 * provider 3.82.0: `threshold_windows` → `monitor_threshold_windows`,
 * `scheduling_options`, and `variables` (formula monitors' named queries:
 * `event_query` and `cloud_cost_query`, the two kinds this provider
 * version has). A field the provider cannot set is an error, not a silent
 * loss. Blocks are written as JSON objects, which Terraform's JSON syntax
 * reads as one block each.
 * https://developer.hashicorp.com/terraform/language/syntax/json#nested-block-mapping
 */
export function convertBlocks(
  options: Readonly<Record<string, unknown>>,
  problems: Problems,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const windows = single(options["threshold_windows"]);
  if (isObject(windows)) {
    const picked = pick(windows, "options.threshold_windows", problems, {
      recovery_window: "string",
      trigger_window: "string",
    });
    if (Object.keys(picked).length) out["monitor_threshold_windows"] = picked;
  }

  const scheduling = schedulingOptions(options["scheduling_options"], problems);
  if (scheduling) out["scheduling_options"] = scheduling;

  const variables = options["variables"];
  if (Array.isArray(variables) && variables.length) {
    out["variables"] = convertVariables(variables, problems);
  }
  return out;
}

type FieldKind = "string" | "number" | "strings";

/** The listed fields of an object; any other non-null field is an error. */
function pick(
  value: Record<string, unknown>,
  path: string,
  problems: Problems,
  fields: Readonly<Record<string, FieldKind>>,
  ignore: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === null || field === undefined) continue;
    if (key in ignore && ignore[key] === field) continue;
    const kind = fields[key];
    if (!kind) {
      problems.error(
        `${path}.${key}`,
        `expected a field provider 3.82.0 can set (${Object.keys(fields).join(", ")}), got ${quote(field)}`,
      );
      continue;
    }
    const ok =
      kind === "strings"
        ? Array.isArray(field) && field.every((f) => typeof f === "string")
        : typeof field === kind;
    if (ok) out[key] = field;
    else
      problems.error(
        `${path}.${key}`,
        `expected a ${kind === "strings" ? "list of strings" : kind}, got ${quote(field)}`,
      );
  }
  return out;
}

/** Terraform-shaped exports wrap single blocks in one-element arrays. */
function single(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

function schedulingOptions(value: unknown, problems: Problems) {
  const path = "options.scheduling_options";
  const options = single(value);
  if (!isObject(options)) return undefined;
  const out: Record<string, unknown> = {};

  const window = single(options["evaluation_window"]);
  if (isObject(window)) {
    out["evaluation_window"] = pick(
      window,
      `${path}.evaluation_window`,
      problems,
      { day_starts: "string", hour_starts: "number", month_starts: "number" },
    );
  }
  const custom = single(options["custom_schedule"]);
  if (isObject(custom)) {
    const recurrences = custom["recurrences"] ?? custom["recurrence"];
    const list = Array.isArray(recurrences) ? recurrences : [recurrences];
    out["custom_schedule"] = {
      recurrence: list.filter(isObject).map((r, i) =>
        pick(r, `${path}.custom_schedule.recurrences[${i}]`, problems, {
          rrule: "string",
          timezone: "string",
          start: "string",
        }),
      ),
    };
  }
  for (const key of Object.keys(options)) {
    if (key !== "evaluation_window" && key !== "custom_schedule") {
      problems.error(
        `${path}.${key}`,
        "expected evaluation_window or custom_schedule, got an unknown field",
      );
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** Data sources of `event_query` in provider 3.82.0. */
const EVENT_SOURCES = new Set([
  "rum",
  "ci_pipelines",
  "ci_tests",
  "audit",
  "events",
  "logs",
  "spans",
  "database_queries",
  "network",
]);
const COST_SOURCES = new Set(["metrics", "cloud_cost", "datadog_usage"]);

function convertVariables(variables: unknown[], problems: Problems) {
  const events: unknown[] = [];
  const costs: unknown[] = [];
  variables.forEach((variable, i) => {
    const path = `options.variables[${i}]`;
    const source = isObject(variable) ? variable["data_source"] : undefined;
    if (!isObject(variable) || typeof source !== "string") {
      problems.error(
        `${path}.data_source`,
        `expected a data source provider 3.82.0 can express (${[...EVENT_SOURCES, ...COST_SOURCES].join(", ")}), got ${quote(source)}`,
      );
    } else if (EVENT_SOURCES.has(source)) {
      events.push(eventQuery(variable, path, problems));
    } else if (COST_SOURCES.has(source)) {
      costs.push(
        pick(variable, path, problems, {
          data_source: "string",
          name: "string",
          query: "string",
          aggregator: "string",
        }),
      );
    } else {
      problems.error(
        `${path}.data_source`,
        `expected a data source provider 3.82.0 can express (${[...EVENT_SOURCES, ...COST_SOURCES].join(", ")}), got ${quote(source)}`,
        "manage this monitor in the Datadog UI until the provider is upgraded",
      );
    }
  });
  return {
    ...(events.length ? { event_query: events } : {}),
    ...(costs.length ? { cloud_cost_query: costs } : {}),
  };
}

function eventQuery(
  variable: Record<string, unknown>,
  path: string,
  problems: Problems,
) {
  const { compute, group_by: groupBy, search, ...rest } = variable;
  // "hot" is the default storage tier; provider 3.82.0 has no field for it.
  const out = pick(
    rest,
    path,
    problems,
    { data_source: "string", name: "string", indexes: "strings" },
    { storage: "hot" },
  );
  const computes = (Array.isArray(compute) ? compute : [compute]).filter(
    isObject,
  );
  out["compute"] = computes.map((c, i) =>
    pick(c, `${path}.compute[${i}]`, problems, {
      aggregation: "string",
      interval: "number",
      metric: "string",
    }),
  );
  if (Array.isArray(groupBy) && groupBy.length) {
    out["group_by"] = groupBy.filter(isObject).map((g, i) => {
      const { sort, ...fields } = g;
      const picked = pick(fields, `${path}.group_by[${i}]`, problems, {
        facet: "string",
        limit: "number",
      });
      if (isObject(sort)) {
        picked["sort"] = pick(sort, `${path}.group_by[${i}].sort`, problems, {
          aggregation: "string",
          metric: "string",
          order: "string",
        });
      }
      return picked;
    });
  }
  if (isObject(search)) {
    out["search"] = pick(search, `${path}.search`, problems, {
      query: "string",
    });
  }
  return out;
}
