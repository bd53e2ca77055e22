import { isPagingHandle } from "../model/handles.js";
import type { ItemChange, ReviewDiff, StackDiff } from "./diff-outputs.js";
import type { Field, FieldChange, FieldValue } from "./fields.js";
import type { MonitorView } from "./monitor-view.js";
import { type DiffLine, lineDiff } from "./line-diff.js";
import { summaryLine } from "./summary-line.js";

/** What an item shows: a monitor's name or a dashboard's title. */
type NameOf<V> = (view: V) => string;

/**
 * The review as Markdown: the summary line first, then one section per
 * stack that changed (paging changes first), then the unchanged stacks.
 * Pure text from the diff, so the same inputs give byte-identical output.
 */
export function renderReview(diff: ReviewDiff): string {
  const changed = diff.stacks.filter((s) => s.status !== "unchanged");
  const unchanged = diff.stacks
    .filter((s) => s.status === "unchanged")
    .map((s) => code(s.name));

  const blocks = [
    `**Monitor review:** ${summaryLine(diff)}`,
    ...changed.map(renderStack),
    ...(unchanged.length ? [`Unchanged stacks: ${unchanged.join(", ")}`] : []),
  ];
  return `${blocks.join("\n\n")}\n`;
}

function renderStack(stack: StackDiff): string {
  const note =
    stack.status === "added"
      ? " (new stack)"
      : stack.status === "removed"
        ? " (stack removed)"
        : "";
  const paging = stack.monitors.filter((m) => m.paging);
  const other = stack.monitors.filter((m) => !m.paging);

  return [
    `### ${stack.name}${note}`,
    ...section(
      "Paging monitors",
      paging.map((m) => renderItem(m, monitorName)),
    ),
    ...section(
      "Other monitors",
      other.map((m) => renderItem(m, monitorName)),
    ),
    ...section(
      "Dashboards",
      stack.dashboards.map((d) => renderItem(d, (v) => v.title)),
    ),
    // A stack on one side only has every setting "changed"; that is noise.
    ...section(
      "Stack settings",
      stack.status === "changed" ? stack.settings.map(renderSettingChange) : [],
    ),
    ...section(
      "Other resources",
      stack.others.map((o) => `- **${o.status}** ${code(o.address)}`),
    ),
  ].join("\n\n");
}

function section(title: string, items: string[]): string[] {
  return items.length ? [`#### ${title}`, items.join("\n")] : [];
}

const monitorName: NameOf<MonitorView> = (v) => v.name;

function renderItem<V extends { fields: readonly Field[] }>(
  item: ItemChange<V>,
  nameOf: NameOf<V>,
): string {
  const view = (item.head ?? item.base)!;
  const name = code(nameOf(view));
  if (item.status !== "changed") {
    const lines = view.fields.flatMap(describeField);
    return [`- **${item.status}** ${code(item.id)} ${name}`, ...lines].join(
      "\n",
    );
  }

  const title = item.renamed
    ? `- **renamed** ${code(item.id)} ${code(nameOf(item.base!))} → ${name}`
    : `- **changed** ${code(item.id)} ${name}`;
  return [title, ...item.changes.map(renderChange)].join("\n");
}

/** A field of an added or removed item, as one indented line. */
function describeField(field: Field): string[] {
  const v = field.value;
  switch (v.kind) {
    case "scalar":
      return [`  - ${field.label}: ${code(v.text)}`];
    case "set":
      return [`  - ${field.label}: ${items(v.items, field.key)}`];
    case "text":
      return field.key === "query"
        ? [`  - ${field.label}: ${code(v.text)}`]
        : [];
    case "digest":
      return [];
  }
}

/** One changed field of a changed item. */
function renderChange(change: FieldChange): string {
  const kind = (change.head ?? change.base)!.kind;
  if (kind === "digest") return `  - ${change.label}: changed`;
  if (kind === "text") {
    return [`  - ${change.label}:`, ...textDiff(change.base, change.head)].join(
      "\n",
    );
  }
  if (kind === "set") {
    const before = itemsOf(change.base);
    const after = itemsOf(change.head);
    const added = after.filter((i) => !before.includes(i));
    const removed = before.filter((i) => !after.includes(i));
    const parts = [
      ...(added.length ? [`added ${items(added, change.key)}`] : []),
      ...(removed.length ? [`removed ${items(removed, change.key)}`] : []),
    ];
    return `  - ${change.label}: ${parts.join("; ")}`;
  }
  return `  - ${change.label}: ${scalarOf(change.base)} → ${scalarOf(change.head)}`;
}

/** Stack settings such as the backend, with a warning on state moves. */
function renderSettingChange(change: FieldChange): string {
  const line = renderChange(change).replace(/^ {2}/, "");
  return /^terraform\.(backend|cloud)\b/.test(change.key)
    ? `${line} (moves the state: migrate it before deploying)`
    : line;
}

function textDiff(base?: FieldValue, head?: FieldValue): string[] {
  const before = base && base.kind === "text" ? base.text : "";
  const after = head && head.kind === "text" ? head.text : "";
  const lines = withContext(lineDiff(before, after), 2).map((l) =>
    `${l.op} ${l.text}`.trimEnd(),
  );
  const fence = "`".repeat(Math.max(3, longestRun(lines.join("\n"), "`") + 1));
  return [`${fence}diff`, ...lines, fence].map((l) => `    ${l}`.trimEnd());
}

/** Keeps changed lines and `around` lines each side; `...` marks a gap. */
function withContext(lines: readonly DiffLine[], around: number): DiffLine[] {
  const near = lines.map((_, i) =>
    lines
      .slice(Math.max(0, i - around), i + around + 1)
      .some((l) => l.op !== " "),
  );
  return lines.flatMap((line, i): DiffLine[] => {
    if (near[i]) return [line];
    return near[i - 1] !== false ? [{ op: " ", text: "..." }] : [];
  });
}

function itemsOf(value?: FieldValue): readonly string[] {
  return value && value.kind === "set" ? value.items : [];
}

function scalarOf(value?: FieldValue): string {
  return value && value.kind === "scalar" ? code(value.text) : "(unset)";
}

/** A list of set items in code; paging handles are marked. */
function items(list: readonly string[], key: string): string {
  if (list.length === 0) return "(none)";
  const marks = key.startsWith("handles.");
  return list
    .map((i) => (marks && isPagingHandle(i) ? `${code(i)} (pages)` : code(i)))
    .join(", ");
}

/** Inline code that survives backticks and line breaks in the value. */
export function code(value: string): string {
  const flat = value.replace(/\s*\n\s*/g, " ");
  if (flat === "") return "(empty)";
  const ticks = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

function longestRun(text: string, char: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/**
 * Shortens a review to at most `maxChars` by dropping whole stack sections
 * from the end, keeping the summary line; a note says what was left out.
 * GitHub refuses comments over 65,536 characters.
 */
export function truncateReview(markdown: string, maxChars: number): string {
  if (markdown.length <= maxChars) return markdown;

  const sections = markdown.split(/\n(?=### )/);
  const kept = [sections[0]!];
  const note = (left: number) =>
    `\n_${left} more stack section${left === 1 ? "" : "s"} left out ` +
    "to fit; the job summary has the whole review._\n";
  for (const section of sections.slice(1)) {
    const next = [...kept, section].join("\n");
    if (next.length + note(sections.length).length > maxChars) break;
    kept.push(section);
  }
  const left = sections.length - kept.length;
  return `${kept.join("\n").trimEnd()}\n${note(left)}`;
}
