import { isRecord } from "../synth-output/read-synth-output.js";
import type { GuardFinding, GuardResult } from "./guard-plan.js";
import type { PlanAction, PlannedChange } from "./read-plan.js";

/** Where the guard's inputs came from, for the report's wording. */
export interface GuardReportContext {
  readonly planFile: string;
  readonly stack?: string;
  readonly maxDestroy: number;
  readonly allowFile?: string;
}

const COUNT_ORDER: readonly [PlanAction, string][] = [
  ["create", "to create"],
  ["update", "to update"],
  ["replace", "to replace"],
  ["delete", "to destroy"],
  ["forget", "to forget"],
  ["read", "to read"],
  ["no-op", "unchanged"],
];

/**
 * The guard's report as Markdown, readable in a terminal and in a CI job
 * summary: the counts, one row per change, then the verdict and, when
 * blocked, the exact allow-file line that would let it through.
 */
export function renderGuardReport(
  result: GuardResult,
  context: GuardReportContext,
): string {
  const title = context.stack ? `Plan guard: ${context.stack}` : "Plan guard";
  const blocked = result.findings.filter((f) => f.verdict === "blocked");
  const allowFile = context.allowFile ?? ".github/guard-allow.txt";

  const lines = [
    `### ${title}`,
    "",
    `${context.planFile}: ${countLine(result.counts)}`,
    ...(result.findings.length ? ["", ...table(result.findings, context)] : []),
    "",
    result.ok
      ? `**passed**: no paging monitor is destroyed or replaced, and ${result.destroys} of at most ${context.maxDestroy} unlisted destroys`
      : `**blocked**: ${blockedReason(blocked, result, context)}`,
    ...(result.ok
      ? []
      : [
          "",
          `If this is intended, add these lines to ${allowFile} in the pull request, each with the reason:`,
          "",
          "```",
          ...blocked.map(
            (f) =>
              `${context.stack ? `${context.stack}/` : ""}${f.change.name}  <why it may be destroyed>`,
          ),
          "```",
        ]),
    ...result.unusedAllows.map(
      (e) =>
        `\nwarning: ${e.where}: ${e.id} matches nothing destroyed here; remove it once deployed`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * A plan as Markdown without a verdict: the counts and one row per change,
 * with the attributes each update touches. Used for PR job summaries and
 * drift reports.
 */
export function renderPlanSummary(
  changes: readonly PlannedChange[],
  title: string,
  counts: Readonly<Record<PlanAction, number>>,
): string {
  const rows = changes
    .filter((c) => c.action !== "no-op" && c.action !== "read")
    .map((c) => `| ${c.action} | \`${c.address}\` | ${changedAttributes(c)} |`);
  const lines = [
    `### ${title}`,
    "",
    countLine(counts),
    ...(rows.length
      ? [
          "",
          "| action | resource | attributes |",
          "| --- | --- | --- |",
          ...rows,
        ]
      : []),
  ];
  return `${lines.join("\n")}\n`;
}

/** `1 to create, 2 to update, 14 unchanged`; zero counts are left out. */
export function countLine(
  counts: Readonly<Record<PlanAction, number>>,
): string {
  const parts = COUNT_ORDER.filter(([a]) => counts[a] > 0).map(
    ([a, words]) => `${counts[a]} ${words}`,
  );
  return parts.length ? parts.join(", ") : "no changes";
}

function table(
  findings: readonly GuardFinding[],
  context: GuardReportContext,
): string[] {
  return [
    "| action | resource | pages today | verdict |",
    "| --- | --- | --- | --- |",
    ...findings.map((f) => {
      const pages = f.pages.length
        ? f.pages.map((p) => `\`${p}\``).join(" ")
        : "";
      return `| ${f.change.action} | \`${f.change.address}\` | ${pages} | ${verdictText(f, context)} |`;
    }),
  ];
}

function verdictText(f: GuardFinding, context: GuardReportContext): string {
  const why = replaceWhy(f.change);
  switch (f.verdict) {
    case "ok":
      return "ok";
    case "counted":
      return `destroy, within the limit of ${context.maxDestroy}`;
    case "allowed":
      return `allowed by ${f.allowedBy!.where}: ${escapeCell(f.allowedBy!.reason)}`;
    case "blocked":
      return `**blocked** [${f.check}]${why}`;
  }
}

function blockedReason(
  blocked: readonly GuardFinding[],
  result: GuardResult,
  context: GuardReportContext,
): string {
  const paging = blocked.filter((f) => f.check !== "destroy-limit");
  const parts = [
    ...(paging.length
      ? [
          `${paging.length} paging monitor${paging.length === 1 ? "" : "s"} would be destroyed or replaced`,
        ]
      : []),
    ...(result.destroys > context.maxDestroy
      ? [
          `${result.destroys} unlisted destroys, more than the limit of ${context.maxDestroy}`,
        ]
      : []),
  ];
  return parts.join("; ");
}

/** Terraform's `action_reason` values, in words. */
const REASONS: Readonly<Record<string, string>> = {
  delete_because_no_resource_config: "removed from the configuration",
  replace_because_cannot_update: "an attribute cannot change in place",
  replace_because_tainted: "the resource is tainted",
  replace_by_request: "replacement requested with -replace",
  replace_by_triggers: "a replace_triggered_by reference changed",
};

/** `: replaced because \`type\` cannot change in place`, and the like. */
function replaceWhy(change: PlannedChange): string {
  if (change.action !== "replace" && change.action !== "delete") return "";
  if (change.action === "replace" && change.replacePaths.length) {
    const paths = change.replacePaths.map((p) => `\`${p}\``).join(", ");
    return `: replaced because ${paths} cannot change in place`;
  }
  const reason = change.actionReason;
  return reason ? `: ${REASONS[reason] ?? reason.replace(/_/g, " ")}` : "";
}

/** Top-level attributes an update changes, or the reason for others. */
function changedAttributes(change: PlannedChange): string {
  if (change.action === "replace" || change.action === "delete") {
    return replaceWhy(change).replace(/^: /, "");
  }
  if (change.action !== "update") return "";
  const before = isRecord(change.before) ? change.before : {};
  const after = isRecord(change.after) ? change.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
  return keys.map((k) => `\`${k}\``).join(", ");
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}
