import { MONITOR_CHECKS } from "./index.js";

/** A check id and its one-line description, for the README. */
export interface CheckEntry {
  readonly id: string;
  readonly description: string;
}

/**
 * Checks that look across monitors, stacks or environments (project.ts)
 * and at dashboards (checks/dashboards.ts).
 */
export const PROJECT_CHECKS: readonly CheckEntry[] = [
  { id: "unique-id", description: "monitor ids are unique within a stack" },
  { id: "unique-name", description: "monitor names are unique within a stack" },
  {
    id: "threshold-override-unknown",
    description:
      "every threshold override in an environment file names a monitor of that environment",
  },
  {
    id: "state-key-shared",
    description: "no two stacks keep their Terraform state in the same place",
  },
  {
    id: "dashboard-json-fields",
    description:
      "dashboard JSON holds no field Datadog computes or rewrites (it would show as a change on every plan)",
  },
  {
    id: "dashboard-unique",
    description: "dashboard ids and titles are unique within a stack",
  },
  {
    id: "dashboard-link-target",
    description:
      "every dashboard a monitor message links to exists in the environment's dev stack",
  },
];

/** Problems with a monitor's `ignoreChecks` opt-outs (index.ts). */
export const OPT_OUT_CHECKS: readonly CheckEntry[] = [
  { id: "ignore-reason", description: "every opt-out gives a reason" },
  {
    id: "ignore-unknown",
    description: "every opt-out names a check that exists",
  },
  {
    id: "ignore-unused",
    description: "every opt-out silences a finding; stale ones are errors",
  },
];

/**
 * The README's list of checks, generated from the checks themselves so it
 * cannot drift (`npm run check -- --list` prints it).
 */
export function checksMarkdown(
  monitorChecks: readonly CheckEntry[] = MONITOR_CHECKS,
): string {
  const list = (entries: readonly CheckEntry[]) =>
    entries.map((c) => `- \`${c.id}\`: ${c.description}`).join("\n");
  return [
    "Per monitor:",
    "",
    list(monitorChecks),
    "",
    "Across the project:",
    "",
    list(PROJECT_CHECKS),
    "",
    "Opt-outs:",
    "",
    list(OPT_OUT_CHECKS),
  ].join("\n");
}
