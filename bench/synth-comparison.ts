import { renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { compareOutputs } from "./compare-outputs.js";
import { generateProject } from "./generate-project.js";
import {
  type Command,
  nodeCommand,
  type Sample,
  timeProcess,
} from "./measure-process.js";

/** Both sides' samples for one project size. */
export interface SizeResult {
  readonly monitors: number;
  readonly stacks: number;
  readonly ours: readonly Sample[];
  readonly raw: readonly Sample[];
}

/** The two commands of one size, and the folders they write. */
export interface Sides {
  readonly root: string;
  readonly ours: Command;
  readonly raw: Command;
  /** Ours with the checks left out (`bench/synth-unchecked.ts`). */
  readonly unchecked: Command;
  readonly oursOut: string;
  readonly rawOut: string;
}

/**
 * Writes a project of `monitors` monitors under `dir`, plans it through
 * our path and dumps the raw baseline's input (not timed). Returns the
 * two commands to compare: our app and the raw-cdktf baseline.
 */
export function prepareSides(
  dir: string,
  buildDir: string,
  monitors: number,
): Sides & { stacks: number } {
  const project = generateProject(join(dir, "project"), buildDir, {
    monitors,
  });
  const root = project.root;
  const rawJson = join(dir, "raw.json");
  timeProcess(
    nodeCommand(buildDir, "bench/dump-raw-project.js", [root, rawJson], root),
    dir,
  );

  const rawOut = join(root, "raw.out");
  return {
    root,
    stacks: Object.keys(project.monitorsPerStack).length,
    ours: nodeCommand(buildDir, "main.js", [], root),
    raw: nodeCommand(buildDir, "bench/raw-synth.js", [rawJson, rawOut], root),
    unchecked: nodeCommand(buildDir, "bench/synth-unchecked.js", [], root),
    oursOut: join(root, "cdktf.out"),
    rawOut,
  };
}

/**
 * Runs each side once and compares their Terraform JSON; throws on any
 * difference, so the timings below always compare like with like.
 */
export function verifySameOutput(sides: Sides, scratch: string): void {
  runClean(sides.oursOut, sides.ours, scratch);
  runClean(sides.rawOut, sides.raw, scratch);
  const problems = compareOutputs(sides.oursOut, sides.rawOut);
  if (problems.length > 0)
    throw new Error(`ours and raw differ:\n${problems.join("\n")}`);
}

/**
 * Times both sides `runs` times each, alternating, the side that goes
 * first swapping every round. Each run starts without an output folder.
 */
export function timeSides(
  sides: Sides,
  runs: number,
  scratch: string,
): { ours: Sample[]; raw: Sample[] } {
  const ours: Sample[] = [];
  const raw: Sample[] = [];

  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? ["ours", "raw"] : ["raw", "ours"];
    for (const side of order) {
      if (side === "ours")
        ours.push(runClean(sides.oursOut, sides.ours, scratch));
      else raw.push(runClean(sides.rawOut, sides.raw, scratch));
    }
  }
  return { ours, raw };
}

/** Ours with and without the checks, one pair of runs per round. */
export interface CheckCost {
  readonly checked: readonly Sample[];
  readonly unchecked: readonly Sample[];
}

/**
 * Times ours against ours without the checks `runs` times each,
 * alternating like `timeSides`, after checking that both write the same
 * stacks. Both write to the same folder, which each run starts without.
 */
export function timeCheckCost(
  sides: Sides,
  runs: number,
  scratch: string,
): CheckCost {
  const copy = `${sides.rawOut}.checked`;
  runClean(sides.oursOut, sides.ours, scratch);
  rmSync(copy, { recursive: true, force: true });
  renameSync(sides.oursOut, copy);
  runClean(sides.oursOut, sides.unchecked, scratch);
  const problems = compareOutputs(copy, sides.oursOut);
  rmSync(copy, { recursive: true, force: true });
  if (problems.length > 0)
    throw new Error(
      `ours with and without checks differ:\n${problems.join("\n")}`,
    );

  const checked: Sample[] = [];
  const unchecked: Sample[] = [];
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? [true, false] : [false, true];
    for (const withChecks of order) {
      if (withChecks)
        checked.push(runClean(sides.oursOut, sides.ours, scratch));
      else unchecked.push(runClean(sides.oursOut, sides.unchecked, scratch));
    }
  }
  return { checked, unchecked };
}

function runClean(outdir: string, command: Command, scratch: string) {
  rmSync(outdir, { recursive: true, force: true });
  return timeProcess(command, scratch);
}
