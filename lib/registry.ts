import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type {
  DashboardDefinition,
  MonitorDefinition,
} from "./model/definition.js";
import { type Diagnostic, quote } from "./model/diagnostic.js";

/** A definition and the file that exports it. */
export interface Loaded<T> {
  readonly file: string;
  readonly definition: T;
}

const SOURCE = /^[^.].*\.(ts|mts|js|mjs)$/;
const NOT_SOURCE = /\.(d|test|spec)\.[mc]?[tj]s$/;

/**
 * Imports every definition file in a folder, in name order. Each file's
 * default export must be a definition of the expected kind; anything else
 * is reported with the file name. Adding a file is all it takes to add a
 * monitor: there is no index to edit.
 */
export async function loadDefinitions<K extends "monitor" | "dashboard">(
  dir: string,
  kind: K,
  root = process.cwd(),
): Promise<{
  value: Loaded<
    K extends "monitor" ? MonitorDefinition : DashboardDefinition
  >[];
  diagnostics: Diagnostic[];
}> {
  type Def = K extends "monitor" ? MonitorDefinition : DashboardDefinition;
  const value: Loaded<Def>[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!existsSync(dir)) return { value, diagnostics };

  const files = readdirSync(dir)
    .filter((f) => SOURCE.test(f) && !NOT_SOURCE.test(f))
    .sort();
  // Every file starts loading at once; results are read in name order,
  // so output and messages do not depend on which file loads first.
  const loading = files.map((name) => importDefault(join(dir, name)));
  for (const [i, name] of files.entries()) {
    const file = relative(root, join(dir, name)) || name;
    const problem = (message: string, hint?: string): Diagnostic => ({
      level: "error",
      where: file,
      check: "definition-load",
      path: "default",
      message,
      ...(hint ? { hint } : {}),
    });

    const loaded = await loading[i]!;
    if (!loaded.ok) {
      for (const cause of loadErrors(loaded.error, file)) {
        diagnostics.push({
          ...problem(`expected a module that loads, got ${cause.text}`),
          where: cause.at ?? file,
          path: "",
        });
      }
      continue;
    }
    const exported = loaded.exported;

    const got = (exported as { kind?: unknown } | undefined)?.kind;
    if (got !== kind) {
      const helper = kind === "monitor" ? "defineMonitor" : "defineDashboard";
      diagnostics.push(
        problem(
          `expected a default export made by ${helper}(...), got ${exported === undefined ? "no default export" : quote(got ?? typeof exported)}`,
          `export default ${helper}({ ... })`,
        ),
      );
      continue;
    }
    value.push({ file, definition: exported as Def });
  }
  return { value, diagnostics };
}

/** Where in the user's file a problem is, and what it is. */
export interface ErrorCause {
  /** `monitors/x.ts:4:38`, when the error points into the file. */
  readonly at?: string;
  readonly text: string;
}

/**
 * The causes of a failed import, without the stack: a syntax error from
 * esbuild (through tsx) as each `file:line:col` with esbuild's message;
 * anything else (an error thrown at import) as its first line and the
 * line in the user's file, when the stack has a frame there.
 */
export function loadErrors(error: unknown, file: string): ErrorCause[] {
  const text = error instanceof Error ? error.message : String(error);
  const transform = [
    ...text.matchAll(/^(.+?):(\d+):(\d+): ERROR: (.+)$/gm),
  ].filter((m) => m[1]!.endsWith(`/${file}`) || m[1] === file);
  if (transform.length > 0) {
    return transform.map((m) => ({
      at: `${file}:${m[2]}:${m[3]}`,
      text: m[4]!,
    }));
  }
  return [runtimeError(error, file)];
}

/**
 * A thrown error as `<Name>: <first line>`, located at the innermost
 * stack frame in the user's file, if any.
 */
export function runtimeError(error: unknown, file: string): ErrorCause {
  const name =
    error instanceof Error && error.name !== "Error" ? `${error.name}: ` : "";
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const frame = new RegExp(`[/\\\\]${escaped}:(\\d+):(\\d+)`).exec(stack);
  return {
    ...(frame ? { at: `${file}:${frame[1]}:${frame[2]}` } : {}),
    text: `${name}${firstLine(error)}`,
  };
}

type Imported =
  | { readonly ok: true; readonly exported: unknown }
  | { readonly ok: false; readonly error: unknown };

/** A module's default export, or why it failed to load; never rejects. */
async function importDefault(path: string): Promise<Imported> {
  try {
    const module = (await import(pathToFileURL(path).href)) as {
      default?: unknown;
    };
    return { ok: true, exported: module.default };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The first line of an error, without its stack. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
