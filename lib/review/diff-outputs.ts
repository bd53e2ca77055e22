import { isPagingHandle } from "../model/handles.js";
import type { DashboardView } from "./dashboard-view.js";
import { compareFields, type Field, type FieldChange } from "./fields.js";
import type { MonitorView } from "./monitor-view.js";
import type { StackResources } from "./stack-resources.js";

/** How an item differs: only in head, only in base, or in both but changed. */
export type ChangeStatus = "added" | "removed" | "changed";

/** One monitor or dashboard that differs between base and head. */
export interface ItemChange<V> {
  readonly status: ChangeStatus;
  readonly id: string;
  readonly base?: V;
  readonly head?: V;
  /** Same id, different display name. */
  readonly renamed: boolean;
  /** Field by field; empty for added and removed items. */
  readonly changes: readonly FieldChange[];
}

/** A monitor change, flagged when either side pages. */
export interface MonitorChange extends ItemChange<MonitorView> {
  readonly paging: boolean;
}

/** Everything that differs in one stack. */
export interface StackDiff {
  readonly name: string;
  readonly env: string;
  /** `added`/`removed`: the stack exists on one side only. */
  readonly status: ChangeStatus | "unchanged";
  /** Paging monitors first, then by id. */
  readonly monitors: readonly MonitorChange[];
  readonly dashboards: readonly ItemChange<DashboardView>[];
  readonly settings: readonly FieldChange[];
  /** Other resource addresses that were added, removed or changed. */
  readonly others: readonly { address: string; status: ChangeStatus }[];
}

/** Paging handles an environment gains or loses across all its stacks. */
export interface HandleChange {
  readonly env: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** Everything the review shows, before it is rendered. */
export interface ReviewDiff {
  /** Stacks with paging changes first, then by name. */
  readonly stacks: readonly StackDiff[];
  /** Environments whose set of paged handles changed, by name. */
  readonly handles: readonly HandleChange[];
}

/**
 * Compares two synth outputs stack by stack. Resources match by their
 * Terraform id (the spec id), so a new display name is a rename, never a
 * remove and an add. The result is fully sorted: the same inputs always
 * give the same diff.
 */
export function diffOutputs(
  base: readonly StackResources[],
  head: readonly StackResources[],
): ReviewDiff {
  const before = new Map(base.map((s) => [s.name, s]));
  const after = new Map(head.map((s) => [s.name, s]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();

  const stacks = names
    .map((name) => diffStack(name, before.get(name), after.get(name)))
    .sort(
      (a, b) =>
        Number(hasPaging(b)) - Number(hasPaging(a)) ||
        (a.name < b.name ? -1 : 1),
    );
  return { stacks, handles: handleChanges(base, head) };
}

function diffStack(
  name: string,
  base?: StackResources,
  head?: StackResources,
): StackDiff {
  const monitors = diffItems(
    base?.monitors ?? new Map<string, MonitorView>(),
    head?.monitors ?? new Map<string, MonitorView>(),
    (m) => m.name,
  )
    .map((c) => ({ ...c, paging: !!(c.base?.paging || c.head?.paging) }))
    .sort(
      (a, b) => Number(b.paging) - Number(a.paging) || (a.id < b.id ? -1 : 1),
    );
  const dashboards = diffItems(
    base?.dashboards ?? new Map<string, DashboardView>(),
    head?.dashboards ?? new Map<string, DashboardView>(),
    (d) => d.title,
  );
  const settings = compareFields(base?.settings ?? [], head?.settings ?? []);
  const others = diffOthers(
    base?.others ?? new Map(),
    head?.others ?? new Map(),
  );

  const changed =
    monitors.length + dashboards.length + settings.length + others.length > 0;
  const status = !base
    ? "added"
    : !head
      ? "removed"
      : changed
        ? "changed"
        : "unchanged";
  return {
    name,
    env: (head ?? base)!.env,
    status,
    monitors,
    dashboards,
    settings,
    others,
  };
}

function diffItems<V extends { fields: readonly Field[] }>(
  base: ReadonlyMap<string, V>,
  head: ReadonlyMap<string, V>,
  nameOf: (v: V) => string,
): ItemChange<V>[] {
  const ids = [...new Set([...base.keys(), ...head.keys()])].sort();
  return ids.flatMap((id): ItemChange<V>[] => {
    const b = base.get(id);
    const h = head.get(id);
    if (b === undefined) {
      return [{ status: "added", id, head: h!, renamed: false, changes: [] }];
    }
    if (h === undefined) {
      return [{ status: "removed", id, base: b, renamed: false, changes: [] }];
    }
    const changes = compareFields(b.fields, h.fields);
    const renamed = nameOf(b) !== nameOf(h);
    if (!renamed && changes.length === 0) return [];
    return [{ status: "changed", id, base: b, head: h, renamed, changes }];
  });
}

function diffOthers(
  base: ReadonlyMap<string, string>,
  head: ReadonlyMap<string, string>,
): { address: string; status: ChangeStatus }[] {
  const addresses = [...new Set([...base.keys(), ...head.keys()])].sort();
  return addresses.flatMap((address) => {
    const b = base.get(address);
    const h = head.get(address);
    if (b === h) return [];
    const status: ChangeStatus =
      b === undefined ? "added" : h === undefined ? "removed" : "changed";
    return [{ address, status }];
  });
}

function hasPaging(stack: StackDiff): boolean {
  return stack.monitors.some((m) => m.paging);
}

function handleChanges(
  base: readonly StackResources[],
  head: readonly StackResources[],
): HandleChange[] {
  const paged = (stacks: readonly StackResources[]) => {
    const byEnv = new Map<string, Set<string>>();
    for (const stack of stacks) {
      const handles = byEnv.get(stack.env) ?? new Set<string>();
      for (const monitor of stack.monitors.values()) {
        for (const c of monitor.handles) {
          for (const h of c.handles) if (isPagingHandle(h)) handles.add(h);
        }
      }
      byEnv.set(stack.env, handles);
    }
    return byEnv;
  };
  const before = paged(base);
  const after = paged(head);
  const envs = [...new Set([...before.keys(), ...after.keys()])].sort();

  return envs
    .map((env) => {
      const b = before.get(env) ?? new Set<string>();
      const a = after.get(env) ?? new Set<string>();
      return {
        env,
        added: [...a].filter((h) => !b.has(h)).sort(),
        removed: [...b].filter((h) => !a.has(h)).sort(),
      };
    })
    .filter((c) => c.added.length + c.removed.length > 0);
}
