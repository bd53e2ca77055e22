import { closest } from "../config/closest.js";
import { stateLocation } from "../../backends/state-location.js";
import { type Diagnostic, quote } from "../model/diagnostic.js";
import { TIERS, stackName } from "../model/environment.js";
import type { ProjectPlan } from "../plan.js";
import { firstDuplicates } from "./first-duplicates.js";

/** Checks that look across monitors, stacks or environments. */
export function checkProject(plan: ProjectPlan): Diagnostic[] {
  return [
    ...uniqueWithinStacks(plan),
    ...uniqueImportIds(plan),
    ...unusedOverrides(plan),
    ...sharedState(plan),
  ];
}

/** Ids and display names are unique per stack. */
function uniqueWithinStacks(plan: ProjectPlan): Diagnostic[] {
  return plan.stacks.flatMap((stack) =>
    (["id", "name"] as const).flatMap((field) =>
      firstDuplicates(stack.monitors, ({ spec }) => spec[field]).map(
        ({ item: { spec, file }, value, earlierFile }): Diagnostic => ({
          level: "error",
          where: `${stack.name}/${spec.id}`,
          file,
          check: `unique-${field}`,
          path: field,
          message: `expected ${field === "id" ? "an id" : "a name"} unique in the stack, got ${quote(value)} also defined in ${earlierFile}`,
          hint: `rename one of them; ${field === "id" ? "ids name the Terraform resource" : "Datadog shows names side by side"}`,
        }),
      ),
    ),
  );
}

/**
 * A Datadog monitor id is adopted by one resource in one stack. Two import
 * blocks for one id would put one monitor in two states (or, across
 * organizations, point at a monitor that is not there), and each apply
 * would undo the other's changes.
 */
function uniqueImportIds(plan: ProjectPlan): Diagnostic[] {
  const first = new Map<number, string>();
  const out: Diagnostic[] = [];
  for (const stack of plan.stacks) {
    for (const { spec, file } of stack.monitors) {
      if (spec.importId === undefined) continue;
      const where = `${stack.name}/${spec.id}`;
      const earlier = first.get(spec.importId);
      if (earlier === undefined) {
        first.set(spec.importId, where);
        continue;
      }
      out.push({
        level: "error",
        where,
        file,
        check: "import-id-unique",
        path: "importId",
        message: `expected a Datadog id adopted by one monitor in one stack, got ${spec.importId} also adopted by ${earlier}`,
        hint: 'tie the id to its environment: importIds: { "<env>": <id> }',
      });
    }
  }
  return out;
}

/** A threshold override for a monitor id nothing defines is a typo. */
function unusedOverrides(plan: ProjectPlan): Diagnostic[] {
  return plan.environments.flatMap((env) => {
    const ids = new Set(
      plan.stacks
        .filter((s) => s.env === env)
        .flatMap((s) => s.monitors.map((m) => m.spec.id)),
    );
    return Object.keys(env.thresholds)
      .filter((id) => !ids.has(id))
      .map((id): Diagnostic => {
        const line = env.thresholdLines?.[id]?.line;
        const near = closest(id, [...ids]);
        return {
          level: "error",
          where: line ? `${env.file}:${line}` : env.file,
          check: "threshold-override-unknown",
          path: `thresholds.${id}`,
          message: `expected the id of a monitor in ${env.name}, got ${quote(id)}`,
          hint: near
            ? `did you mean "${near}"?`
            : `known ids: ${[...ids].sort().join(", ")}`,
        };
      });
  });
}

/** No two stacks keep their state in the same place. */
function sharedState(plan: ProjectPlan): Diagnostic[] {
  const owners = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const env of plan.environments) {
    for (const tier of TIERS) {
      const stack = stackName(env, tier);
      const location = stateLocation(env.backend, stack);
      const other = owners.get(location);
      if (other === undefined) {
        owners.set(location, stack);
        continue;
      }
      out.push({
        level: "error",
        where: env.file,
        check: "state-key-shared",
        path: "backend",
        message: `expected a state location of its own for ${stack}, got ${quote(location)} already used by ${other}`,
        hint: "put {stack} in the key, path or workspace",
      });
    }
  }
  return out;
}
