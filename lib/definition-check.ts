import { z } from "zod";
import { describeIssues, formatPath } from "./config/zod-issues.js";
import type {
  DashboardDefinition,
  MonitorDefinition,
} from "./model/definition.js";
import type { Diagnostic } from "./model/diagnostic.js";
import { TIERS } from "./model/environment.js";
import type { Loaded } from "./registry.js";

const build = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === "function",
  { message: "expected a function (ctx) => spec" },
);

/** `environments`: a non-empty list of names from config/environments. */
const environments = (names: readonly string[]) =>
  z
    .array(names.length ? z.enum(names as [string, ...string[]]) : z.never())
    .min(1)
    .optional();

const monitorSchema = (names: readonly string[]) =>
  z.strictObject({
    tier: z.enum(TIERS),
    environments: environments(names),
    build,
  });

const dashboardSchema = (names: readonly string[]) =>
  z.strictObject({ environments: environments(names), build });

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
): { value: Loaded<D>[]; diagnostics: Diagnostic[] } {
  const schema =
    kind === "monitor"
      ? monitorSchema(environmentNames)
      : dashboardSchema(environmentNames);
  const value: Loaded<D>[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const item of loaded) {
    const { kind: _kind, ...fields } = item.definition;
    const parsed = schema.safeParse(fields);
    if (parsed.success) {
      value.push(item);
      continue;
    }
    for (const p of describeIssues(parsed.error.issues, fields, schema)) {
      diagnostics.push({
        level: "error",
        where: item.file,
        check: "definition-schema",
        path: formatPath(p.path),
        message: p.message,
        ...(p.hint ? { hint: p.hint } : {}),
      });
    }
  }
  return { value, diagnostics };
}
