import { describe, expect, it } from "vitest";
import { metrics } from "../../../lib/catalog/metrics.js";
import {
  scopedSeries,
  standardTemplateVariables,
  templateVariablesJson,
  variablesIn,
  variableTerms,
} from "../../../lib/dashboards/template-variables.js";
import { expr, scope } from "../../../lib/query/builder.js";
import { formatExpression, formatScope } from "../../../lib/query/format.js";
import { anEnvironment } from "../../support/dashboards.js";

describe("scopedSeries", () => {
  it.each([
    {
      name: "an agent metric with a chain gets $env, $service and $chain_id",
      made: () =>
        scopedSeries(metrics.rpcErrors, { space: "sum", by: ["chain_id"] }),
      expected:
        "sum:gateway.rpc_errors.count{$env,$service,$chain_id} by {chain_id}",
    },
    {
      name: "an agent metric without a chain gets $env and $service",
      made: () => scopedSeries(metrics.redisUp),
      expected: "avg:gateway.redis_up{$env,$service}",
    },
    {
      name: "a fixed chain replaces $chain_id",
      made: () =>
        scopedSeries(metrics.chainBlockLag, {
          filter: scope.tag("chain_id", 1),
        }),
      expected: "avg:gateway.chain_block_lag{$env,$service,chain_id:1}",
    },
    {
      name: "a CloudWatch metric keeps only its own filter",
      made: () =>
        scopedSeries(metrics.albRequests, {
          filter: scope.tag("loadbalancer", "app/a/1"),
        }),
      expected: "avg:aws.applicationelb.request_count{loadbalancer:app/a/1}",
    },
  ])("$name", ({ made, expected }) => {
    expect(formatExpression(made().build())).toBe(expected);
  });
});

describe("variableTerms", () => {
  it("adds nothing for a tag the filter already fixes", () => {
    const terms = variableTerms(
      metrics.rpcErrors,
      scope.fromTags({ env: "x", chain_id: 1 }),
    );

    expect(terms.map(formatScope)).toEqual(["$service"]);
  });

  it("adds nothing for a metric outside the catalog", () => {
    expect(variableTerms(undefined, scope.all())).toEqual([]);
  });
});

describe("variablesIn", () => {
  it("finds every variable once, also inside functions and behind .value", () => {
    const e = expr.div(
      scopedSeries(metrics.rpcErrors),
      expr.call(
        "abs",
        scopedSeries(metrics.rpcRequests, {
          filter: { kind: "tag", value: "$chain_id.value", negated: false },
        }),
      ),
    );

    expect(variablesIn(e)).toEqual(["chain_id", "env", "service"]);
  });
});

describe("scope.variable", () => {
  it("rejects a name Datadog cannot reference", () => {
    expect(() => scope.variable("chain id")).toThrow(
      'expected a template variable name (letters, digits, _ and -), got "chain id"',
    );
  });
});

describe("standardTemplateVariables", () => {
  it("fixes env to the environment and offers its chains and services", () => {
    const json = templateVariablesJson(
      standardTemplateVariables(anEnvironment("testnet-prod")),
    );

    expect(json).toEqual([
      {
        name: "env",
        prefix: "env",
        available_values: ["testnet-prod"],
        defaults: ["testnet-prod"],
      },
      {
        name: "chain_id",
        prefix: "chain_id",
        available_values: ["11155111", "84532"],
        defaults: ["*"],
      },
      {
        name: "service",
        prefix: "service",
        available_values: [
          "aggregator",
          "chain-watcher",
          "challenger",
          "gateway",
          "operator",
          "transporter",
        ],
        defaults: ["*"],
      },
    ]);
  });
});
