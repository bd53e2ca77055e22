import { truncateReview } from "../lib/review/render-review.js";
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
  "npm run review -- --base <cdktf.out> --head <cdktf.out>" +
  " [--out <file> [--out-limit <chars>]]";

/**
 * The monitor review: what the pull request changes in who gets paged,
 * with which query and threshold. Markdown goes to stdout, and to
 * `--out` when given (the CI comment reads that file), shortened to
 * `--out-limit` characters when that is given.
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
      "out-limit": { type: "string" },
    },
    USAGE,
    reporter,
  );
  if (!args) return BAD_INPUT;
  const { base, head, out } = args.values;
  const limit = args.values["out-limit"];
  const usage = (message: string) => {
    reporter.err(`error: ${message}`);
    reporter.err(`usage: ${USAGE}`);
    return BAD_INPUT;
  };
  if (!base || !head) return usage("--base and --head are both required");
  if (limit !== undefined && !/^[1-9]\d*$/.test(limit)) {
    return usage(
      `--out-limit: expected a whole number, got ${JSON.stringify(limit)}`,
    );
  }

  const result = reviewOutputs(base, head);
  if (!result.markdown) {
    return reportBadInput(result.diagnostics, reporter);
  }

  if (out) {
    const text = limit
      ? truncateReview(result.markdown, Number(limit))
      : result.markdown;
    writeFileWhole(out, text);
  }
  reporter.out(result.markdown.trimEnd());
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  runMain(() => review(process.argv.slice(2)));
}
