import { z } from "zod";
import { describeIssues, type SchemaProblem } from "../config/zod-issues.js";
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
export const thresholdsOption: z.ZodType<Thresholds> = z.strictObject({
  critical: z.number(),
  warning: z.number().optional(),
  criticalRecovery: z.number().optional(),
  warningRecovery: z.number().optional(),
});

/** A whole number of minutes, at least 1. */
export const minutesOption = z.number().int().min(1);

/** An oncall priority before clamping, 1 (highest) to 5. */
export const priorityOption = z.number().int().min(1).max(5);

/** The options every factory takes: see `MonitorInstance`. */
const instanceShape = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected kebab-case (a-z, 0-9, -)")
    .optional(),
  name: z.string().min(1).optional(),
  runbook: z.string().min(1).optional(),
};

/**
 * The schema of a factory's options: its own fields plus the instance
 * options every factory takes. Unknown keys are errors: TypeScript does
 * not run at synth, so a misspelt option would otherwise be ignored.
 */
export function optionsSchema<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({ ...instanceShape, ...shape });
}

/**
 * Checks a factory's options at run time and returns them. Every problem
 * (unknown option, missing or wrongly typed one) is collected into one
 * `FactoryOptionsError`.
 */
export function factoryOptions<T extends MonitorInstance>(
  factory: string,
  schema: z.ZodType<T>,
  params: unknown,
): T {
  const input = params ?? {};
  const parsed = schema.safeParse(input);
  if (parsed.success) return input as T;
  throw new FactoryOptionsError(
    factory,
    describeIssues(parsed.error.issues, input, schema),
  );
}
