import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, quote } from "../model/diagnostic.js";

/** One stack's synthesized Terraform JSON. */
export interface SynthStack {
  /** The stack folder name, e.g. `mainnet-prod-oncall`. */
  readonly name: string;
  /** The `cdk.tf.json` path, as given plus the relative part. */
  readonly file: string;
  /** The parsed JSON document. */
  readonly json: Readonly<Record<string, unknown>>;
}

/** A whole `cdktf.out` folder: every stack, sorted by name. */
export interface SynthOutput {
  readonly dir: string;
  readonly stacks: readonly SynthStack[];
}

/**
 * Reads every `stacks/<stack>/cdk.tf.json` under a synth output folder.
 * Only the files are read, not the manifest, so any two outputs compare,
 * whichever branch or tool version wrote them. Every problem is reported;
 * stacks that read fine are still returned.
 */
export function readSynthOutput(dir: string): {
  value: SynthOutput;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const stacks: SynthStack[] = [];
  const problem = (where: string, path: string, message: string) =>
    diagnostics.push({
      level: "error",
      where,
      check: "synth-output",
      path,
      message,
    });

  const stacksDir = join(dir, "stacks");
  if (!isDirectory(dir)) {
    problem(dir, "", "expected a synth output folder, got nothing there");
    return { value: { dir, stacks }, diagnostics };
  }
  if (!isDirectory(stacksDir)) {
    problem(
      dir,
      "stacks",
      "expected a folder of stacks, got none; run npm run synth",
    );
    return { value: { dir, stacks }, diagnostics };
  }

  for (const name of readdirSync(stacksDir).sort()) {
    if (!isDirectory(join(stacksDir, name))) continue;
    const file = join(stacksDir, name, "cdk.tf.json");
    if (!existsSync(file)) {
      problem(
        join(stacksDir, name),
        "cdk.tf.json",
        "expected a file, got none",
      );
      continue;
    }
    const json = parseObject(file, problem);
    if (json) stacks.push({ name, file, json });
  }
  return { value: { dir, stacks }, diagnostics };
}

function parseObject(
  file: string,
  problem: (where: string, path: string, message: string) => void,
): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problem(file, "", `expected JSON, got a parse error: ${reason}`);
    return undefined;
  }
  if (!isRecord(parsed)) {
    problem(file, "", `expected a JSON object, got ${quote(parsed)}`);
    return undefined;
  }
  return parsed;
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Whether a value is a plain JSON object (not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
