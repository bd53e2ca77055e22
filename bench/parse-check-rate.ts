import { resolve } from "node:path";
import { planProject } from "../lib/pipeline.js";
import { parseQuery } from "../lib/query/parse.js";
import { queryText } from "../lib/render/monitor-config.js";
import { validatePlan } from "../lib/validate/index.js";
import type { ProjectPlan } from "../lib/plan.js";

/** What `parse-check-rate` prints as JSON on stdout. */
export interface ParseCheckResult {
  readonly monitors: number;
  /** Each run of `validatePlan` over the whole plan, milliseconds. */
  readonly checkMs: readonly number[];
  /** Each run of `parseQuery` over every query, milliseconds. */
  readonly parseMs: readonly number[];
  /** Queries the parser rejected (the bench's are all valid). */
  readonly parseFailures: number;
}

/**
 * Child process of the bench: plans the project in `<root>`, then times
 * the checks (`validatePlan`) and the query parser alone (`parseQuery` on
 * every monitor's query), `<runs>` times each, in one warm process.
 *
 *   node <build>/bench/parse-check-rate.js <root> <runs>
 */
async function main(root: string, runs: number): Promise<ParseCheckResult> {
  const { plan } = await planProject({ root });
  const monitors = plan.stacks.reduce((n, s) => n + s.monitors.length, 0);
  const checkMs = repeat(runs, () => validatePlan(plan));

  let parseFailures = 0;
  const parseMs = repeat(runs, () => {
    parseFailures = parseAll(plan);
  });
  return { monitors, checkMs, parseMs, parseFailures };
}

function parseAll(plan: ProjectPlan): number {
  let failures = 0;
  for (const stack of plan.stacks) {
    for (const { spec } of stack.monitors) {
      if (!parseQuery(spec.type, queryText(spec)).ok) failures++;
    }
  }
  return failures;
}

function repeat(runs: number, work: () => unknown): number[] {
  return Array.from({ length: runs }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
}

const [root, runs] = process.argv.slice(2);
if (!root) {
  process.stderr.write("usage: parse-check-rate <root> [runs]\n");
  process.exitCode = 2;
} else {
  const result = await main(resolve(root), Number(runs ?? 5));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
