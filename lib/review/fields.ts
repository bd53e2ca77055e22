import { isRecord } from "../synth-output/read-synth-output.js";

/**
 * One comparable field of a monitor or dashboard, as a reviewer reads it.
 * - `scalar`: one value, shown inline (`5` → `10`);
 * - `set`: unordered items, shown as added and removed (tags, handles);
 * - `text`: multi-line or long text, shown as a line diff (query, message);
 * - `digest`: a hash of something too big to show; only "changed" is shown.
 */
export type FieldValue =
  | { readonly kind: "scalar"; readonly text: string }
  | { readonly kind: "set"; readonly items: readonly string[] }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "digest"; readonly text: string };

/** A named value of a monitor or dashboard, and where it sorts. */
export interface Field {
  /** Stable key the two sides are matched by, e.g. `tags`. */
  readonly key: string;
  /** What the reviewer reads, e.g. `handles on alert`. */
  readonly label: string;
  readonly value: FieldValue;
  /** Sort position; fields of equal rank sort by key. */
  readonly rank: number;
}

/** A field that differs between base and head; a side is absent if unset. */
export interface FieldChange {
  readonly key: string;
  readonly label: string;
  readonly base?: FieldValue;
  readonly head?: FieldValue;
}

/** A single value, e.g. a threshold. */
export const scalar = (text: string): FieldValue => ({ kind: "scalar", text });
/** Unordered items, de-duplicated and sorted, e.g. tags. */
export const set = (items: Iterable<string>): FieldValue => ({
  kind: "set",
  items: [...new Set(items)].sort(),
});
/** Text compared line by line, e.g. a query or a message. */
export const text = (value: string): FieldValue => ({
  kind: "text",
  text: value,
});
/** A hash standing for something too large to show. */
export const digest = (value: string): FieldValue => ({
  kind: "digest",
  text: value,
});

/**
 * Undoes Terraform's escapes of `${` and `%{` (written as `$${`, `%%{`), so
 * reviewers read the text Datadog receives.
 */
export function unescapeTerraform(value: string): string {
  return value.replace(/([$%])\1\{/g, "$1{");
}

/** A JSON scalar as text; objects, arrays and null give undefined. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return unescapeTerraform(value);
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return undefined;
}

/**
 * Flattens nested attributes into dotted fields: objects by key, lists of
 * scalars as sets, lists of objects by index. A single nested block that
 * cdktf writes as a one-element list reads like the object itself.
 */
export function flattenFields(
  value: unknown,
  prefix: string,
  rank: number,
): Field[] {
  const one = Array.isArray(value) && value.length === 1 ? value[0] : value;
  const single = scalarText(one);
  if (single !== undefined) {
    return [{ key: prefix, label: prefix, value: scalar(single), rank }];
  }
  if (Array.isArray(one)) {
    const texts = one.map(scalarText);
    if (texts.every((t) => t !== undefined)) {
      return [
        { key: prefix, label: prefix, value: set(texts as string[]), rank },
      ];
    }
    return one.flatMap((item, i) =>
      flattenFields(item, `${prefix}[${i}]`, rank),
    );
  }
  if (isRecord(one)) {
    return Object.keys(one)
      .sort()
      .flatMap((key) =>
        flattenFields(one[key], prefix ? `${prefix}.${key}` : key, rank),
      );
  }
  return [];
}

/** Field changes between two field lists, in the fields' display order. */
export function compareFields(
  base: readonly Field[],
  head: readonly Field[],
): FieldChange[] {
  const before = new Map(base.map((f) => [f.key, f]));
  const after = new Map(head.map((f) => [f.key, f]));
  const all = [...new Map([...base, ...head].map((f) => [f.key, f])).values()];

  return sortFields(all)
    .filter(
      (f) => !sameValue(before.get(f.key)?.value, after.get(f.key)?.value),
    )
    .map((f) => ({
      key: f.key,
      label: f.label,
      ...(before.has(f.key) ? { base: before.get(f.key)!.value } : {}),
      ...(after.has(f.key) ? { head: after.get(f.key)!.value } : {}),
    }));
}

/** Sorts fields by rank, then key. */
export function sortFields<T extends Field>(fields: readonly T[]): T[] {
  return [...fields].sort(
    (a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

function sameValue(a?: FieldValue, b?: FieldValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
