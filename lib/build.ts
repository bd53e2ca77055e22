import type { DashboardSpec } from "./model/dashboard.js";
import type {
  DashboardDefinition,
  MonitorDefinition,
} from "./model/definition.js";
import { type Diagnostic, quote } from "./model/diagnostic.js";
import { type Environment, stackName, TIERS } from "./model/environment.js";
import type { MonitorSpec, PlacedMonitor } from "./model/monitor.js";
import type { ProjectPlan, StackPlan } from "./plan.js";
import { formatPath } from "./config/schema-kit.js";
import { isFactoryOptionsError } from "./factories/options.js";
import { type Loaded, runtimeError } from "./registry.js";

/**
 * Runs every definition for every environment and tier. A definition that
 * throws (a factory rejecting its parameters, say) is reported against its
 * file and environment; the others still build, so one run shows all.
 */
export function buildPlan(
  environments: readonly Environment[],
  monitors: readonly Loaded<MonitorDefinition>[],
  dashboards: readonly Loaded<DashboardDefinition>[],
): { plan: ProjectPlan; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const stacks: StackPlan[] = [];

  for (const env of environments) {
    const byTier = TIERS.map((tier) => {
      const stack = stackName(env, tier);
      const placed = monitors
        .filter(
          ({ definition }) =>
            definition.tier === tier && applies(definition, env),
        )
        .flatMap(({ file, definition }) =>
          run(file, stack, diagnostics, () =>
            definition.build({ env, tier }),
          ).map((spec): PlacedMonitor => ({ spec, file, stack, tier })),
        );
      return { tier, stack, placed };
    });

    const all = byTier.flatMap((t) =>
      t.placed.map(({ spec, tier }) => ({ spec, tier })),
    );
    for (const { tier, stack, placed } of byTier) {
      const boards =
        tier !== "dev"
          ? []
          : dashboards
              .filter(({ definition }) => applies(definition, env))
              .flatMap(({ file, definition }) =>
                run<DashboardSpec>(file, stack, diagnostics, () =>
                  definition.build({ env, monitors: all }),
                ).map((spec) => ({ spec, file })),
              );
      stacks.push({
        name: stack,
        env,
        tier,
        monitors: placed,
        dashboards: boards,
      });
    }
  }
  return { plan: { environments, stacks }, diagnostics: once(diagnostics) };
}

function applies(
  definition: { environments?: readonly string[] },
  env: Environment,
) {
  return !definition.environments || definition.environments.includes(env.name);
}

function run<T = MonitorSpec>(
  file: string,
  stack: string,
  diagnostics: Diagnostic[],
  build: () => T | readonly T[],
): T[] {
  try {
    const result = build();
    const list = Array.isArray(result) ? [...(result as T[])] : [result as T];
    const bad = list.findIndex(
      (spec) => typeof (spec as { id?: unknown } | undefined)?.id !== "string",
    );
    if (bad === -1) return list;
    // A forgotten `return` gives undefined; the checks would crash on it.
    diagnostics.push({
      level: "error",
      where: `${stack}/?`,
      file,
      check: "definition-build",
      path: Array.isArray(result) ? `build()[${bad}]` : "build()",
      message: `expected a spec with an id (or a list of them), got ${quote(list[bad])}`,
      hint: "return what the factory gives",
    });
    return [];
  } catch (error) {
    diagnostics.push(...buildErrors(error, file, stack));
    return [];
  }
}

/**
 * A definition's `build` threw: bad factory options become one diagnostic
 * per option; anything else names the line of the user's file it came
 * from, when the stack has one. Never a stack trace.
 */
function buildErrors(
  error: unknown,
  file: string,
  stack: string,
): Diagnostic[] {
  const base = {
    level: "error",
    where: `${stack}/?`,
    file,
    check: "definition-build",
  } as const;
  const cause = runtimeError(error, file);
  if (isFactoryOptionsError(error)) {
    return error.problems.map((p) => ({
      ...base,
      where: `${stack}/${error.monitorId ?? "?"}`,
      file: cause.at ?? file,
      path: formatPath(["options", ...p.path]),
      message: p.message,
      ...(p.hint ? { hint: p.hint } : {}),
    }));
  }
  return [
    {
      ...base,
      file: cause.at ?? file,
      path: "build",
      message: `expected the definition to build, got ${cause.text}`,
    },
  ];
}

/**
 * Bad factory options do not depend on the environment: report each once
 * (at the first stack) rather than once per stack the definition builds.
 */
function once(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (!d.path.startsWith("options")) return true;
    const key = [d.file, d.path, d.message].join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
