import { readFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  CATALOG_FILE,
  renderMonitorCatalog,
} from "../lib/catalog/monitor-catalog.js";
import { planProject } from "../lib/pipeline.js";
import { BAD_INPUT, isEntryPoint, parseCli, writeFileWhole } from "./cli.js";
import {
  consoleReporter,
  type Reporter,
  reportDiagnostics,
  runMain,
} from "./reporter.js";

const USAGE = "npm run catalog [-- --check]";

/**
 * Writes docs/monitors.md from the checked plan. With `--check` it writes
 * nothing and exits 1 when the committed file is out of date.
 */
export async function catalog(
  argv: readonly string[],
  root = process.cwd(),
  reporter: Reporter = consoleReporter,
): Promise<number> {
  const args = parseCli(argv, { check: { type: "boolean" } }, USAGE, reporter);
  if (!args) return BAD_INPUT;

  const result = await planProject({ root });
  if (reportDiagnostics(result.diagnostics, reporter) > 0) return 1;
  const text = renderMonitorCatalog(result.plan);
  const file = join(root, CATALOG_FILE);

  if (args.values.check) {
    const current = existsSync(file) ? readFileSync(file, "utf8") : "";
    if (current === text) return 0;
    reporter.err(
      `${CATALOG_FILE} is out of date; run npm run catalog and commit it`,
    );
    return 1;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileWhole(file, text);
  reporter.err(`wrote ${CATALOG_FILE}`);
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  runMain(() => catalog(process.argv.slice(2)));
}
