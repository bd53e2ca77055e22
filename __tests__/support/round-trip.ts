/**
 * Compares a synthesized `datadog_monitor` with the Datadog monitor JSON it
 * was imported from, the way Datadog would see the monitor after apply:
 * an argument left out of the resource counts as what the provider sends
 * (or leaves unset) for it. This states those defaults on its own, from
 * the provider docs, rather than reusing the importer's tables, so the
 * round trip tests the importer instead of repeating it.
 * https://registry.terraform.io/providers/DataDog/datadog/3.82.0/docs/resources/monitor
 */

type Json = Record<string, unknown>;

/** What an omitted argument amounts to after apply. */
const AFTER_APPLY: Readonly<Record<string, unknown>> = {
  include_tags: true,
  notify_audit: false,
  require_full_window: true,
  new_group_delay: 0,
  new_host_delay: 300,
  evaluation_delay: 0,
  renotify_interval: 0,
  renotify_occurrences: 0,
  renotify_statuses: [],
  timeout_h: 0,
  escalation_message: "",
  enable_logs_sample: false,
  enable_samples: false,
  groupby_simple_monitor: false,
  group_retention_duration: "",
  notification_preset_name: "show_all",
  notify_by: [],
  locked: false,
  notify_no_data: false,
};

/** Options with no Terraform argument that leave nothing to compare. */
const NOTHING_TO_SET: Readonly<Record<string, (v: unknown) => boolean>> = {
  silenced: (v) => v === null || Object.keys(v as Json).length === 0,
  restriction_query: (v) => v === null,
};

const THRESHOLD_DISPLAY = new Set(["period", "comparison", "timeAggregator"]);

const unescape = (s: string) => s.replace(/([$%])\1\{/g, "$1{");
const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const num = (v: unknown) => (v === null || v === undefined ? v : Number(v));
/** JSON with object keys sorted, so key order does not count. */
const canon = (v: unknown): string =>
  JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : value,
  );
const same = (a: unknown, b: unknown) => canon(a) === canon(b);

/** Every difference between the input monitor and the resource. */
export function roundTripDifferences(input: Json, resource: Json): string[] {
  const out: string[] = [];
  const options = (input["options"] ?? {}) as Json;

  if (
    squash(String(input["query"])) !==
    squash(unescape(String(resource["query"])))
  ) {
    out.push(`query: ${String(resource["query"])}`);
  }
  if (input["type"] !== resource["type"]) out.push("type");
  const tags = [...((input["tags"] as string[]) ?? [])].sort();
  if (!same(tags, resource["tags"] ?? [])) out.push("tags");
  if (
    (input["message"] ?? "") !== unescape(String(resource["message"] ?? ""))
  ) {
    out.push("message");
  }
  out.push(...thresholdDifferences(options, resource));

  for (const [key, value] of Object.entries(options)) {
    if (key === "thresholds") continue;
    const problem = optionDifference(key, value, options, input, resource);
    if (problem) out.push(problem);
  }
  return out;
}

function thresholdDifferences(options: Json, resource: Json): string[] {
  const given = Object.entries((options["thresholds"] ?? {}) as Json).filter(
    ([k, v]) => v !== null && !THRESHOLD_DISPLAY.has(k),
  );
  const written = (resource["monitor_thresholds"] ?? {}) as Json;
  const out = given
    .filter(([k, v]) => num(v) !== num(written[k]))
    .map(([k]) => `thresholds.${k}`);
  if (Object.keys(written).length !== given.length) out.push("thresholds");
  return out;
}

function optionDifference(
  key: string,
  value: unknown,
  options: Json,
  input: Json,
  resource: Json,
): string | undefined {
  if (key in NOTHING_TO_SET) {
    return NOTHING_TO_SET[key]!(value) ? undefined : key;
  }
  const missing = options["on_missing_data"];
  const usesMissing = missing != null && missing !== "default";
  switch (key) {
    case "on_missing_data":
      return (resource[key] ?? "default") === (value ?? "default")
        ? undefined
        : key;
    case "notify_no_data":
      // The provider sends on_missing_data instead when it is set.
      if (usesMissing) return resource[key] === undefined ? undefined : key;
      break;
    case "no_data_timeframe": {
      if (usesMissing || options["notify_no_data"] !== true) return undefined;
      const expected = value ?? 2 * windowMinutes(String(input["query"]));
      return num(resource[key]) === num(expected) ? undefined : key;
    }
    case "threshold_windows":
      return same(
        compact(value),
        compact(resource["monitor_threshold_windows"]),
      )
        ? undefined
        : key;
    case "scheduling_options":
      return same(scheduling(value), resource[key]) ? undefined : key;
    case "variables":
      return same(variables(value), variablesOf(resource[key]))
        ? undefined
        : key;
  }
  const after = resource[key] ?? AFTER_APPLY[key];
  const before = value ?? AFTER_APPLY[key];
  const norm = (v: unknown) =>
    Array.isArray(v)
      ? [...v].sort()
      : typeof v === "string" && /^\d+$/.test(v)
        ? Number(v)
        : v;
  return same(norm(after), norm(before)) ? undefined : key;
}

/** Minutes of the first `last_<n><unit>` window in a query. */
function windowMinutes(query: string): number {
  const match = /last_(\d+)(m|h|d|w)/.exec(query);
  if (!match) return 10;
  const unit = { m: 1, h: 60, d: 1440, w: 10080 }[match[2] as "m"];
  return Number(match[1]) * unit;
}

const compact = (v: unknown) =>
  v && typeof v === "object" && Object.keys(v).length ? v : undefined;
const single = (v: unknown) => (Array.isArray(v) && v.length === 1 ? v[0] : v);

/** The API's scheduling options in the provider's block shape. */
function scheduling(value: unknown): unknown {
  const o = single(value) as Json;
  const custom = single(o["custom_schedule"]) as Json | undefined;
  return {
    ...(o["evaluation_window"]
      ? { evaluation_window: single(o["evaluation_window"]) }
      : {}),
    ...(custom
      ? { custom_schedule: { recurrence: custom["recurrences"] } }
      : {}),
  };
}

/** Formula variables, by name, as the API holds them (hot storage is the default). */
function variables(value: unknown): unknown {
  return (value as Json[])
    .map(({ storage: _storage, ...v }) => ({
      ...v,
      ...(v["compute"] ? { compute: [v["compute"]].flat() } : {}),
      ...((v["group_by"] as unknown[] | undefined)?.length
        ? {}
        : { group_by: undefined }),
    }))
    .map((v) => JSON.parse(JSON.stringify(v)) as Json)
    .sort((a, b) => String(a["name"]).localeCompare(String(b["name"])));
}

function variablesOf(block: unknown): unknown {
  const b = (block ?? {}) as Json;
  return [
    ...((b["event_query"] as Json[]) ?? []),
    ...((b["cloud_cost_query"] as Json[]) ?? []),
  ]
    .map((v) => JSON.parse(JSON.stringify(v)) as Json)
    .sort((a, b) => String(a["name"]).localeCompare(String(b["name"])));
}
