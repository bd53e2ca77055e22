import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluated } from "../../lib/dashboards/monitor-graphs.js";
import { DASHBOARDS } from "../../lib/factories/common.js";
import { formatNumber } from "../../lib/model/format-number.js";
import { dashboardLink } from "../../lib/model/links.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import { planProject, type PlanResult } from "../../lib/pipeline.js";
import { formatExpression, formatQuery } from "../../lib/query/format.js";
import {
  allWidgets,
  dashboardsOf,
  planOk,
  ROOT,
  scratchDir,
} from "../support/dashboards.js";

const ENVS = ["mainnet-prod", "testnet-prod", "testnet-stagef"];

/** The markers a monitor's graph must show, written out independently. */
function expectedMarkers(spec: MonitorSpec) {
  if (spec.query.kind === "raw") throw new Error(`${spec.id} has a raw query`);
  const { comparator } = spec.query;
  const one = (severity: string, display: string, value: number) => ({
    label: `${severity} ${comparator} ${formatNumber(value)}`,
    value: `y = ${formatNumber(value)}`,
    display_type: display,
  });
  return [
    one("critical", "error dashed", spec.thresholds.critical),
    ...(spec.thresholds.warning === undefined
      ? []
      : [one("warning", "warning dashed", spec.thresholds.warning)]),
  ];
}

/** The graph of a monitor on a dashboard, found by its query. */
function graphOf(body: Readonly<Record<string, unknown>>, spec: MonitorSpec) {
  if (spec.query.kind === "raw") throw new Error(`${spec.id} has a raw query`);
  const q = formatExpression(evaluated(spec.query));
  return allWidgets(body).filter((w) =>
    ((w.definition.requests ?? []) as { q: string }[]).some((r) => r.q === q),
  );
}

let result: PlanResult;
beforeAll(async () => {
  result = await planOk();
});

describe.each(ENVS)("%s monitor graphs", (env) => {
  const oncall = () =>
    result.plan.stacks.find((s) => s.name === `${env}-oncall`)!.monitors;

  it("show every paging monitor on the on-call overview with its current thresholds", () => {
    const body = dashboardsOf(result, env)["on-call-overview"]!.body;

    for (const { spec } of oncall()) {
      const graphs = graphOf(body, spec);
      expect(
        graphs.map((g) => g.definition.markers),
        spec.id,
      ).toEqual([expectedMarkers(spec)]);
    }
  });

  it("show each paging monitor on the dashboard its message links to", () => {
    const boards = Object.values(dashboardsOf(result, env));
    const envOf = result.plan.environments.find((e) => e.name === env)!;

    for (const { spec } of oncall()) {
      const title = Object.values(DASHBOARDS).find(
        (t) =>
          t !== DASHBOARDS.oncall &&
          spec.message.includes(dashboardLink(envOf, t)),
      );
      const board = boards.find((b) => b.title === `[${env}] ${title}`);
      expect(board, `${spec.id} links to ${title}`).toBeDefined();
      expect(
        graphOf(board!.body, spec).map((g) => g.definition.markers),
        spec.id,
      ).toEqual([expectedMarkers(spec)]);
    }
  });

  it("link each graph to its monitor's runbook", () => {
    const body = dashboardsOf(result, env)["on-call-overview"]!.body;

    for (const { spec } of oncall()) {
      const runbook = /^Runbook: (\S+)$/m.exec(spec.message)?.[1];
      expect(graphOf(body, spec)[0]?.definition.custom_links).toEqual([
        { label: "Runbook", link: runbook },
      ]);
    }
  });
});

describe("a threshold override", () => {
  it("moves the monitor and its graphs together in the same synth", async () => {
    const root = scratchDir();
    cpSync(join(ROOT, "config"), join(root, "config"), { recursive: true });
    const file = join(root, "config/environments/testnet-prod.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "thresholds: {}",
        "thresholds:\n  bls-quorum-failures: { critical: 7, warning: 3 }",
      ),
    );

    const edited = await planProject({
      root,
      monitors: join(ROOT, "monitors"),
      dashboards: join(ROOT, "dashboards"),
    });
    expect(edited.diagnostics).toEqual([]);

    const monitor = edited.plan.stacks
      .find((s) => s.name === "testnet-prod-oncall")!
      .monitors.find((m) => m.spec.id === "bls-quorum-failures")!.spec;
    expect(
      monitor.query.kind === "metric-monitor" && formatQuery(monitor.query),
    ).toMatch(/ >= 7$/);

    const boards = dashboardsOf(edited, "testnet-prod");
    for (const id of ["per-chain-health", "on-call-overview"]) {
      expect(
        graphOf(boards[id]!.body, monitor).map((g) => g.definition.markers),
        id,
      ).toEqual([
        [
          {
            label: "critical >= 7",
            value: "y = 7",
            display_type: "error dashed",
          },
          {
            label: "warning >= 3",
            value: "y = 3",
            display_type: "warning dashed",
          },
        ],
      ]);
    }
    const before = graphOf(
      dashboardsOf(result, "testnet-prod")["per-chain-health"]!.body,
      monitor,
    );
    expect(before[0]?.definition.markers).toMatchObject([
      { value: "y = 5" },
      { value: "y = 1" },
    ]);
  });
});
