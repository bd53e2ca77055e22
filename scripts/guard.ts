import { guardPlan } from "../lib/guard/guard-plan.js";
import {
  type AllowEntry,
  readAllowList,
} from "../lib/guard/read-allow-list.js";
import { readPlan } from "../lib/guard/read-plan.js";
import { renderGuardReport } from "../lib/guard/render-guard-report.js";
import { BAD_INPUT, isEntryPoint, parseCli, reportBadInput } from "./cli.js";
import { consoleReporter, type Reporter, runMain } from "./reporter.js";

const USAGE =
  "npm run guard -- <plan.json> [--allow <file>] [--max-destroy N] [--stack <name>]";

/** Unlisted destroys a plan may carry when `--max-destroy` is not given. */
export const DEFAULT_MAX_DESTROY = 5;

/**
 * The plan guard, run on `terraform show -json <planfile>` before every
 * apply. Exit 0: go ahead; 1: blocked (the report says what and how to
 * allow it); 2: the input could not be read.
 */
export async function guard(
  argv: readonly string[],
  reporter: Reporter = consoleReporter,
): Promise<number> {
  const args = parseCli(
    argv,
    {
      allow: { type: "string" },
      "max-destroy": { type: "string" },
      stack: { type: "string" },
    },
    USAGE,
    reporter,
    true,
  );
  if (!args) return BAD_INPUT;
  const [planFile, ...extra] = args.positionals;
  const limit = args.values["max-destroy"] ?? String(DEFAULT_MAX_DESTROY);
  const usage = (message: string) => {
    reporter.err(`error: ${message}`);
    reporter.err(`usage: ${USAGE}`);
    return BAD_INPUT;
  };
  if (!planFile || extra.length) return usage("expected exactly one plan file");
  if (!/^\d+$/.test(limit)) {
    return usage(
      `--max-destroy: expected a whole number, got ${JSON.stringify(limit)}`,
    );
  }

  const plan = readPlan(planFile);
  const allow = args.values.allow
    ? readAllowList(args.values.allow)
    : undefined;
  const problems = [...plan.diagnostics, ...(allow?.diagnostics ?? [])];
  if (!plan.value || problems.length) {
    return reportBadInput(problems, reporter);
  }

  const stack = args.values.stack;
  const options = {
    maxDestroy: Number(limit),
    allow: allow?.value ?? ([] as AllowEntry[]),
    ...(stack ? { stack } : {}),
  };
  const result = guardPlan(plan.value, options);
  reporter.out(
    renderGuardReport(result, {
      planFile,
      maxDestroy: options.maxDestroy,
      ...(stack ? { stack } : {}),
      ...(args.values.allow ? { allowFile: args.values.allow } : {}),
    }).trimEnd(),
  );
  return result.ok ? 0 : 1;
}

if (isEntryPoint(import.meta.url)) {
  runMain(() => guard(process.argv.slice(2)));
}
