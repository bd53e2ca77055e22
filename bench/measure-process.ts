import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** One timed run of a whole process. */
export interface Sample {
  /** Wall time from spawn to exit, milliseconds. */
  readonly ms: number;
  /** Peak RSS in kB, when the process reported it (see `usage-probe`). */
  readonly rssKb?: number;
  /** User + system CPU time in ms, when the process reported it. */
  readonly cpuMs?: number;
}

/** A command to time: program, arguments, working folder, environment. */
export interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * A `node` command that runs `script` from the compiled build with the
 * usage probe preloaded; `flags` go to node before the script.
 */
export function nodeCommand(
  buildDir: string,
  script: string,
  args: readonly string[],
  cwd: string,
  flags: readonly string[] = [],
): Command {
  const probe = pathToFileURL(join(buildDir, "bench/fixture/usage-probe.js"));
  return {
    file: process.execPath,
    args: ["--import", probe.href, ...flags, join(buildDir, script), ...args],
    cwd,
  };
}

/**
 * Runs a command to completion and times it. A non-zero exit throws with
 * the command's stderr, so a broken run never becomes a number.
 */
export function timeProcess(command: Command, scratch: string): Sample {
  const usageFile = join(scratch, "usage.json");
  rmSync(usageFile, { force: true });

  const started = performance.now();
  const run = spawnSync(command.file, [...command.args], {
    cwd: command.cwd,
    env: { ...process.env, ...command.env, BENCH_USAGE_FILE: usageFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;

  if (run.status !== 0) {
    const shown = [command.file, ...command.args].join(" ");
    throw new Error(
      `${shown} exited with ${run.status ?? run.signal}:\n${run.stderr}${run.error ?? ""}`,
    );
  }
  if (!existsSync(usageFile)) return { ms };
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as {
    maxRssKb: number;
    cpuUs: number;
  };
  return { ms, rssKb: usage.maxRssKb, cpuMs: usage.cpuUs / 1000 };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
