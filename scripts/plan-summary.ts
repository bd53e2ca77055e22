import { guardPlan } from "../lib/guard/guard-plan.js";
import { readPlan } from "../lib/guard/read-plan.js";
import { renderPlanSummary } from "../lib/guard/render-guard-report.js";
import { BAD_INPUT, isEntryPoint, parseCli, reportBadInput } from "./cli.js";
import { consoleReporter, type Reporter, runMain } from "./reporter.js";

const USAGE = "npm run plan-summary -- <plan.json> [--title <text>]";

/**
 * A plan as a short Markdown table for CI job summaries and drift
 * reports: what each change does, and which attributes an update touches.
 */
export async function planSummary(
  argv: readonly string[],
  reporter: Reporter = consoleReporter,
): Promise<number> {
  const args = parseCli(
    argv,
    { title: { type: "string" } },
    USAGE,
    reporter,
    true,
  );
  if (!args) return BAD_INPUT;
  const [planFile, ...extra] = args.positionals;
  if (!planFile || extra.length) {
    reporter.err("error: expected exactly one plan file");
    reporter.err(`usage: ${USAGE}`);
    return BAD_INPUT;
  }

  const plan = readPlan(planFile);
  if (!plan.value) {
    return reportBadInput(plan.diagnostics, reporter);
  }
  const { counts } = guardPlan(plan.value, { maxDestroy: Infinity, allow: [] });
  const title = args.values.title ?? `Plan: ${planFile}`;
  reporter.out(renderPlanSummary(plan.value, title, counts).trimEnd());
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  runMain(() => planSummary(process.argv.slice(2)));
}
