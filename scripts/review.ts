import { reviewOutputs } from "../lib/review/review-outputs.js";
import {
  BAD_INPUT,
  isEntryPoint,
  parseCli,
  reportBadInput,
  writeFileWhole,
} from "./cli.js";
import { consoleReporter, type Reporter, runMain } from "./reporter.js";

const USAGE =
  "npm run review -- --base <cdktf.out> --head <cdktf.out> [--out <file>]";

/**
 * The monitor review: what the pull request changes in who gets paged,
 * with which query and threshold. Markdown goes to stdout, and to
 * `--out` when given (the CI comment reads that file).
 */
export async function review(
  argv: readonly string[],
  reporter: Reporter = consoleReporter,
): Promise<number> {
  const args = parseCli(
    argv,
    {
      base: { type: "string" },
      head: { type: "string" },
      out: { type: "string" },
    },
    USAGE,
    reporter,
  );
  if (!args) return BAD_INPUT;
  const { base, head, out } = args.values;
  if (!base || !head) {
    reporter.err("error: --base and --head are both required");
    reporter.err(`usage: ${USAGE}`);
    return BAD_INPUT;
  }

  const result = reviewOutputs(base, head);
  if (!result.markdown) {
    return reportBadInput(result.diagnostics, reporter);
  }

  if (out) writeFileWhole(out, result.markdown);
  reporter.out(result.markdown.trimEnd());
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  runMain(() => review(process.argv.slice(2)));
}
