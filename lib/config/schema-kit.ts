import { quote } from "../model/diagnostic.js";
import { closest } from "./closest.js";

/**
 * A small schema language for the environment files. It replaces zod,
 * which cost every synth about 100 ms of CPU and 18 MB of peak memory to
 * load, more than the whole config layer does (bench/README.md). Each
 * problem is phrased `expected <what>, got <value>` at its path; every
 * problem in a file is reported, not only the first.
 */

/** One schema problem at a path inside the file. */
export interface SchemaProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly hint?: string;
}

type Path = readonly PropertyKey[];

/** Marks a value that failed; its problems are already recorded. */
const INVALID: unique symbol = Symbol("invalid");
type Read<T> = T | typeof INVALID;

/** Reads a value at a path, recording problems; the value may be absent. */
export interface Schema<T> {
  readonly read: (value: unknown, path: Path, out: SchemaProblem[]) => Read<T>;
  /** An optional key may be left out of its object. */
  readonly optional?: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K]["optional"] extends true ? K : never;
}[keyof S];
type ObjectOf<S extends Shape> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>;
} & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> };
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Parses a whole value: the typed value, or every problem found. */
export function safeParse<T>(
  schema: Schema<T>,
  value: unknown,
): { success: true; data: T } | { success: false; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  const data = schema.read(value, [], problems);
  return data === INVALID || problems.length > 0
    ? { success: false, problems }
    : { success: true, data };
}

/** A value of one type, then each check in order until one fails. */
function leaf<T>(
  what: string,
  is: (v: unknown) => v is T,
  checks: readonly ((v: T) => string | undefined)[] = [],
): Schema<T> {
  return {
    read: (value, path, out) => {
      if (!is(value)) return fail(out, path, `expected ${what}`, value);
      for (const check of checks) {
        const expected = check(value);
        if (expected) return fail(out, path, `expected ${expected}`, value);
      }
      return value;
    },
  };
}

function fail(
  out: SchemaProblem[],
  path: Path,
  what: string,
  got: unknown,
  hint?: string,
): typeof INVALID {
  out.push({
    path,
    message: `${what}, got ${quote(got)}`,
    ...(hint ? { hint } : {}),
  });
  return INVALID;
}

/** Number checks: an integer, and inclusive or exclusive bounds. */
export interface NumberRules {
  readonly int?: true;
  readonly min?: number;
  readonly max?: number;
  /** Greater than zero. */
  readonly positive?: true;
}

export function number(rules: NumberRules = {}): Schema<number> {
  const { int, min, max, positive } = rules;
  return leaf(
    "a number",
    (v): v is number => typeof v === "number" && Number.isFinite(v),
    [
      (v) => (int && !Number.isSafeInteger(v) ? "an integer" : undefined),
      (v) => (positive && !(v > 0) ? "a number > 0" : undefined),
      (v) => (min !== undefined && v < min ? `a number >= ${min}` : undefined),
      (v) => (max !== undefined && v > max ? `a number <= ${max}` : undefined),
    ],
  );
}

/** String checks: a minimum length and a pattern with what it means. */
export interface StringRules {
  readonly minLength?: number;
  readonly pattern?: RegExp;
  /** What the pattern expects, e.g. "kebab-case (a-z, 0-9, -)". */
  readonly means?: string;
}

export function string(rules: StringRules = {}): Schema<string> {
  const { minLength, pattern, means } = rules;
  return leaf("a string", (v): v is string => typeof v === "string", [
    (v) =>
      minLength !== undefined && v.length < minLength
        ? `length >= ${minLength}`
        : undefined,
    (v) => (pattern && !pattern.test(v) ? (means ?? `${pattern}`) : undefined),
  ]);
}

/** An absolute URL, as the WHATWG URL parser reads it. */
export function url(): Schema<string> {
  const text = string();
  return {
    read: (value, path, out) => {
      const s = text.read(value, path, out);
      if (s === INVALID) return s;
      const trimmed = s.trim();
      return URL.canParse(trimmed)
        ? trimmed.replace(/[\t\n\r]/g, "")
        : fail(out, path, "expected a URL", value);
    },
  };
}

/** One of a fixed list of strings. */
export function oneOf<const T extends readonly string[]>(
  values: T,
): Schema<T[number]> {
  const what = `one of ${values.join(", ")}`;
  return {
    read: (value, path, out) => {
      if (values.includes(value as string)) return value as T[number];
      const near = typeof value === "string" ? closest(value, values) : "";
      return fail(
        out,
        path,
        `expected ${what}`,
        value,
        near ? `did you mean "${near}"?` : undefined,
      );
    },
  };
}

export function array<T>(
  element: Schema<T>,
  rules: { readonly minLength?: number } = {},
): Schema<T[]> {
  return {
    read: (value, path, out) => {
      if (!Array.isArray(value))
        return fail(out, path, "expected an array", value);
      const items = value.map((v, i) => element.read(v, [...path, i], out));
      if (rules.minLength !== undefined && value.length < rules.minLength)
        return fail(out, path, `expected length >= ${rules.minLength}`, value);
      return items.includes(INVALID) ? INVALID : (items as T[]);
    },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** An object with exactly these keys; an unknown key is a problem. */
export function object<S extends Shape>(
  shape: S,
): Schema<Simplify<ObjectOf<S>>> {
  const keys = Object.keys(shape).sort();
  return {
    read: (value, path, out) => {
      if (!isRecord(value)) return fail(out, path, "expected an object", value);
      let ok = true;
      const result: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(shape)) {
        if (value[key] === undefined && schema.optional) continue;
        const read = schema.read(value[key], [...path, key], out);
        if (read === INVALID) ok = false;
        else result[key] = read;
      }
      for (const key of Object.keys(value).filter((k) => !(k in shape))) {
        const near = closest(key, keys);
        out.push({
          path: [...path, key],
          message: `unknown key; expected one of ${keys.join(", ")}`,
          ...(near ? { hint: `did you mean "${near}"?` } : {}),
        });
        ok = false;
      }
      return ok ? (result as Simplify<ObjectOf<S>>) : INVALID;
    },
  };
}

/** An object of any keys whose values all match one schema. */
export function record<T>(values: Schema<T>): Schema<Record<string, T>> {
  return {
    read: (value, path, out) => {
      if (!isRecord(value)) return fail(out, path, "expected a record", value);
      const entries = Object.entries(value).map(
        ([k, v]) => [k, values.read(v, [...path, k], out)] as const,
      );
      return entries.some(([, v]) => v === INVALID)
        ? INVALID
        : (Object.fromEntries(entries) as Record<string, T>);
    },
  };
}

/** Objects told apart by the string at `key`, each with its own schema. */
export function variants<O extends Record<string, Schema<unknown>>>(
  key: string,
  options: O,
): Schema<Infer<O[keyof O]>> {
  const names = Object.keys(options);
  return {
    read: (value, path, out) => {
      if (!isRecord(value)) return fail(out, path, "expected an object", value);
      const tag = value[key];
      if (typeof tag !== "string" || !Object.hasOwn(options, tag))
        return fail(
          out,
          [...path, key],
          `expected one of ${names.join(", ")}`,
          tag,
        );
      return options[tag]!.read(value, path, out) as Read<Infer<O[keyof O]>>;
    },
  };
}

/** The value itself, which must be exactly this string. */
export function literal<const T extends string>(value: T): Schema<T> {
  return oneOf([value] as const);
}

/** May be left out; then the key is absent from the result. */
export function optional<T>(
  schema: Schema<T>,
): Schema<T | undefined> & { readonly optional: true } {
  return {
    optional: true,
    read: (value, path, out) =>
      value === undefined ? undefined : schema.read(value, path, out),
  };
}

/**
 * A value that passes either schema; when neither does, one problem says
 * what was expected (`what`), not each alternative's complaint.
 */
export function either<A, B>(
  what: string,
  first: Schema<A>,
  second: Schema<B>,
): Schema<A | B> {
  return {
    read: (value, path, out) => {
      for (const schema of [first, second] as Schema<A | B>[]) {
        const scratch: SchemaProblem[] = [];
        const read = schema.read(value, path, scratch);
        if (read !== INVALID && scratch.length === 0) return read;
      }
      return fail(out, path, `expected ${what}`, value);
    },
  };
}

/** A value for which `is` holds, described as `what` when it does not. */
export function satisfies<T>(
  what: string,
  is: (value: unknown) => value is T,
): Schema<T> {
  return leaf(what, is);
}

/**
 * A value `parse` reads itself, reporting each problem it finds at the
 * value's path; for checks the combinators cannot say, such as a string
 * in a notation of its own.
 */
export function custom<T>(
  parse: (value: unknown, report: (message: string) => void) => T,
): Schema<T> {
  return {
    read: (value, path, out) => {
      let bad = false;
      const result = parse(value, (message) => {
        bad = true;
        out.push({ path, message });
      });
      return bad ? INVALID : result;
    },
  };
}

/** May be `null`, which is kept: an override that removes a value. */
export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return {
    ...(schema.optional ? { optional: true as const } : {}),
    read: (value, path, out) =>
      value === null ? null : schema.read(value, path, out),
  };
}

/** May be left out; then it takes a copy of `fallback`. */
export function withDefault<T>(schema: Schema<T>, fallback: T): Schema<T> {
  return {
    read: (value, path, out) =>
      value === undefined
        ? structuredClone(fallback)
        : schema.read(value, path, out),
  };
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
