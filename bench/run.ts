import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compileProject } from "./compile-project.js";
import { machineInfo } from "./machine-info.js";
import {
  type Command,
  nodeCommand,
  type Sample,
  timeProcess,
} from "./measure-process.js";
import type { ParseCheckResult } from "./parse-check-rate.js";
import { summarizeProfile } from "./profile-summary.js";
import {
  type BenchResults,
  judgeTargets,
  renderReport,
} from "./render-report.js";
import { replaceSection } from "./report-section.js";
import {
  prepareSides,
  type SizeResult,
  timeCheckCost,
  timeSides,
  verifySameOutput,
} from "./synth-comparison.js";

/**
 * `npm run bench`: synth cost against raw cdktf and how it grows (issue 8),
 * the parse and check rate (issue 3), and the repository's own synth time.
 * Rewrites its section of bench/README.md; see that file for the method.
 *
 *   npm run bench [-- --runs 7 --sizes 100,1000,10000 --dry-run]
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const README = join(repoRoot, "bench/README.md");
const SECTION = "bench:synth";

const log = (line: string) => process.stderr.write(`${line}\n`);

class UsageError extends Error {}

function options(): { runs: number; sizes: number[]; dryRun: boolean } {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "7" },
      sizes: { type: "string", default: "100,1000,10000" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const runs = Number(values.runs);
  const sizes = values.sizes.split(",").map(Number);
  const whole = (n: number) => Number.isInteger(n) && n > 0;

  if (!whole(runs))
    throw new UsageError(
      `--runs: expected a whole number > 0, got "${values.runs}"`,
    );
  if (!sizes.every(whole) || sizes.some((n, i) => i > 0 && n <= sizes[i - 1]!))
    throw new UsageError(
      `--sizes: expected increasing whole numbers > 0, got "${values.sizes}"`,
    );
  return { runs, sizes, dryRun: values["dry-run"] };
}

async function main(): Promise<void> {
  const { runs, sizes, dryRun } = options();
  const started = performance.now();
  const machine = machineInfo();
  const work = mkdtempSync(join(tmpdir(), "gwm-bench-"));

  try {
    const build = join(work, "build");
    log(`compiling the app and the bench into ${build}`);
    await compileProject(repoRoot, build);

    const measured = sizes.map((n) => benchSize(work, build, n, runs));
    const largest = measured.at(-1)!;
    const results: BenchResults = {
      date: new Date()
        .toISOString()
        .replace(/:\d\d\.\d+Z$/, " UTC")
        .replace("T", " "),
      command: ["npm run bench", ...process.argv.slice(2)].join(" "),
      machine,
      runs,
      sizes: measured.map((m) => m.result),
      real: benchRealProject(runs, work),
      checkCost: checkCost(largest, runs),
      parseCheck: parseCheckRate(build, largest.root, runs),
      profiles: measured.map((m) => m.profile),
      loadAfter: Math.round(loadavg()[0]! * 100) / 100,
    };
    report(results, dryRun);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)}s`);
}

function benchSize(
  work: string,
  build: string,
  monitors: number,
  runs: number,
) {
  const dir = join(work, `n${monitors}`);
  mkdirSync(dir);
  log(`${monitors} monitors: generating, checking ours = raw`);
  const sides = prepareSides(dir, build, monitors);
  verifySameOutput(sides, dir);

  log(`${monitors} monitors: timing ${runs} runs per side`);
  const samples = timeSides(sides, runs, dir);
  const result: SizeResult = { monitors, stacks: sides.stacks, ...samples };
  log(
    `${monitors} monitors: ${summary(result.ours)} ours, ${summary(result.raw)} raw`,
  );
  const profiles = {
    monitors,
    ours: profile(sides.ours, join(dir, "profile-ours"), dir),
    raw: profile(sides.raw, join(dir, "profile-raw"), dir),
  };
  return { result, root: sides.root, profile: profiles, sides, dir };
}

/** Issue 3: whole-process synth with and without the checks. */
function checkCost(
  size: ReturnType<typeof benchSize>,
  runs: number,
): BenchResults["checkCost"] {
  const monitors = size.result.monitors;
  log(`${monitors} monitors: timing ours with and without the checks`);
  return { monitors, ...timeCheckCost(size.sides, runs, size.dir) };
}

/** One extra run under `node --cpu-prof`, summarized by package. */
function profile(command: Command, profDir: string, scratch: string) {
  const flags = ["--cpu-prof", `--cpu-prof-dir=${profDir}`];
  timeProcess({ ...command, args: [...flags, ...command.args] }, scratch);
  return summarizeProfile(profDir);
}

function benchRealProject(runs: number, scratch: string): BenchResults["real"] {
  log(
    `this repository: timing npm run synth and npx cdktf synth, ${runs} runs each`,
  );
  // Both tools may phone home for version checks; keep them offline.
  const env = { CHECKPOINT_DISABLE: "1", DISABLE_VERSION_CHECK: "1" };
  const npm: Command = {
    file: "npm",
    args: ["run", "synth"],
    cwd: repoRoot,
    env,
  };
  const cdktf: Command = {
    file: "npx",
    args: ["cdktf", "synth"],
    cwd: repoRoot,
    env,
  };
  const npmSynth: Sample[] = [];
  const cdktfSynth: Sample[] = [];
  timeProcess(npm, scratch); // warms tsx's transpile cache
  for (let i = 0; i < runs; i++) {
    npmSynth.push(timeProcess(npm, scratch));
    cdktfSynth.push(timeProcess(cdktf, scratch));
  }
  return { npmSynth, cdktfSynth };
}

function parseCheckRate(
  build: string,
  root: string,
  runs: number,
): ParseCheckResult {
  log("parse and check rate on the largest project");
  const script = "bench/parse-check-rate.js";
  const command = nodeCommand(build, script, [root, String(runs)], root);
  const run = spawnSync(command.file, [...command.args], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0)
    throw new Error(`parse-check-rate failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ParseCheckResult;
}

function report(results: BenchResults, dryRun: boolean): void {
  const body = renderReport(results);
  for (const t of judgeTargets(results))
    log(`${t.met ? "met   " : "MISSED"} ${t.target}: ${t.measured}`);
  if (dryRun) {
    process.stdout.write(`${body}\n`);
    return;
  }
  const before = readFileSync(README, "utf8");
  writeFileSync(README, replaceSection(before, SECTION, body));
  // The repository checks formatting; align the tables as prettier does.
  const prettier = join(repoRoot, "node_modules/.bin/prettier");
  spawnSync(prettier, ["--write", README], { stdio: "ignore" });
  log(`wrote the results into ${README}`);
}

function summary(samples: readonly Sample[]): string {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return `${(sorted[sorted.length >> 1]! / 1000).toFixed(2)}s`;
}

main().catch((error: unknown) => {
  if (
    error instanceof UsageError ||
    (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
  )
    log(`bench: ${(error as Error).message}`);
  else
    log(
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  process.exitCode = 1;
});
