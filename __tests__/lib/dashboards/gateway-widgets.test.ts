import { describe, expect, it } from "vitest";
import { metrics } from "../../../lib/catalog/metrics.js";
import { ecsTaskGraphs, perChainValues } from "../../../lib/dashboards/gateway-widgets.js";
import { formatExpression } from "../../../lib/query/format.js";
import { anEnvironment } from "../../support/dashboards.js";

const env = anEnvironment("mainnet-prod");

describe("ecsTaskGraphs", () => {
  it("graphs running against desired tasks for every ECS service", () => {
    const graphs = ecsTaskGraphs(env);

    expect(graphs).toHaveLength(Object.keys(env.services).length);
    expect(graphs[0]).toMatchObject({
      kind: "timeseries",
      title: "ECS gateway: running vs desired tasks",
    });
    const plots = graphs[0]?.kind === "timeseries" ? graphs[0].plots : [];
    expect(plots.map((p) => formatExpression(p.expression))).toEqual([
      "max:aws.ecs.service.running{clustername:gateway-mainnet-prod,servicename:gateway}",
      "max:aws.ecs.service.desired{clustername:gateway-mainnet-prod,servicename:gateway}",
    ]);
  });
});

describe("perChainValues", () => {
  it("shows one latest value per chain of the environment", () => {
    const values = perChainValues(env, "Lag", metrics.chainBlockLag, { space: "max", unit: "blocks" });

    expect(
      values.map((v) => v.kind === "query_value" && [v.title, formatExpression(v.expression), v.aggregator]),
    ).toEqual([
      ["Lag: ethereum", "max:gateway.chain_block_lag{$env,$service,chain_id:1}", "last"],
      ["Lag: base", "max:gateway.chain_block_lag{$env,$service,chain_id:8453}", "last"],
    ]);
  });
});
