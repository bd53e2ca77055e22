import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

/**
 * Compares two cdktf output folders stack by stack, ignoring cdktf's
 * `//` metadata. Returns one line per difference (at most `limit`); an
 * empty list means both synthesized the same Terraform JSON.
 */
export function compareOutputs(
  ours: string,
  raw: string,
  limit = 10,
): string[] {
  const problems: string[] = [];
  const a = readStacks(ours);
  const b = readStacks(raw);

  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(name);
    const right = b.get(name);
    if (left === undefined || right === undefined) {
      problems.push(`${name}: only in ${left ? "ours" : "raw"}`);
      continue;
    }
    problems.push(...differences(name, left, right));
  }
  return problems.slice(0, limit);
}

/** Every stack's `cdk.tf.json` under `<outdir>/stacks`, without metadata. */
export function readStacks(outdir: string): Map<string, unknown> {
  const dir = join(outdir, "stacks");
  const stacks = new Map<string, unknown>();
  if (!existsSync(dir)) return stacks;
  for (const name of readdirSync(dir).sort()) {
    const text = readFileSync(join(dir, name, "cdk.tf.json"), "utf8");
    stacks.set(name, withoutMetadata(JSON.parse(text)));
  }
  return stacks;
}

/** A copy of parsed JSON without `//` keys, at any depth. */
export function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "//")
      .map(([key, v]) => [key, withoutMetadata(v)]),
  );
}

function differences(path: string, a: unknown, b: unknown): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const objects =
    a !== null &&
    b !== null &&
    typeof a === "object" &&
    typeof b === "object" &&
    Array.isArray(a) === Array.isArray(b);
  if (!objects)
    return [`${path}: ours ${JSON.stringify(a)}, raw ${JSON.stringify(b)}`];

  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].flatMap(
    (key) => differences(`${path}.${key}`, left[key], right[key]),
  );
}
