import type { z } from "zod";
import { quote } from "../model/diagnostic.js";

/** One schema problem, phrased `expected <what>, got <value>`. */
export interface SchemaProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly hint?: string;
}

/**
 * Turns zod issues into our phrasing. Zod's own messages ("Invalid input:
 * expected number, received string") name the type but not the value, and
 * report unknown keys on the parent object; a person wants the bad value
 * and the key itself.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  schema: z.ZodType,
): SchemaProblem[] {
  return issues.flatMap((issue) => describeIssue(issue, input, schema));
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  schema: z.ZodType,
): SchemaProblem[] {
  const path = issue.path;
  const got = quote(valueAt(input, path));

  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => {
        const known = knownKeys(schema, path);
        const near = closest(key, known);
        return {
          path: [...path, key],
          message: `unknown key; expected one of ${known.join(", ")}`,
          ...(near ? { hint: `did you mean "${near}"?` } : {}),
        };
      });
    case "invalid_type":
      return [
        { path, message: `expected ${article(issue.expected)}, got ${got}` },
      ];
    case "invalid_value": {
      const value = valueAt(input, path);
      const near =
        typeof value === "string"
          ? closest(value, issue.values.map(String))
          : undefined;
      return [
        {
          path,
          message: `expected one of ${issue.values.map(String).join(", ")}, got ${got}`,
          ...(near ? { hint: `did you mean "${near}"?` } : {}),
        },
      ];
    }
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      const what = options
        ? `one of ${options.map(String).join(", ")}`
        : "a valid value";
      return [{ path, message: `expected ${what}, got ${got}` }];
    }
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const op =
        issue.code === "too_small"
          ? issue.inclusive
            ? ">="
            : ">"
          : issue.inclusive
            ? "<="
            : "<";
      const what =
        issue.origin === "array" || issue.origin === "string"
          ? `length ${op} ${String(bound)}`
          : `a number ${op} ${String(bound)}`;
      return [{ path, message: `expected ${what}, got ${got}` }];
    }
    case "invalid_format": {
      const what =
        issue.format === "url"
          ? "a URL"
          : issue.message.replace(/^expected /, "");
      return [{ path, message: `expected ${what}, got ${got}` }];
    }
    default:
      return [{ path, message: `${issue.message.toLowerCase()}, got ${got}` }];
  }
}

const article = (type: string) =>
  type === "int"
    ? "an integer"
    : /^[aeiou]/.test(type)
      ? `an ${type}`
      : `a ${type}`;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The keys an object schema accepts at a path, for "did you mean". */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = (current as { def?: Record<string, unknown> }).def;
    if (!def) return [];
    if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else if (def.type === "object")
      current = (def.shape as Record<string, unknown>)[String(key)];
    else return [];
  }
  const def = (unwrap(current) as { def?: { type?: string; shape?: object } })
    .def;
  return def?.type === "object" && def.shape
    ? Object.keys(def.shape).sort()
    : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown } };
  while (
    current?.def &&
    ["default", "optional", "nullable"].includes(current.def.type ?? "")
  ) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

/** The known key within edit distance 2 of a typo, if any. */
export function closest(
  word: string,
  candidates: readonly string[],
): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) {
      best = { word: candidate, distance };
    }
  }
  return best?.word;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + cost,
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** `chains[1].id` from `["chains", 1, "id"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === "number"
        ? `[${key}]`
        : i === 0
          ? String(key)
          : `.${String(key)}`,
    )
    .join("");
}
