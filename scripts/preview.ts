import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { previewFiles } from "../lib/dashboards/preview-html.js";
import { planProject } from "../lib/pipeline.js";
import {
  consoleReporter,
  type Reporter,
  reportDiagnostics,
  runMain,
} from "./reporter.js";

/**
 * `npm run preview [-- --out <dir>]`: writes a static HTML page per
 * dashboard and an index to `preview/` (gitignored). Runs every check
 * first; on any error it writes nothing. The pages are written to a
 * temporary folder that replaces the old one only when complete.
 */
export async function writePreview(
  root: string,
  outDir: string,
  reporter: Reporter,
): Promise<number> {
  const result = await planProject({ root });
  if (reportDiagnostics(result.diagnostics, reporter) > 0) return 1;

  const files = previewFiles(result.plan);
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.html);
    }
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }

  reporter.err(
    `preview: ${files.length - 1} dashboards, open ${join(outDir, "index.html")}`,
  );
  return 0;
}

function outArgument(argv: readonly string[]): string {
  const at = argv.indexOf("--out");
  return resolve(at >= 0 && argv[at + 1] ? argv[at + 1]! : "preview");
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === resolve(import.meta.filename)
) {
  runMain(() =>
    writePreview(process.cwd(), outArgument(process.argv), consoleReporter),
  );
}
