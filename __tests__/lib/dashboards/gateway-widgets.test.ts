import { describe, expect, it } from "vitest";
import { metrics } from "../../../lib/catalog/metrics.js";
import {
  alb5xxGraph,
  byChain,
  countByChain,
  ecsTaskGraphs,
  latencyByChain,
  percentOf,
  perChainValues,
} from "../../../lib/dashboards/gateway-widgets.js";
import type { Widget } from "../../../lib/dashboards/widget.js";
import { expr } from "../../../lib/query/builder.js";
import { formatExpression } from "../../../lib/query/format.js";
import { anEnvironment } from "../../support/dashboards.js";

const env = anEnvironment("mainnet-prod");
const plotted = (w: Widget | undefined) =>
  w?.kind === "timeseries"
    ? w.plots.map((p) => formatExpression(p.expression))
    : [];

describe("gateway queries", () => {
  it.each([
    {
      name: "byChain groups a metric by chain under the dashboard's variables",
      made: () => byChain(metrics.operatorPoolSize, "min").build(),
      expected:
        "min:gateway.operator_pool_size{$env,$service,$chain_id} by {chain_id}",
    },
    {
      name: "countByChain counts a counter per interval",
      made: () => countByChain(metrics.rpcErrors).build(),
      expected:
        "sum:gateway.rpc_errors.count{$env,$service,$chain_id} by {chain_id}.as_count()",
    },
    {
      name: "percentOf multiplies before dividing",
      made: () => percentOf(expr.of(1), expr.of(4)),
      expected: "100 * 1 / 4",
    },
  ])("$name", ({ made, expected }) => {
    expect(formatExpression(made())).toBe(expected);
  });
});

describe("latencyByChain", () => {
  it("graphs one percentile of the latency distribution per chain", () => {
    const w = latencyByChain("p95");

    expect(w).toMatchObject({ title: "P95 latency by chain (s)" });
    expect(plotted(w)).toEqual([
      "p95:gateway.request_duration_seconds{$env,$service,$chain_id} by {chain_id}",
    ]);
  });
});

describe("alb5xxGraph", () => {
  it("counts the ALB's and the targets' 5xx on the environment's load balancer", () => {
    expect(plotted(alb5xxGraph(env))).toEqual([
      "sum:aws.applicationelb.httpcode_elb_5xx{loadbalancer:app/gateway-mainnet-prod/a4b3c2d1e0f98765}.as_count()",
      "sum:aws.applicationelb.httpcode_target_5xx{loadbalancer:app/gateway-mainnet-prod/a4b3c2d1e0f98765}.as_count()",
    ]);
  });
});

describe("ecsTaskGraphs", () => {
  it("graphs running against desired tasks for every ECS service", () => {
    const graphs = ecsTaskGraphs(env);

    expect(graphs).toHaveLength(Object.keys(env.services).length);
    expect(graphs[0]).toMatchObject({
      title: "ECS gateway: running vs desired tasks",
    });
    expect(plotted(graphs[0])).toEqual([
      "max:aws.ecs.service.running{clustername:gateway-mainnet-prod,servicename:gateway}",
      "max:aws.ecs.service.desired{clustername:gateway-mainnet-prod,servicename:gateway}",
    ]);
  });
});

describe("perChainValues", () => {
  it("shows one latest value per chain of the environment", () => {
    const values = perChainValues(env, "Lag", metrics.chainBlockLag, {
      space: "max",
      unit: "blocks",
    });

    expect(
      values.map(
        (v) =>
          v.kind === "query_value" && [
            v.title,
            formatExpression(v.expression),
            v.aggregator,
          ],
      ),
    ).toEqual([
      [
        "Lag: ethereum",
        "max:gateway.chain_block_lag{$env,$service,chain_id:1}",
        "last",
      ],
      [
        "Lag: base",
        "max:gateway.chain_block_lag{$env,$service,chain_id:8453}",
        "last",
      ],
    ]);
  });
});
