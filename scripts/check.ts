import { planProject } from "../lib/pipeline.js";
import { checksMarkdown } from "../lib/validate/check-list.js";
import { MONITOR_CHECKS } from "../lib/validate/index.js";
import { BAD_INPUT, parseCli } from "./cli.js";
import { consoleReporter, reportDiagnostics, runMain } from "./reporter.js";

const USAGE = "npm run check [-- --list]";

/**
 * Runs every check on the whole project and writes nothing:
 *
 *   npm run check             problems on stderr, a summary on stdout;
 *                             exit 1 on any error
 *   npm run check -- --list   the list of checks, as in the README
 */
async function main(): Promise<number> {
  const reporter = consoleReporter;
  const args = parseCli(
    process.argv.slice(2),
    { list: { type: "boolean" } },
    USAGE,
    reporter,
  );
  if (!args) return BAD_INPUT;
  if (args.values.list) {
    reporter.out(checksMarkdown());
    return 0;
  }

  const started = performance.now();
  const result = await planProject({ root: process.cwd() });
  const errors = reportDiagnostics(result.diagnostics, reporter, null);

  const monitors = result.plan.stacks.reduce(
    (n, s) => n + s.monitors.length,
    0,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const warnings = result.diagnostics.length - errors;
  reporter.out(
    `checked ${monitors} monitors in ${result.plan.stacks.length} stacks` +
      ` with ${MONITOR_CHECKS.length} checks each: ${errors} error(s),` +
      ` ${warnings} warning(s) in ${seconds}s` +
      skipped(result.skippedEnvironmentFiles),
  );
  return errors > 0 ? 1 : 0;
}

/**
 * An environment file with errors is not loaded, so its stacks are not
 * built or checked; the summary says so rather than look complete.
 */
function skipped(files: readonly string[]): string {
  return files.length === 0
    ? ""
    : `; not built or checked until their errors are fixed: ${files.join(", ")}`;
}

runMain(main);
