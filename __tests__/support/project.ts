import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import type { Environment } from "../../lib/model/environment.js";
import { loadEnvironments } from "../../lib/config/load-environments.js";
import { planProject, type PlanResult } from "../../lib/pipeline.js";
import { synthesize } from "../../lib/render/app.js";

/** The repository root. */
export const repoRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../..",
);

/** The repository's own environments, loaded and validated. */
export function repoEnvironments(): Environment[] {
  return loadEnvironments(join(repoRoot, "config/environments"), repoRoot)
    .value;
}

/** One repository environment by name. */
export function repoEnvironment(name: string): Environment {
  const env = repoEnvironments().find((e) => e.name === name);
  if (!env) throw new Error(`no environment ${name} in config/environments`);
  return env;
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
export function tempDir(prefix = "gwm-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A temporary project root with a copy of the repository's environments,
 * optionally edited, and extra monitor files. Monitor files import the
 * library by absolute path, so `LIB` below stands for `<repo>/lib`.
 */
export function tempProject(
  options: {
    edit?: Record<string, (yaml: string) => string>;
    monitors?: Record<string, string>;
    withRepoMonitors?: boolean;
  } = {},
): string {
  const root = tempDir();
  const envDir = join(root, "config/environments");
  cpSync(join(repoRoot, "config/environments"), envDir, { recursive: true });
  for (const [file, edit] of Object.entries(options.edit ?? {})) {
    const path = join(envDir, file);
    writeFileSync(path, edit(readFileSync(path, "utf8")));
  }
  const monitorsDir = join(root, "monitors");
  mkdirSync(monitorsDir);
  if (options.withRepoMonitors ?? true) {
    for (const f of readdirSync(join(repoRoot, "monitors"))) {
      const text = readFileSync(join(repoRoot, "monitors", f), "utf8");
      writeFileSync(
        join(monitorsDir, f),
        text.replaceAll('"../lib/', `"${repoRoot}/lib/`),
      );
    }
  }
  for (const [file, text] of Object.entries(options.monitors ?? {})) {
    writeFileSync(
      join(monitorsDir, file),
      text.replaceAll("LIB/", `${repoRoot}/lib/`),
    );
  }
  return root;
}

/** Plans a project root the way `main.ts` does. */
export function planAt(root: string): Promise<PlanResult> {
  return planProject({ root, dashboards: join(repoRoot, "dashboards") });
}

/** The synthesized Terraform JSON of every stack, by stack name. */
export type SynthOutput = Record<string, TerraformJson>;

export interface TerraformJson {
  terraform: {
    backend?: Record<string, Record<string, unknown>>;
    required_providers?: unknown;
  };
  provider?: Record<string, unknown>;
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  import?: { id: string; to: string }[];
}

/** Synthesizes a checked plan into a temporary folder and reads it back. */
export function synthToJson(
  result: PlanResult,
  outdir = tempDir("gwm-out-"),
): SynthOutput {
  if (!result.ok)
    throw new Error(`plan has errors: ${JSON.stringify(result.diagnostics)}`);
  synthesize(result.plan, { outdir });
  return Object.fromEntries(
    readdirSync(join(outdir, "stacks")).map((stack) => [
      stack,
      JSON.parse(
        readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"),
      ) as TerraformJson,
    ]),
  );
}

/** The `datadog_monitor` resources of one stack. */
export function monitorsOf(output: SynthOutput, stack: string) {
  const resources = output[stack]?.resource?.["datadog_monitor"];
  if (!resources) throw new Error(`stack ${stack} has no monitors`);
  return resources as unknown as Record<string, MonitorJson>;
}

export interface MonitorJson {
  name: string;
  type: string;
  query: string;
  message: string;
  tags: string[];
  priority?: string;
  monitor_thresholds: Record<string, string>;
  evaluation_delay?: number;
  notify_no_data?: boolean;
  no_data_timeframe?: number;
}
