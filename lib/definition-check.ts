import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  array,
  formatPath,
  object,
  oneOf,
  optional,
  safeParse,
  satisfies,
} from "./config/schema-kit.js";
import type {
  DashboardDefinition,
  MonitorDefinition,
} from "./model/definition.js";
import type { Diagnostic } from "./model/diagnostic.js";
import { TIERS } from "./model/environment.js";
import type { Loaded } from "./registry.js";

const build = satisfies(
  "a function (ctx) => spec",
  (value): value is (...args: never[]) => unknown =>
    typeof value === "function",
);

/** `environments`: a non-empty list of names from config/environments. */
const environments = (names: readonly string[]) =>
  optional(array(oneOf(names), { minLength: 1 }));

const monitorSchema = (names: readonly string[]) =>
  object({ tier: oneOf(TIERS), environments: environments(names), build });

const dashboardSchema = (names: readonly string[]) =>
  object({ environments: environments(names), build });

/**
 * Checks the shape of each loaded definition: TypeScript does not run at
 * synth (tsx strips types), so a wrong tier, an unknown environment or a
 * misspelt key would otherwise drop a monitor, or deploy it everywhere,
 * without a word. Returns the definitions that pass and one diagnostic per
 * problem, naming the file and the field.
 */
export function checkDefinitions<
  D extends MonitorDefinition | DashboardDefinition,
>(
  loaded: readonly Loaded<D>[],
  kind: D["kind"],
  environmentNames: readonly string[],
  root = process.cwd(),
): { value: Loaded<D>[]; diagnostics: Diagnostic[] } {
  const schema =
    kind === "monitor"
      ? monitorSchema(environmentNames)
      : dashboardSchema(environmentNames);
  const value: Loaded<D>[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const item of loaded) {
    const { kind: _kind, ...fields } = item.definition;
    const parsed = safeParse(schema, fields);
    if (parsed.success) {
      value.push(item);
      continue;
    }
    const source = readSource(join(root, item.file));
    for (const p of parsed.problems) {
      const line = keyLine(source, String(p.path[0] ?? ""));
      diagnostics.push({
        level: "error",
        where: line ? `${item.file}:${line}` : item.file,
        check: "definition-schema",
        path: formatPath(p.path),
        message: p.message,
        ...(p.hint ? { hint: p.hint } : {}),
      });
    }
  }
  return { value, diagnostics };
}

function readSource(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/**
 * The 1-based line where `key:` is first written in a definition file, so
 * a problem points where a person looks; undefined when it is not written
 * literally (a spread, a computed key).
 */
function keyLine(source: string, key: string): number | undefined {
  if (!/^\w+$/.test(key)) return undefined;
  const match = new RegExp(`(^|[\\s{,])["']?${key}["']?\\s*:`).exec(source);
  if (!match) return undefined;
  const at = match.index + match[1]!.length;
  return source.slice(0, at).split("\n").length;
}
