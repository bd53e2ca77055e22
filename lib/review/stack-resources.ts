import { type Diagnostic, quote } from "../model/diagnostic.js";
import { TIERS } from "../model/environment.js";
import {
  isRecord,
  type SynthStack,
} from "../synth-output/read-synth-output.js";
import { type DashboardView, dashboardView } from "./dashboard-view.js";
import { type Field, flattenFields } from "./fields.js";
import { type MonitorView, monitorView } from "./monitor-view.js";

/** What the review compares in one stack. */
export interface StackResources {
  readonly name: string;
  /** The environment: the stack name without its `-oncall`/`-dev` tier. */
  readonly env: string;
  readonly monitors: ReadonlyMap<string, MonitorView>;
  readonly dashboards: ReadonlyMap<string, DashboardView>;
  /** Backend, providers and any other top-level block, flattened. */
  readonly settings: readonly Field[];
  /** Resources of other types by address, as canonical JSON. */
  readonly others: ReadonlyMap<string, string>;
}

const MONITOR = "datadog_monitor";
const DASHBOARD = "datadog_dashboard_json";

/**
 * Reads the resources of one synthesized stack. Shape problems (a monitor
 * without a query, a dashboard that is not JSON) are reported with the file
 * and the JSON path; the resource is then left out.
 */
export function stackResources(stack: SynthStack): {
  value: StackResources;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const problem = (path: string, message: string) =>
    diagnostics.push({
      level: "error",
      where: stack.file,
      check: "synth-resource",
      path,
      message,
    });

  const resources = stack.json.resource ?? {};
  if (!isRecord(resources)) {
    problem("resource", `expected an object, got ${quote(resources)}`);
  }
  const byType = isRecord(resources) ? resources : {};
  const imports = importIds(stack.json.import);

  const monitors = new Map<string, MonitorView>();
  for (const [id, body] of entries(byType, MONITOR, problem)) {
    const path = `resource.${MONITOR}.${id}`;
    const missing = ["name", "type", "query"].filter(
      (key) => typeof body[key] !== "string",
    );
    for (const key of missing) {
      problem(`${path}.${key}`, `expected a string, got ${quote(body[key])}`);
    }
    if (missing.length === 0) {
      monitors.set(id, monitorView(id, body, imports.get(`${MONITOR}.${id}`)));
    }
  }

  const dashboards = new Map<string, DashboardView>();
  for (const [id, body] of entries(byType, DASHBOARD, problem)) {
    const path = `resource.${DASHBOARD}.${id}.dashboard`;
    if (typeof body.dashboard !== "string") {
      problem(path, `expected a JSON string, got ${quote(body.dashboard)}`);
      continue;
    }
    try {
      dashboards.set(id, dashboardView(id, body));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problem(path, `expected a JSON document, got a parse error: ${reason}`);
    }
  }

  const settings = Object.keys(stack.json)
    .filter((key) => !["//", "resource", "import"].includes(key))
    .sort()
    .flatMap((key) => flattenFields(stripMetadata(stack.json[key]), key, 0));

  const others = new Map<string, string>();
  for (const type of Object.keys(byType).sort()) {
    if (type === MONITOR || type === DASHBOARD) continue;
    const group = byType[type];
    if (!isRecord(group)) continue;
    for (const name of Object.keys(group).sort()) {
      others.set(`${type}.${name}`, JSON.stringify(stripMetadata(group[name])));
    }
  }

  const value = {
    name: stack.name,
    env: envOf(stack.name),
    monitors,
    dashboards,
    settings,
    others,
  };
  return { value, diagnostics };
}

/** `mainnet-prod-oncall` gives `mainnet-prod`; other names stay whole. */
export function envOf(stackName: string): string {
  for (const tier of TIERS) {
    if (stackName.endsWith(`-${tier}`)) {
      return stackName.slice(0, -tier.length - 1);
    }
  }
  return stackName;
}

function entries(
  byType: Record<string, unknown>,
  type: string,
  problem: (path: string, message: string) => void,
): [string, Record<string, unknown>][] {
  const group = byType[type];
  if (group === undefined) return [];
  if (!isRecord(group)) {
    problem(`resource.${type}`, `expected an object, got ${quote(group)}`);
    return [];
  }
  return Object.keys(group)
    .sort()
    .flatMap((id): [string, Record<string, unknown>][] => {
      const body = group[id];
      if (isRecord(body)) return [[id, body]];
      problem(
        `resource.${type}.${id}`,
        `expected an object, got ${quote(body)}`,
      );
      return [];
    });
}

/** `import` blocks: resource address → the id Terraform adopts. */
function importIds(blocks: unknown): Map<string, string> {
  const list = Array.isArray(blocks) ? blocks : [];
  return new Map(
    list
      .filter(isRecord)
      .filter((b) => typeof b.to === "string" && b.id !== undefined)
      .map((b) => [b.to as string, String(b.id)]),
  );
}

/** Drops cdktf's `//` metadata, which changes with construct paths. */
function stripMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .filter((key) => key !== "//")
      .sort()
      .map((key) => [key, stripMetadata(value[key])]),
  );
}
