import { type Diagnostic, formatDiagnostic } from "../lib/model/diagnostic.js";

/** Where entry points write: progress and problems to stderr, results to stdout. */
export interface Reporter {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const consoleReporter: Reporter = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Prints every diagnostic and a one-line count; returns the error count. */
export function reportDiagnostics(
  diagnostics: readonly Diagnostic[],
  reporter: Reporter,
  /** Said after the count when there are errors; commands that never write pass `null`. */
  consequence: string | null = "nothing was written",
): number {
  for (const d of diagnostics)
    reporter.err(`${d.level}: ${formatDiagnostic(d)}`);
  const errors = diagnostics.filter((d) => d.level === "error").length;
  if (errors > 0 && consequence !== null) {
    reporter.err(`${errors} error(s); ${consequence}`);
  }
  return errors;
}

/**
 * Runs an entry point: a user mistake (reported diagnostics) exits 1
 * without a stack trace; anything else is a bug and shows its trace.
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `internal error (a bug, please report it):\n${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}
