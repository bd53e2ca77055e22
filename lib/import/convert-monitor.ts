import type { RawMonitorParams } from "../factories/raw-monitor.js";
import { type Diagnostic, quote } from "../model/diagnostic.js";
import { MONITOR_TYPES, type MonitorType } from "../model/monitor.js";
import {
  type ParsedQuery,
  parseQuery,
  SUPPORTED_MONITOR_TYPES,
} from "../query/parse.js";
import { readNoData, readThresholds } from "./no-data-thresholds.js";
import { coerce, convertOptions, isObject, toNumber } from "./options.js";
import type { ExportedMonitor } from "./read-export.js";
import { Problems } from "./problems.js";

/** What a monitors/ file states for one imported monitor, but its id. */
export type ImportedParams = Omit<
  RawMonitorParams,
  "id" | "importIds" | "ignoreChecks"
>;

export interface ImportedMonitor {
  /** Position in the input, `""` or `[2]`. */
  readonly path: string;
  /** The Datadog monitor id, when the export carries one. */
  readonly importId?: number;
  readonly params: ImportedParams;
  readonly parsed: ParsedQuery;
}

/** Monitor types an import can produce: the model's, with a parser. */
export const IMPORTABLE_TYPES: readonly MonitorType[] = MONITOR_TYPES.filter(
  (t) => SUPPORTED_MONITOR_TYPES.includes(t),
);

/**
 * Fields the API computes or keeps for itself; an import drops them.
 * `restricted_roles` is read-only when null and kept otherwise.
 */
const READ_ONLY = new Set([
  "id",
  "org_id",
  "creator",
  "created",
  "created_at",
  "modified",
  "overall_state",
  "overall_state_modified",
  "matching_downtimes",
  "deleted",
  "multi",
  "state",
  "classification",
]);
const WRITABLE = new Set([
  "name",
  "type",
  "query",
  "message",
  "tags",
  "options",
  "priority",
  "restricted_roles",
  "draft_status",
]);

/**
 * Checks one exported monitor and turns it into definition parameters.
 * Every problem is collected; `monitor` is undefined when any is an error.
 */
export function convertMonitor(
  exported: ExportedMonitor,
  file: string,
): { monitor?: ImportedMonitor; diagnostics: Diagnostic[] } {
  const m = exported.value;
  const problems = new Problems(file, exported.path);

  for (const key of Object.keys(m)) {
    if (!READ_ONLY.has(key) && !WRITABLE.has(key)) {
      problems.error(
        key,
        "expected a field of a Datadog monitor, got an unknown one",
      );
    }
  }
  const type = monitorType(m["type"], problems);
  const name = text(m["name"], "name", problems, false);
  const message = text(m["message"] ?? "", "message", problems, true);
  const query = text(m["query"], "query", problems, false);
  const parsed =
    type && query !== undefined ? readQuery(type, query, problems) : undefined;
  const tags = coerce(m["tags"] ?? [], "strings", "tags", problems) as
    string[] | undefined;
  const options = m["options"] ?? {};
  if (!isObject(options)) {
    problems.error("options", `expected an object, got ${quote(options)}`);
  }
  const opts = isObject(options) ? options : {};
  const converted = convertOptions(opts, problems);
  const thresholds = readThresholds(opts["thresholds"], problems);
  const noData = parsed ? readNoData(opts, parsed, problems) : undefined;
  const priority = readPriority(m["priority"], problems);
  const topLevel = topLevelOptions(m, problems);
  const importId = readId(m["id"], problems);

  if (problems.failed || !type || !parsed || name === undefined) {
    return { diagnostics: problems.list };
  }
  const extra = { ...converted.extra, ...topLevel };
  const params: ImportedParams = {
    name,
    type,
    query: query!,
    ...(thresholds && Object.keys(thresholds).length ? { thresholds } : {}),
    message: message ?? "",
    tags: tags ?? [],
    ...(priority !== undefined ? { priority } : {}),
    ...(noData ? { noData } : {}),
    ...converted.typed,
    ...(Object.keys(extra).length ? { options: extra } : {}),
  } as ImportedParams;
  return {
    monitor: {
      path: exported.path,
      params,
      parsed,
      ...(importId !== undefined ? { importId } : {}),
    },
    diagnostics: problems.list,
  };
}

function monitorType(value: unknown, problems: Problems) {
  if ((IMPORTABLE_TYPES as readonly unknown[]).includes(value)) {
    return value as MonitorType;
  }
  const synthetics = value === "synthetics alert";
  problems.error(
    "type",
    `expected a monitor type this project supports (${IMPORTABLE_TYPES.map((t) => `"${t}"`).join(", ")}), got ${quote(value)}`,
    synthetics
      ? "a synthetics alert belongs to its synthetics test; manage the test instead"
      : undefined,
  );
  return undefined;
}

function text(
  value: unknown,
  path: string,
  problems: Problems,
  emptyOk: boolean,
): string | undefined {
  if (typeof value === "string" && (emptyOk || value.trim() !== "")) {
    return value;
  }
  problems.error(
    path,
    `expected ${emptyOk ? "a string" : "a non-empty string"}, got ${quote(value)}`,
  );
  return undefined;
}

function readQuery(type: MonitorType, query: string, problems: Problems) {
  const result = parseQuery(type, query);
  if (result.ok) return result.tree;
  for (const error of result.errors) {
    problems.error(
      "query",
      `expected a valid "${type}" query, got ${error.code} at line ${error.line}, column ${error.column}: ${error.message}`,
    );
  }
  return undefined;
}

function readPriority(value: unknown, problems: Problems) {
  if (value === undefined || value === null) return undefined;
  const n = toNumber(value);
  if (n !== undefined && Number.isInteger(n) && n >= 1 && n <= 5) return n;
  problems.error(
    "priority",
    `expected a whole number from 1 to 5, got ${quote(value)}`,
  );
  return undefined;
}

/** `restricted_roles` and `draft_status`, kept when not the default. */
function topLevelOptions(m: Record<string, unknown>, problems: Problems) {
  const out: Record<string, unknown> = {};
  const roles = m["restricted_roles"];
  if (roles !== undefined && roles !== null) {
    const list = coerce(roles, "strings", "restricted_roles", problems);
    if (Array.isArray(list) && list.length) out["restricted_roles"] = list;
  }
  const draft = m["draft_status"];
  if (draft !== undefined && draft !== null && draft !== "published") {
    if (draft === "draft") out["draft_status"] = draft;
    else
      problems.error(
        "draft_status",
        `expected "draft" or "published", got ${quote(draft)}`,
      );
  }
  return out;
}

function readId(value: unknown, problems: Problems): number | undefined {
  if (value === undefined || value === null) {
    problems.warn(
      "id",
      "expected the monitor's numeric id, got none; nothing to adopt, so the first apply creates a new monitor",
      "export with the API (GET /api/v1/monitor/<id>) to keep the id",
    );
    return undefined;
  }
  const n = toNumber(value);
  if (n !== undefined && Number.isSafeInteger(n) && n > 0) return n;
  problems.error("id", `expected a positive whole number, got ${quote(value)}`);
  return undefined;
}
