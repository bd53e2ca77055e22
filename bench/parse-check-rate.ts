import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { planProject } from "../lib/pipeline.js";
import { queryText } from "../lib/render/monitor-config.js";
import { validatePlan } from "../lib/validate/index.js";
import type { ProjectPlan } from "../lib/plan.js";

/** What `parse-check-rate` prints as JSON on stdout. */
export interface ParseCheckResult {
  readonly monitors: number;
  /** Each run of `validatePlan` over the whole plan, milliseconds. */
  readonly checkMs: readonly number[];
  /** Each run of `parseQuery` over every query; absent without a parser. */
  readonly parseMs?: readonly number[];
  /** Queries the parser rejected (the bench's are all valid). */
  readonly parseFailures?: number;
}

type Parse = (text: string, type?: string) => unknown;

/**
 * Child process of the bench: plans the project in `<root>`, then times
 * the checks (`validatePlan`) and, when `lib/query/parse.ts` exists, the
 * query parser alone, `<runs>` times each, in one warm process.
 *
 *   node <build>/bench/parse-check-rate.js <root> <runs>
 */
async function main(root: string, runs: number): Promise<ParseCheckResult> {
  const { plan } = await planProject({ root });
  const monitors = plan.stacks.reduce((n, s) => n + s.monitors.length, 0);
  const checkMs = repeat(runs, () => validatePlan(plan));

  const parse = await loadParser();
  if (!parse) return { monitors, checkMs };
  let parseFailures = 0;
  const parseMs = repeat(runs, () => {
    parseFailures = parseAll(plan, parse);
  });
  return { monitors, checkMs, parseMs, parseFailures };
}

/**
 * The query parser, once `lib/query/parse.ts` (issue 3) is merged; until
 * then the bench measures the checks alone and says so in the report.
 */
// TODO(#3): import parseQuery statically; remove this lookup when
// lib/query/parse.ts is on main.
async function loadParser(): Promise<Parse | undefined> {
  const url = new URL("../lib/query/parse.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const module = (await import(url.href)) as { parseQuery?: unknown };
  if (typeof module.parseQuery !== "function")
    throw new Error("lib/query/parse.ts exports no parseQuery function");
  return module.parseQuery as Parse;
}

function parseAll(plan: ProjectPlan, parse: Parse): number {
  let failures = 0;
  for (const stack of plan.stacks) {
    for (const { spec } of stack.monitors) {
      try {
        const result = parse(queryText(spec), spec.type) as
          { ok?: boolean; errors?: unknown[] } | undefined;
        if (result?.ok === false || (result?.errors?.length ?? 0) > 0)
          failures++;
      } catch {
        failures++;
      }
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
