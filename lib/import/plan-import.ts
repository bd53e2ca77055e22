import type { Diagnostic } from "../model/diagnostic.js";
import type { Environment, Tier } from "../model/environment.js";
import { pagingHandlesIn } from "../model/handles.js";
import { convertMonitor, type ImportedMonitor } from "./convert-monitor.js";
import { definitionFor } from "./definition-for.js";
import { readExport } from "./read-export.js";
import { slugOf } from "./slug.js";
import { definitionSource } from "./write-definition.js";

/** One run of the importer: the input and where its output would go. */
export interface ImportRequest {
  /** The input file as the user named it, for messages. */
  readonly file: string;
  readonly text: string;
  /** Every environment of the project. */
  readonly environments: readonly Environment[];
  /** `--env`: the environment the monitors live in. */
  readonly env?: string;
  /** `--tier`; inferred per monitor when undefined. */
  readonly tier?: Tier;
  /** Where files go, repository-relative, e.g. `monitors`. */
  readonly monitorsDir: string;
  /** Whether a repository-relative path exists already. */
  readonly exists: (path: string) => boolean;
  /** `--force`: overwrite existing files. */
  readonly force?: boolean;
  /** How generated files import `lib/`. @default "../lib" */
  readonly libPath?: string;
}

/** One file to write and what it holds. */
export interface PlannedFile {
  readonly path: string;
  readonly text: string;
  /** The spec id, i.e. the Terraform resource id. */
  readonly id: string;
  readonly tier: Tier;
  /** The factory the file calls, when one matched. */
  readonly factory?: string;
  readonly importId?: number;
  readonly adoptIn?: string;
  /** Check ids opted out of with a TODO. */
  readonly todos: readonly string[];
}

/** The files to write and every problem found on the way. */
export interface ImportPlan {
  /** Empty whenever any diagnostic is an error: all or nothing. */
  readonly files: readonly PlannedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

type Report = (path: string, message: string, hint?: string) => void;

/**
 * Plans the import of a Datadog export: one definition file per monitor.
 * Nothing is written here; when anything in the input is wrong, no file
 * is planned at all and every problem is reported.
 */
export function planImport(request: ImportRequest): ImportPlan {
  const { file } = request;
  const read = readExport(request.text, file);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const error: Report = (path, message, hint) =>
    diagnostics.push({
      level: "error",
      where: file,
      check: "import-input",
      path,
      message,
      ...(hint ? { hint } : {}),
    });

  const envs = targetEnvironments(request, error);
  const converted = read.monitors.flatMap((exported) => {
    const result = convertMonitor(exported, file);
    diagnostics.push(...result.diagnostics);
    return result.monitor ? [result.monitor] : [];
  });
  repeatedIds(converted, error);

  const slugs = new Map<string, number>();
  const files: PlannedFile[] = [];
  for (const monitor of converted) {
    const tier = request.tier ?? inferTier(monitor);
    devPaging(monitor, tier, error);
    const adoptIn = adoptionEnv(monitor, request, error);
    if (!envs || (monitor.importId !== undefined && !adoptIn)) continue;

    const slug = uniqueSlug(monitor, slugs);
    const path = `${request.monitorsDir}/${slug}.ts`;
    const planFor = (targets: readonly Environment[]) =>
      definitionFor(monitor, {
        slug,
        tier,
        envs: targets,
        file: path,
        ...(adoptIn ? { adoptIn } : {}),
      });
    let planned = planFor(envs);

    // A raw monitor's query, name and message are one environment's
    // literal text: applied everywhere, it would copy that environment's
    // monitor (and its pager) into every other stack. Without --env it
    // applies only to the environment it names.
    const home =
      request.env === undefined && planned.call.kind !== "factory"
        ? (adoptIn ?? namedEnvironment(monitor, request.environments))
        : undefined;
    if (home) planned = planFor([home]);
    const onlyIn = request.env ?? home?.name;
    diagnostics.push(...planned.warnings);

    if (request.exists(path) && !request.force) {
      error(
        monitor.path,
        `expected ${path} not to exist, got an existing file`,
        "pass --force to overwrite it, or rename the monitor in the JSON",
      );
    }

    const adopted =
      adoptIn && monitor.importId !== undefined
        ? { env: adoptIn.name, id: monitor.importId }
        : undefined;
    files.push({
      path,
      text: definitionSource(
        {
          tier,
          ...(onlyIn ? { environments: [onlyIn] } : {}),
          ...(adopted ? { adopted } : {}),
          call: planned.call,
        },
        request.libPath,
      ),
      id: planned.specId,
      tier,
      todos: planned.todos,
      ...(planned.call.kind === "factory"
        ? { factory: planned.call.name }
        : {}),
      ...(adopted ? { importId: adopted.id, adoptIn: adopted.env } : {}),
    });
  }

  const failed = diagnostics.some((d) => d.level === "error");
  return { files: failed ? [] : files, diagnostics };
}

const pathOf = (where: string, field: string) =>
  where ? `${where}.${field}` : field;

/** The environments the files apply to; undefined after an error. */
function targetEnvironments(
  request: ImportRequest,
  error: Report,
): readonly Environment[] | undefined {
  if (request.env === undefined) return request.environments;
  const env = request.environments.find((e) => e.name === request.env);
  if (env) return [env];
  error(
    "--env",
    `expected one of ${request.environments.map((e) => e.name).join(", ")}, got "${request.env}"`,
  );
  return undefined;
}

function repeatedIds(monitors: readonly ImportedMonitor[], error: Report) {
  const seen = new Map<number, string>();
  for (const { importId, path } of monitors) {
    if (importId === undefined) continue;
    const earlier = seen.get(importId);
    if (earlier !== undefined) {
      error(
        pathOf(path, "id"),
        `expected each monitor once, got id ${importId} again (also at ${earlier || "the top"})`,
      );
    }
    seen.set(importId, path);
  }
}

/**
 * Oncall when the message names a paging handle (the monitor wakes
 * someone today), dev otherwise.
 */
function inferTier(monitor: ImportedMonitor): Tier {
  return pagingHandlesIn(monitor.params.message).length ? "oncall" : "dev";
}

function devPaging(monitor: ImportedMonitor, tier: Tier, error: Report) {
  const handles = pagingHandlesIn(monitor.params.message);
  if (tier !== "dev" || !handles.length) return;
  error(
    pathOf(monitor.path, "message"),
    `expected no paging handle in a dev-tier monitor, got "${handles[0]}"`,
    "import it with --tier oncall, or take the handle out of the JSON",
  );
}

function uniqueSlug(monitor: ImportedMonitor, taken: Map<string, number>) {
  const base = slugOf(
    monitor.params.name,
    `monitor-${monitor.importId ?? "imported"}`,
  );
  const count = (taken.get(base) ?? 0) + 1;
  taken.set(base, count);
  if (count === 1) return base;
  return monitor.importId !== undefined
    ? `${base}-${monitor.importId}`
    : `${base}-${count}`;
}

/**
 * The one environment whose stack adopts the monitor: `--env`, or else the
 * environment the monitor names in an `env:` tag or a `[name]` prefix.
 * An id with no environment to tie it to is an error, since adopting it
 * everywhere would put one Datadog monitor in several states.
 */
function adoptionEnv(
  monitor: ImportedMonitor,
  request: ImportRequest,
  error: Report,
): Environment | undefined {
  if (monitor.importId === undefined) return undefined;
  const all = request.environments;
  if (request.env) return all.find((e) => e.name === request.env);
  const named = namedEnvironments(monitor, all);
  if (named.length === 1) return named[0];
  const got = named.length
    ? `${named.map((e) => e.name).join(" and ")} named`
    : "no env: tag or [env] prefix naming one";
  error(
    pathOf(monitor.path, "id"),
    `expected --env to say which environment monitor ${monitor.importId} lives in, got ${got}`,
    "a Datadog id exists in one environment only; run the import once per environment with --env",
  );
  return undefined;
}

/** Environments a monitor names in an `env:` tag or a `[name]` prefix. */
function namedEnvironments(
  monitor: ImportedMonitor,
  all: readonly Environment[],
): Environment[] {
  return all.filter(
    (e) =>
      (monitor.params.tags ?? []).includes(`env:${e.name}`) ||
      monitor.params.name.startsWith(`[${e.name}]`),
  );
}

/** The one environment a monitor names, if exactly one. */
function namedEnvironment(
  monitor: ImportedMonitor,
  all: readonly Environment[],
): Environment | undefined {
  const named = namedEnvironments(monitor, all);
  return named.length === 1 ? named[0] : undefined;
}
