import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DASHBOARDS } from "../../lib/factories/common.js";
import type { PlanResult } from "../../lib/pipeline.js";
import { loadDefinitions } from "../../lib/registry.js";
import {
  allWidgets,
  dashboardsOf,
  planOk,
  readableJson,
  ROOT,
} from "../support/dashboards.js";

const ENVS = ["mainnet-prod", "testnet-prod", "testnet-stagef"] as const;

let result: PlanResult;
beforeAll(async () => {
  result = await planOk();
});

describe("dashboards/", () => {
  it("loads every file in the folder, with no index to edit", async () => {
    const files = readdirSync(join(ROOT, "dashboards")).filter((f) =>
      f.endsWith(".ts"),
    );
    const loaded = await loadDefinitions(
      join(ROOT, "dashboards"),
      "dashboard",
      ROOT,
    );

    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value.map((l) => l.file)).toEqual(
      files.sort().map((f) => `dashboards/${f}`),
    );
  });

  it.each(ENVS)(
    "%s: the dev stack has the four dashboards messages link to",
    (env) => {
      const titles = Object.values(dashboardsOf(result, env)).map(
        (d) => d.title,
      );

      expect(titles.sort()).toEqual(
        Object.values(DASHBOARDS)
          .map((t) => `[${env}] ${t}`)
          .sort(),
      );
    },
  );

  it.each(ENVS)("%s: the oncall stack has no dashboard", (env) => {
    const oncall = result.plan.stacks.find((s) => s.name === `${env}-oncall`);

    expect(oncall?.dashboards).toEqual([]);
  });
});

describe("testnet-prod dashboards", () => {
  it.each([
    "gateway-overview",
    "per-chain-health",
    "gateway-internals",
    "on-call-overview",
  ])("%s matches its JSON snapshot", async (id) => {
    const spec = dashboardsOf(result, "testnet-prod")[id]!;

    await expect(`${readableJson(spec.body)}\n`).toMatchFileSnapshot(
      `__snapshots__/testnet-prod/${id}.json`,
    );
  });
});

describe.each(ENVS)("%s dashboards", (env) => {
  const boards = () => dashboardsOf(result, env);

  it("fix the env variable to the environment", () => {
    for (const spec of Object.values(boards())) {
      expect(spec.body.template_variables).toContainEqual({
        name: "env",
        prefix: "env",
        available_values: [env],
        defaults: [env],
      });
    }
  });

  it("summarize the environment's paging monitors on the on-call overview", () => {
    const summary = allWidgets(boards()["on-call-overview"]!.body).filter(
      (w) => w.definition.type === "manage_status",
    );

    expect(summary.map((w) => w.definition.query)).toEqual([
      `tag:(env:${env} AND tier:oncall)`,
    ]);
  });

  it("show the block lag of each of the environment's chains", () => {
    const env_ = result.plan.environments.find((e) => e.name === env)!;
    const titles = allWidgets(boards()["per-chain-health"]!.body)
      .filter((w) => w.definition.type === "query_value")
      .map((w) => w.definition.title);

    expect(titles).toEqual(env_.chains.map((c) => `Blocks behind: ${c.name}`));
  });

  it("graph running against desired tasks for every ECS service", () => {
    const env_ = result.plan.environments.find((e) => e.name === env)!;
    const ecs = allWidgets(boards()["gateway-overview"]!.body).filter((w) =>
      String(w.definition.title).endsWith("running vs desired tasks"),
    );

    expect(ecs).toHaveLength(Object.keys(env_.services).length);
  });
});

it("mainnet-prod graphs its own P99 latency override (1500/1000 ms) in seconds", () => {
  const graph = allWidgets(
    dashboardsOf(result, "mainnet-prod")["gateway-overview"]!.body,
  ).find(
    (w) =>
      w.definition.title === "Gateway P99 latency high on chain <chain_id>",
  );

  expect(graph?.definition.markers).toEqual([
    { label: "critical > 1.5", value: "y = 1.5", display_type: "error dashed" },
    { label: "warning > 1", value: "y = 1", display_type: "warning dashed" },
  ]);
});
