/**
 * A problem found in the user's config or monitors. `lib/` never prints;
 * it returns these and the entry points decide how to show them.
 */
export interface Diagnostic {
  readonly level: "error" | "warning";
  /** A file (with `:line` when known) or `<stack>/<monitor id>`. */
  readonly where: string;
  /** The defining file when `where` is a monitor, e.g. `monitors/x.ts`. */
  readonly file?: string;
  /** Stable kebab-case id of the check that found it. */
  readonly check: string;
  /** Field path inside the file or spec, e.g. `chains[1].id`. */
  readonly path: string;
  /** `expected <what>, got <value>`. */
  readonly message: string;
  /** How to fix it, when there is one obvious fix. */
  readonly hint?: string;
  /** Other stacks where the same monitor has exactly this problem. */
  readonly alsoIn?: readonly string[];
}

/** `<where> (<file>) [<check>]: <path>: <message>; <hint>` */
export function formatDiagnostic(d: Diagnostic): string {
  const file = d.file && d.file !== d.where ? ` (${d.file})` : "";
  const path = d.path ? `${d.path}: ` : "";
  const hint = d.hint ? `; ${d.hint}` : "";
  const also = d.alsoIn?.length ? ` (also in ${d.alsoIn.join(", ")})` : "";
  return `${d.where}${file} [${d.check}]: ${path}${d.message}${hint}${also}`;
}

/**
 * One line for a problem a monitor file has in several stacks: a monitor
 * used by every environment would otherwise repeat the same mistake once
 * per stack. Only problems that read the same to the letter merge; the
 * first stack in sorted order stays in `where`, the others go to `alsoIn`.
 */
export function mergeAcrossStacks(list: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  for (const d of list) {
    const at = /^([^/\s]+)\/(.+)$/.exec(d.where);
    if (!at || !d.file) {
      out.push(d);
      continue;
    }
    const key = JSON.stringify([
      d.level,
      at[2],
      d.file,
      d.check,
      d.path,
      d.message,
      d.hint ?? "",
    ]);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, out.length);
      out.push(d);
      continue;
    }
    const kept = out[first]!;
    out[first] = { ...kept, alsoIn: [...(kept.alsoIn ?? []), at[1]!] };
  }
  return out;
}

/**
 * Sorts by location so the same input always prints the same report: by
 * file, then line and column as numbers (`x.yaml:9` before `x.yaml:11`),
 * then the rest.
 */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const keyed = list.map((d) => ({ d, key: sortKey(d) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i]!;
      const y = b.key[i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  return keyed.map((k) => k.d);
}

function sortKey(d: Diagnostic): (string | number)[] {
  const at = /^(.*?)(?::(\d+))?(?::(\d+))?$/.exec(d.file ?? d.where)!;
  return [
    at[1]!,
    Number(at[2] ?? 0),
    Number(at[3] ?? 0),
    d.where,
    d.path,
    d.check,
    d.message,
  ];
}

/** Quotes a bad value for a message: strings in quotes, the rest as JSON. */
export function quote(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** A user mistake that stops the run; carries every problem found. */
export class UserError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) found`);
    this.name = "UserError";
  }
}
