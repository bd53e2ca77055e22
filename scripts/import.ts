import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { format } from "prettier";
import { loadEnvironments } from "../lib/config/load-environments.js";
import { planImport, type PlannedFile } from "../lib/import/plan-import.js";
import { TIERS, type Tier } from "../lib/model/environment.js";
import { BAD_INPUT, isEntryPoint, parseCli, writeFileWhole } from "./cli.js";
import {
  consoleReporter,
  type Reporter,
  reportDiagnostics,
  runMain,
} from "./reporter.js";

const USAGE =
  "npm run import -- <monitors.json> [--env <env>] [--tier oncall|dev] [--force]";

/**
 * Turns monitors exported from Datadog into `monitors/<id>.ts` files that
 * adopt them in place (see README, "Adopt monitors made in the Datadog
 * UI"). Every problem in the input is reported and nothing is written
 * unless every monitor converts; existing files stay unless `--force`.
 */
export async function importMonitors(
  argv: readonly string[],
  root = process.cwd(),
  reporter: Reporter = consoleReporter,
): Promise<number> {
  const args = parseCli(
    argv,
    {
      env: { type: "string" },
      tier: { type: "string" },
      force: { type: "boolean" },
    },
    USAGE,
    reporter,
    true,
  );
  if (!args) return BAD_INPUT;
  const [input, ...extra] = args.positionals;
  const tier = args.values.tier;
  const usage = (problem: string) => {
    reporter.err(`error: ${problem}`);
    reporter.err(`usage: ${USAGE}`);
    return BAD_INPUT;
  };
  if (input === undefined || extra.length) {
    return usage("expected exactly one input file");
  }
  if (tier !== undefined && !(TIERS as readonly string[]).includes(tier)) {
    return usage(`--tier: expected oncall or dev, got "${tier}"`);
  }

  const path = resolve(root, input);
  const file = relative(root, path) || input;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "unreadable";
    reporter.err(`error: ${file}: expected a readable file, got ${code}`);
    return BAD_INPUT;
  }
  const envs = loadEnvironments(join(root, "config/environments"), root);
  if (reportDiagnostics(envs.diagnostics, reporter) > 0) return BAD_INPUT;

  const plan = planImport({
    file,
    text,
    environments: envs.value,
    ...(args.values.env !== undefined ? { env: args.values.env } : {}),
    ...(tier !== undefined ? { tier: tier as Tier } : {}),
    monitorsDir: "monitors",
    exists: (p) => existsSync(join(root, p)),
    force: args.values.force ?? false,
  });
  if (reportDiagnostics(plan.diagnostics, reporter) > 0) return BAD_INPUT;

  // Format everything before writing anything, so a formatter failure
  // cannot leave half the files behind.
  const formatted = await Promise.all(
    plan.files.map(async (f) => ({
      ...f,
      text: await format(f.text, { parser: "typescript" }),
    })),
  );
  mkdirSync(join(root, "monitors"), { recursive: true });
  for (const f of formatted) writeFileWhole(join(root, f.path), f.text);
  for (const f of formatted) reporter.out(summary(f));
  reporter.err(
    `wrote ${formatted.length} file(s); next: npm run check, then npm run synth`,
  );
  return 0;
}

function summary(f: PlannedFile): string {
  const adopt =
    f.importId !== undefined && f.adoptIn
      ? `adopts ${f.importId} in ${f.adoptIn}`
      : "creates a new monitor";
  const todos = f.todos.length ? `, TODO: ${f.todos.join(", ")}` : "";
  const made = f.factory ? `${f.factory}(...)` : "raw fields";
  return `wrote ${f.path} (${f.tier}, ${made}, ${adopt}${todos})`;
}

if (isEntryPoint(import.meta.url)) {
  runMain(() => importMonitors(process.argv.slice(2)));
}
