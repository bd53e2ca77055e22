import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { loadEnvironments } from "../../lib/config/load-environments.js";
import type { DashboardSpec } from "../../lib/model/dashboard.js";
import type { DashboardContext } from "../../lib/model/definition.js";
import type { Environment } from "../../lib/model/environment.js";
import { planProject, type PlanResult } from "../../lib/pipeline.js";

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** One of the repository's environments, loaded and validated. */
export function anEnvironment(name = "testnet-prod"): Environment {
  const loaded = loadEnvironments(join(ROOT, "config/environments"), ROOT);
  const env = loaded.value.find((e) => e.name === name);
  if (!env) throw new Error(`no environment ${name} in config/environments`);
  return env;
}

/** Plans the repository (or another root) and fails loudly on errors. */
export async function planOk(root = ROOT): Promise<PlanResult> {
  const result = await planProject({
    root,
    dashboards: join(ROOT, "dashboards"),
  });
  if (!result.ok) {
    throw new Error(
      `plan failed: ${JSON.stringify(result.diagnostics, null, 2)}`,
    );
  }
  return result;
}

/** The dashboards of an environment's dev stack, by id. */
export function dashboardsOf(
  result: PlanResult,
  env: string,
): Record<string, DashboardSpec> {
  const stack = result.plan.stacks.find((s) => s.name === `${env}-dev`);
  if (!stack) throw new Error(`no stack ${env}-dev`);
  return Object.fromEntries(
    stack.dashboards.map(({ spec }) => [spec.id, spec]),
  );
}

/** What a dashboard definition sees for an environment of a plan. */
export function contextOf(result: PlanResult, env: string): DashboardContext {
  const stacks = result.plan.stacks.filter((s) => s.env.name === env);
  return {
    env: stacks[0]!.env,
    monitors: stacks.flatMap((s) =>
      s.monitors.map(({ spec, tier }) => ({ spec, tier })),
    ),
  };
}

type Json = { [key: string]: unknown };

/** A widget of a dashboard body and its path, groups' children included. */
export interface FoundWidget {
  readonly path: string;
  readonly definition: Json;
  readonly layout: { x: number; y: number; width: number; height: number };
  /** The group it sits in, if any. */
  readonly parent?: FoundWidget;
}

/** Every widget of a dashboard body, depth first, in order. */
export function allWidgets(body: Readonly<Json>): FoundWidget[] {
  const out: FoundWidget[] = [];
  const visit = (widgets: unknown, prefix: string, parent?: FoundWidget) => {
    (widgets as Json[]).forEach((w, i) => {
      const found: FoundWidget = {
        path: prefix ? `${prefix}.${i}` : String(i),
        definition: w.definition as Json,
        layout: w.layout as FoundWidget["layout"],
        ...(parent ? { parent } : {}),
      };
      out.push(found);
      if (found.definition.type === "group") {
        visit(found.definition.widgets, found.path, found);
      }
    });
  };
  visit(body.widgets, "");
  return out;
}

/** Every `q` of every widget request in a body. */
export function widgetQueries(body: Readonly<Json>): string[] {
  return allWidgets(body).flatMap((w) =>
    ((w.definition.requests ?? []) as Json[]).map((r) => String(r.q)),
  );
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A temporary folder, removed after the test even when it fails. */
export function scratchDir(prefix = "gwm-dash-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * JSON for snapshots a person reads: a value that fits in `width`
 * columns stays on one line, anything longer opens up one level.
 */
export function readableJson(value: unknown, width = 100, indent = ""): string {
  const flat = JSON.stringify(value);
  if (
    indent.length + flat.length <= width ||
    value === null ||
    typeof value !== "object"
  ) {
    return flat;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => inner + readableJson(v, width, inner));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) =>
      `${inner}${JSON.stringify(k)}: ${readableJson(v, width, inner)}`,
  );
  return `{\n${entries.join(",\n")}\n${indent}}`;
}
