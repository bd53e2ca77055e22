import type { MonitorSpec } from "../model/monitor.js";

/** Spec fields an import keeps from Datadog over a factory's choice. */
const FIELDS = [
  "name",
  "message",
  "tags",
  "priority",
  "noData",
  "evaluationDelaySeconds",
  "newGroupDelaySeconds",
  "requireFullWindow",
  "renotifyIntervalMinutes",
  "notifyBy",
  "extraOptions",
] as const satisfies readonly (keyof MonitorSpec)[];

/** Spec fields to spread over a factory's spec. */
export type Overrides = Partial<Pick<MonitorSpec, (typeof FIELDS)[number]>>;

/**
 * Where the imported monitor differs from what the factory builds, with
 * the imported value (undefined where Datadog has the field unset), so
 * spreading these over the factory's spec rebuilds the monitor as it is.
 * Tags compare as sets; an unset `requireFullWindow` is the provider's
 * `true`; an unset no-data decision renders as the factory's "ignore"
 * (`notify_no_data = false`), so the factory's reasoned one stays.
 */
export function overridesOf(
  factory: MonitorSpec,
  imported: MonitorSpec,
): Overrides {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (!same(field, factory[field], imported[field])) {
      out[field] = imported[field];
    }
  }
  return out as Overrides;
}

function same(field: string, a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => {
    if (field === "tags") return [...((v as string[]) ?? [])].sort();
    if (field === "requireFullWindow") return v ?? true;
    // Not notifying is what an unset decision renders as, too.
    if (field === "noData")
      return (v as { kind?: string })?.kind === "ignore" ? undefined : v;
    return v;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}
