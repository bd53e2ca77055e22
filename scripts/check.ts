import { planProject } from "../lib/pipeline.js";
import { checksMarkdown } from "../lib/validate/check-list.js";
import { MONITOR_CHECKS } from "../lib/validate/index.js";
import { consoleReporter, reportDiagnostics, runMain } from "./reporter.js";

/**
 * Runs every check on the whole project and writes nothing:
 *
 *   npm run check             problems on stderr, a summary on stdout;
 *                             exit 1 on any error
 *   npm run check -- --list   the list of checks, as in the README
 */
async function main(): Promise<number> {
  const reporter = consoleReporter;
  if (process.argv.includes("--list")) {
    reporter.out(checksMarkdown());
    return 0;
  }

  const started = performance.now();
  const result = await planProject({ root: process.cwd() });
  const errors = reportDiagnostics(result.diagnostics, reporter);

  const monitors = result.plan.stacks.reduce(
    (n, s) => n + s.monitors.length,
    0,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const warnings = result.diagnostics.length - errors;
  reporter.out(
    `checked ${monitors} monitors in ${result.plan.stacks.length} stacks` +
      ` with ${MONITOR_CHECKS.length} checks each: ${errors} error(s),` +
      ` ${warnings} warning(s) in ${seconds}s`,
  );
  return errors > 0 ? 1 : 0;
}

runMain(main);
