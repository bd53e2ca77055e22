import { join } from "node:path";
import { buildPlan } from "../lib/build.js";
import { loadEnvironments } from "../lib/config/load-environments.js";
import { loadDefinitions } from "../lib/registry.js";
import { synthesize } from "../lib/render/app.js";

/**
 * Our synth with the checks left out, to measure what checking costs
 * (issue 3): the same steps as `main.ts` through `planProject` (config
 * load, monitor discovery, factories, render, synth) except
 * `validatePlan`, whose modules, the query parser among them, are then
 * never loaded either. Run in a project folder, like `main.js`.
 *
 *   node <build>/bench/synth-unchecked.js
 */
async function main(root: string): Promise<void> {
  const envs = loadEnvironments(join(root, "config/environments"), root);
  const monitors = await loadDefinitions(
    join(root, "monitors"),
    "monitor",
    root,
  );
  const dashboards = await loadDefinitions(
    join(root, "dashboards"),
    "dashboard",
    root,
  );
  const built = buildPlan(envs.value, monitors.value, dashboards.value);

  // The bench's projects are valid; a problem here is a broken bench.
  const problems = [
    ...envs.diagnostics,
    ...monitors.diagnostics,
    ...dashboards.diagnostics,
    ...built.diagnostics,
  ].filter((d) => d.level === "error");
  if (problems.length > 0)
    throw new Error(`the project does not build: ${problems[0]!.message}`);

  const app = synthesize(built.plan);
  for (const stack of built.plan.stacks)
    process.stderr.write(
      `synth ${stack.name}: ${stack.monitors.length} monitors, ` +
        `${stack.dashboards.length} dashboards\n`,
    );
  process.stderr.write(`wrote ${app.outdir}\n`);
}

await main(process.cwd());
