import {
  number,
  object,
  optional,
  safeParse,
  type Schema,
  type SchemaProblem,
  string,
} from "../config/schema-kit.js";
import type { Thresholds } from "../model/monitor.js";
import type { MonitorInstance } from "./common.js";

/**
 * A factory's options did not fit its schema. Thrown by `factoryOptions`
 * and turned into one diagnostic per problem where the definition is built
 * (lib/build.ts), so the user sees the file and the option, not a trace.
 */
export class FactoryOptionsError extends Error {
  constructor(
    readonly factory: string,
    readonly problems: readonly SchemaProblem[],
    /** The monitor id the options ask for, when they name one. */
    readonly monitorId?: string,
  ) {
    super(
      `${factory}: ${problems.map((p) => `options.${p.path.join(".")}: ${p.message}`).join("; ")}`,
    );
    this.name = "FactoryOptionsError";
  }
}

/**
 * Whether an error is a `FactoryOptionsError`. Checked by shape, not
 * `instanceof`: tsx may load a definition's imports as a second copy of
 * this module, whose class is a different object.
 */
export function isFactoryOptionsError(
  error: unknown,
): error is FactoryOptionsError {
  return (
    error instanceof Error &&
    error.name === "FactoryOptionsError" &&
    Array.isArray((error as { problems?: unknown }).problems)
  );
}

/** Thresholds as a factory option: `critical` and the optional others. */
export const thresholdsOption: Schema<Thresholds> = object({
  critical: number(),
  warning: optional(number()),
  criticalRecovery: optional(number()),
  warningRecovery: optional(number()),
});

/** A whole number of minutes, at least 1. */
export const minutesOption = number({ int: true, min: 1 });

/** An oncall priority before clamping, 1 (highest) to 5. */
export const priorityOption = number({ int: true, min: 1, max: 5 });

/** The options every factory takes: see `MonitorInstance`. */
const instanceShape = {
  id: optional(
    string({
      pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
      means: "kebab-case (a-z, 0-9, -)",
    }),
  ),
  name: optional(string({ minLength: 1 })),
  runbook: optional(string({ minLength: 1 })),
};

/**
 * The schema of a factory's options: its own fields plus the instance
 * options every factory takes. Unknown keys are errors: TypeScript does
 * not run at synth, so a misspelt option would otherwise be ignored.
 */
export function optionsSchema<S extends Record<string, Schema<unknown>>>(
  shape: S,
) {
  return object({ ...instanceShape, ...shape });
}

/**
 * Checks a factory's options at run time and returns them. Every problem
 * (unknown option, missing or wrongly typed one) is collected into one
 * `FactoryOptionsError`.
 */
export function factoryOptions<T extends MonitorInstance>(
  factory: string,
  schema: Schema<T>,
  params: unknown,
): T {
  const input = params ?? {};
  const parsed = safeParse(schema, input);
  if (parsed.success) return input as T;
  const id = (input as { id?: unknown }).id;
  throw new FactoryOptionsError(
    factory,
    parsed.problems,
    typeof id === "string" ? id : undefined,
  );
}
