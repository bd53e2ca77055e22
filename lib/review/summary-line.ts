import type { ChangeStatus, ItemChange, ReviewDiff } from "./diff-outputs.js";

const VERBS: readonly ChangeStatus[] = ["changed", "added", "removed"];

/**
 * The one line a reviewer reads first, e.g. `2 paging monitors changed
 * (1 renamed), 1 removed, 1 dashboard added, mainnet-prod pages 1 more
 * handle (@opsgenie-gateway)`.
 */
export function summaryLine(diff: ReviewDiff): string {
  const monitors = diff.stacks.flatMap((s) => s.monitors);
  const stacks = diff.stacks;

  const parts = [
    ...counted(
      "paging monitor",
      monitors.filter((m) => m.paging),
    ),
    ...counted(
      "other monitor",
      monitors.filter((m) => !m.paging),
    ),
    ...counted(
      "dashboard",
      stacks.flatMap((s) => s.dashboards),
    ),
    ...counted(
      "other resource",
      stacks.flatMap((s) => s.others.map((o) => ({ ...o, renamed: false }))),
    ),
    ...counted(
      "stack",
      stacks
        .filter((s) => s.status === "added" || s.status === "removed")
        .map((s) => ({ status: s.status as ChangeStatus, renamed: false })),
    ),
    ...stacks
      .filter((s) => s.status === "changed" && s.settings.length > 0)
      .map((s) => `${s.name} settings changed`),
    ...diff.handles.flatMap((h) => [
      ...(h.added.length
        ? [
            `${h.env} pages ${plural(h.added.length, "more handle")} (${h.added.join(", ")})`,
          ]
        : []),
      ...(h.removed.length
        ? [`${h.env} no longer pages ${h.removed.join(", ")}`]
        : []),
    ]),
  ];
  return parts.length ? parts.join(", ") : "no monitor or dashboard changes";
}

/** `2 paging monitors changed (1 renamed), 1 removed` */
function counted(
  noun: string,
  items: readonly Pick<ItemChange<unknown>, "status" | "renamed">[],
): string[] {
  const phrases = VERBS.flatMap((verb) => {
    const matching = items.filter((i) => i.status === verb);
    if (matching.length === 0) return [];
    const renamed = matching.filter((i) => i.renamed).length;
    return [{ count: matching.length, verb, renamed }];
  });
  return phrases.map(({ count, verb, renamed }, i) => {
    const amount = i === 0 ? plural(count, noun) : String(count);
    const note = renamed ? ` (${renamed} renamed)` : "";
    return `${amount} ${verb}${note}`;
  });
}

/** `1 dashboard`, `2 dashboards`; the last word takes the plural. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
