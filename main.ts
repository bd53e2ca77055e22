import { planProject } from "./lib/pipeline.js";
import { plural } from "./lib/model/plural.js";
import { synthesize } from "./lib/render/app.js";
import { BAD_INPUT, parseCli } from "./scripts/cli.js";
import {
  consoleReporter,
  reportDiagnostics,
  runMain,
} from "./scripts/reporter.js";

const USAGE = "npm run synth [-- --bootstrap]";

/**
 * The app: every environment × tier becomes a stack. Checks run first; any
 * error stops the run before a single file is written.
 *
 *   npm run synth                   all stacks into cdktf.out/
 *   npm run synth -- --bootstrap    also the state-bootstrap stack
 *   npx cdktf synth|plan|deploy <stack>   the same app through cdktf-cli
 *     (set SYNTH_STATE_BOOTSTRAP=1 to include the bootstrap stack there)
 */
async function main(): Promise<number> {
  const started = performance.now();
  // cdktf-cli shows everything the app writes to stderr as "[ERROR]";
  // under it, progress goes to stdout. Problems stay on stderr.
  const underCli = process.env.CDKTF_OUTDIR !== undefined;
  const progress = underCli ? consoleReporter.out : consoleReporter.err;
  const reporter = consoleReporter;
  const args = parseCli(
    process.argv.slice(2),
    { bootstrap: { type: "boolean" } },
    USAGE,
    reporter,
  );
  if (!args) return BAD_INPUT;
  const bootstrap =
    args.values.bootstrap === true || process.env.SYNTH_STATE_BOOTSTRAP === "1";

  const result = await planProject({ root: process.cwd() });
  if (reportDiagnostics(result.diagnostics, reporter) > 0) return 1;

  // The AWS provider bindings load only when asked for: they cost every
  // other synth about 20 ms and 6 MB (bench/README.md).
  const bootstrapModule = bootstrap
    ? await import("./backends/state-bootstrap.js")
    : undefined;
  const app = synthesize(result.plan, {
    ...(bootstrapModule
      ? {
          extraStacks: (a) =>
            bootstrapModule.stateBootstrapStack(a, result.plan.environments),
        }
      : {}),
  });

  for (const stack of result.plan.stacks) {
    progress(
      `synth ${stack.name}: ${plural(stack.monitors.length, "monitor")}, ` +
        plural(stack.dashboards.length, "dashboard"),
    );
  }
  if (bootstrapModule) {
    const { BOOTSTRAP_STACK, stateStores } = bootstrapModule;
    const stores = stateStores(result.plan.environments);
    const tables = stores.reduce((n, s) => n + s.lockTables.size, 0);
    progress(
      `synth ${BOOTSTRAP_STACK}: ${plural(stores.length, "state bucket")}, ` +
        plural(tables, "lock table"),
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  progress(`wrote ${app.outdir} in ${seconds}s`);
  return 0;
}

runMain(main);
