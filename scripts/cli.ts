import { renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { type Diagnostic, formatDiagnostic } from "../lib/model/diagnostic.js";
import type { Reporter } from "./reporter.js";

/** Exit code for a user mistake in the command line or the input files. */
export const BAD_INPUT = 2;

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a script's arguments; a mistake prints the problem and the usage
 * line instead of a stack trace, and gives undefined.
 */
export function parseCli<O extends Options>(
  argv: readonly string[],
  options: O,
  usage: string,
  reporter: Reporter,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args: [...argv],
      options,
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    reporter.err(`error: ${reason}`);
    reporter.err(`usage: ${usage}`);
    return undefined;
  }
}

/**
 * Writes a file whole or not at all: a temporary sibling is renamed over
 * the target, so a reader never sees half a file.
 */
export function writeFileWhole(path: string, text: string): void {
  const temp = join(dirname(path), `.${process.pid}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/** Whether a module is the script node was started with (not imported). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(script).href === moduleUrl;
}

/** Prints every input problem and returns the bad-input exit code. */
export function reportBadInput(
  diagnostics: readonly Diagnostic[],
  reporter: Reporter,
): number {
  for (const d of diagnostics) reporter.err(`error: ${formatDiagnostic(d)}`);
  reporter.err(`${diagnostics.length} problem(s) in the input`);
  return BAD_INPUT;
}
