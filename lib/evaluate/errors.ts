import { type Diagnostic, formatDiagnostic } from "../model/diagnostic.js";

/** Check ids of the evaluator's errors. */
export type EvaluateCheck =
  /** A construct the evaluator does not model (anomalies, current_1mo...). */
  | "evaluate-unsupported"
  /** A query Datadog itself rejects or gives no meaning to. */
  | "evaluate-query"
  /** Bad sample data: notation, negative minutes, samples on a gauge. */
  | "evaluate-series"
  /** Bad options: a step range that is empty. */
  | "evaluate-options";

/**
 * Every problem that stops an evaluation, found in one pass. The message
 * lists them all, one per line, as `<monitor> [<check>]: <path>: <what>`.
 */
export class EvaluateError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "EvaluateError";
  }
}

/** Collects problems for one monitor, then throws them together. */
export class ProblemList {
  private readonly items: Diagnostic[] = [];

  constructor(private readonly where: string) {}

  add(check: EvaluateCheck, path: string, message: string, hint?: string) {
    this.items.push({
      level: "error",
      where: this.where,
      check,
      path,
      message,
      ...(hint ? { hint } : {}),
    });
  }

  get size(): number {
    return this.items.length;
  }

  /** @throws EvaluateError with the problems so far; call after adding one. */
  fail(): never {
    throw new EvaluateError(this.items);
  }

  /** @throws EvaluateError when any problem was added. */
  throwIfAny(): void {
    if (this.items.length > 0) throw new EvaluateError(this.items);
  }
}
