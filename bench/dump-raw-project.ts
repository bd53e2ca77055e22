import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { apiUrl } from "../lib/model/environment.js";
import { formatDiagnostic } from "../lib/model/diagnostic.js";
import { fillStack } from "../backends/state-location.js";
import { planProject } from "../lib/pipeline.js";
import { monitorAttributes } from "../lib/render/monitor-config.js";
import type { RawProject, RawStack } from "./raw-project.js";

/**
 * Child process of the bench: plans the project in `<root>` through our
 * full path (config, factories, checks) and writes what the raw-cdktf
 * baseline needs to build the same resources to `<out.json>`.
 *
 *   node <build>/bench/dump-raw-project.js <root> <out.json>
 */
async function main(root: string, out: string): Promise<number> {
  const result = await planProject({ root });
  if (!result.ok) {
    for (const d of result.diagnostics)
      process.stderr.write(`${formatDiagnostic(d)}\n`);
    return 1;
  }

  const stacks = result.plan.stacks.map((stack): RawStack => {
    const backend = stack.env.backend;
    if (backend.type !== "local")
      throw new Error(`${stack.name}: the bench supports local state only`);
    return {
      name: stack.name,
      apiUrl: apiUrl(stack.env.datadog.site),
      // configureBackend writes relative paths from the stack's folder.
      backendPath: `../../../${fillStack(backend.path, stack.name)}`,
      monitors: stack.monitors.map(({ spec }) => ({
        id: spec.id,
        config: monitorAttributes(spec),
        ...(spec.extraOptions ? { overrides: spec.extraOptions } : {}),
        ...(spec.importId !== undefined
          ? { importId: String(spec.importId) }
          : {}),
      })),
    };
  });

  const project: RawProject = { stacks };
  writeFileSync(out, JSON.stringify(project));
  return 0;
}

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  process.stderr.write("usage: dump-raw-project <root> <out.json>\n");
  process.exitCode = 2;
} else {
  process.exitCode = await main(resolve(root), resolve(out));
}
