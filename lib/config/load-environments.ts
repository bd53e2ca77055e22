import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import {
  type Document,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
} from "yaml";
import {
  environmentSchema,
  type EnvironmentConfig,
} from "../../config/schema.js";
import { type Diagnostic, quote } from "../model/diagnostic.js";
import type { Environment } from "../model/environment.js";
import { isPagingHandle } from "../model/handles.js";
import { formatPath, safeParse } from "./schema-kit.js";

export interface LoadResult<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads and validates every `*.yaml` in the environments folder. Returns the
 * valid environments and every problem in every file.
 */
export function loadEnvironments(
  dir: string,
  root = process.cwd(),
): LoadResult<Environment[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const results = files.map((f) => loadEnvironmentFile(join(dir, f), root));
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const environments = results.flatMap((r) => (r.value ? [r.value] : []));

  if (files.length === 0) {
    diagnostics.push({
      level: "error",
      where: relative(root, dir) || dir,
      check: "config-schema",
      path: "",
      message: "expected at least one environment file (*.yaml), got none",
    });
  }
  return { value: environments, diagnostics };
}

/**
 * The environment names the folder defines, one per `*.yaml` file, whether
 * or not the file is valid: definitions that name an environment are
 * checked against this list, and a broken file should not make them wrong
 * too.
 */
export function environmentNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => f.replace(/\.ya?ml$/, ""))
    .sort();
}

/** Reads one environment file; `value` is undefined when it has errors. */
export function loadEnvironmentFile(
  path: string,
  root = process.cwd(),
): LoadResult<Environment | undefined> {
  const file = relative(root, path) || path;
  const lines = new LineCounter();
  const text = readFileSync(path, "utf8");
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });

  if (doc.errors.length > 0) {
    // Later YAML errors are usually echoes of the first; report that one.
    const diagnostics = doc.errors.slice(0, 1).map((e): Diagnostic => ({
      level: "error",
      where: `${file}:${lines.linePos(e.pos[0]).line}`,
      check: "config-yaml",
      path: "",
      message: `expected valid YAML, got ${e.message.split("\n")[0]}`,
    }));
    return { value: undefined, diagnostics };
  }

  const raw: unknown = doc.toJS() ?? {};
  const where = (p: readonly PropertyKey[]) =>
    `${file}:${lineOf(doc, lines, p)}`;
  const parsed = safeParse(environmentSchema, raw);
  if (!parsed.success) {
    const diagnostics = parsed.problems.map((p): Diagnostic => ({
      level: "error",
      where: where(p.path),
      check: "config-schema",
      path: formatPath(p.path),
      message: p.message,
      ...(p.hint ? { hint: p.hint } : {}),
    }));
    return { value: undefined, diagnostics };
  }

  const thresholdLines = Object.fromEntries(
    Object.entries(parsed.data.thresholds).map(([id, override]) => [
      id,
      {
        line: keyLine(doc, lines, ["thresholds", id]),
        keys: Object.fromEntries(
          Object.keys(override).map((key) => [
            key,
            keyLine(doc, lines, ["thresholds", id, key]),
          ]),
        ),
      },
    ]),
  );
  const env = { ...parsed.data, file, thresholdLines };
  const diagnostics = semanticProblems(
    env,
    basename(path).replace(/\.ya?ml$/, ""),
  ).map((p): Diagnostic => ({
    level: "error",
    where: where(p.path),
    check: p.check,
    path: formatPath(p.path),
    message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
  }));
  return { value: diagnostics.length ? undefined : env, diagnostics };
}

interface Problem {
  check: string;
  path: PropertyKey[];
  message: string;
  hint?: string;
}

/** Rules that span fields, which the schema alone cannot say. */
function semanticProblems(env: EnvironmentConfig, fileStem: string): Problem[] {
  const problems: Problem[] = [];

  if (env.name !== fileStem) {
    problems.push({
      check: "config-name",
      path: ["name"],
      message: `expected "${fileStem}" (the file name), got ${quote(env.name)}`,
    });
  }
  for (const key of ["id", "name"] as const) {
    const seen = new Map<unknown, number>();
    env.chains.forEach((chain, i) => {
      const first = seen.get(chain[key]);
      if (first !== undefined) {
        problems.push({
          check: "config-duplicate-chain",
          path: ["chains", i, key],
          message: `expected a unique chain ${key}, got ${quote(chain[key])} again (first at chains[${first}])`,
        });
      } else seen.set(chain[key], i);
    });
  }

  const paging = env.notifications.oncall.alert.filter(isPagingHandle);
  if (paging.length === 0) {
    problems.push({
      check: "oncall-paging-handle",
      path: ["notifications", "oncall", "alert"],
      message: `expected at least one paging handle (@pagerduty-..., @opsgenie-..., @oncall-...), got ${quote(env.notifications.oncall.alert)}`,
      hint: "oncall monitors must wake someone; put chat-only monitors in the dev tier",
    });
  }
  for (const severity of ["alert", "warning", "recovery"] as const) {
    env.notifications.dev[severity].forEach((h, i) => {
      if (isPagingHandle(h)) {
        problems.push({
          check: "dev-no-paging",
          path: ["notifications", "dev", severity, i],
          message: `expected a non-paging handle, got ${quote(h)}`,
          hint: "dev monitors never page",
        });
      }
    });
  }
  if (env.oncallPriority.min > env.oncallPriority.max) {
    problems.push({
      check: "config-priority-range",
      path: ["oncallPriority", "min"],
      message: `expected <= max (${env.oncallPriority.max}), got ${env.oncallPriority.min}`,
    });
  }

  const backend = env.backend;
  if (
    backend.type === "s3" &&
    backend.locking === "dynamodb" &&
    !backend.dynamodbTable
  ) {
    problems.push({
      check: "config-backend",
      path: ["backend", "dynamodbTable"],
      message: "expected a table name when locking is dynamodb, got nothing",
    });
  }
  if (
    backend.type === "s3" &&
    backend.locking === "lockfile" &&
    backend.dynamodbTable
  ) {
    problems.push({
      check: "config-backend",
      path: ["backend", "dynamodbTable"],
      message: `expected no table when locking is lockfile, got ${quote(backend.dynamodbTable)}`,
      hint: "set locking: dynamodb to use the table",
    });
  }
  return problems;
}

/** The 1-based line of the node at a path, or of its nearest parent. */
export function lineOf(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range)
      return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** The 1-based line of the key at a path (where a person looks for it). */
function keyLine(
  doc: Document,
  lines: LineCounter,
  path: readonly string[],
): number {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find(
      (p) => isScalar(p.key) && p.key.value === path.at(-1),
    );
    const range = isScalar(pair?.key) ? pair.key.range : undefined;
    if (range) return lines.linePos(range[0]).line;
  }
  return lineOf(doc, lines, path);
}
