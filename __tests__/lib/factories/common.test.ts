import { describe, expect, it } from "vitest";
import {
  composeMessage,
  monitorSpec,
  readsCloudwatch,
} from "../../../lib/factories/common.js";
import { metrics } from "../../../lib/catalog/metrics.js";
import { expr, monitorQuery, series } from "../../../lib/query/builder.js";
import { chainRpcHealth } from "../../../lib/factories/chain-rpc-health.js";
import { aContext } from "../../support/context.js";
import { planAt, tempProject } from "../../support/project.js";

const base = {
  id: "example",
  name: "Example",
  service: "gateway",
  summary: "  Something broke on {{chain_id.name}}.  ",
  impact: "users wait.",
  dashboard: "overview" as const,
  thresholds: { critical: 10, warning: 5 },
  query: (t: { critical: number }) =>
    monitorQuery({
      aggregator: "avg",
      windowMinutes: 5,
      expression: series(metrics.redisUp),
      comparator: ">",
      threshold: t.critical,
    }),
  priority: 1,
  noData: { kind: "notify" as const, afterMinutes: 10 },
};

describe("monitorSpec", () => {
  it("names the dashboard field and its keys for an unknown dashboard", () => {
    const build = () =>
      monitorSpec(aContext(), {
        ...base,
        dashboard: "internal" as unknown as "internals",
      });

    expect(build).toThrow(
      expect.objectContaining({
        name: "FactoryOptionsError",
        problems: [
          {
            path: ["dashboard"],
            message:
              'expected one of overview, chains, internals, oncall, got "internal"',
            hint: 'did you mean "internals"?',
          },
        ],
      }),
    );
  });

  it("clamps the priority into the environment's oncall range", () => {
    expect(monitorSpec(aContext("testnet-stagef"), base).priority).toBe(3);
    expect(monitorSpec(aContext("mainnet-prod"), base).priority).toBe(1);
  });

  it("gives dev monitors no priority and routes them to chat only", () => {
    const spec = monitorSpec(aContext("testnet-prod", "dev"), base);

    expect(spec.priority).toBeUndefined();
    expect(spec.message).toContain(
      "{{#is_alert}}@slack-gateway-dev{{/is_alert}}",
    );
    expect(spec.message).not.toContain("pagerduty");
  });

  it("tags with env, service, team and tier", () => {
    expect(monitorSpec(aContext(), base).tags).toEqual([
      "env:testnet-prod",
      "service:gateway",
      "team:gateway",
      "tier:oncall",
    ]);
  });

  it("pages on no data when the monitor notifies on it", () => {
    const message = composeMessage(aContext(), {
      summary: "s",
      impact: "i",
      runbook: "r",
      dashboard: "d",
      notifyOnNoData: true,
    });

    expect(message.split("\n").at(-1)).toBe(
      "{{#is_no_data}}@pagerduty-gateway-testnet{{/is_no_data}}",
    );
  });

  it("adds the CloudWatch evaluation delay only to aws.* queries", () => {
    expect(
      readsCloudwatch(expr.sub(series(metrics.ecsDesiredTasks).build(), 1)),
    ).toBe(true);
    expect(readsCloudwatch(expr.call("abs", series(metrics.albRequests)))).toBe(
      true,
    );
    expect(readsCloudwatch(series(metrics.redisUp).build())).toBe(false);
    expect(
      monitorSpec(aContext(), base).evaluationDelaySeconds,
    ).toBeUndefined();
  });
});

describe("monitorSpec instance options", () => {
  const withOverride = (id: string) => {
    const ctx = aContext();
    return {
      ...ctx,
      env: { ...ctx.env, thresholds: { [id]: { critical: 42 } } },
    };
  };

  it("keys the threshold override, runbook and name by the instance id", () => {
    const spec = monitorSpec(withOverride("second"), {
      ...base,
      instance: { id: "second", name: "Second example" },
    });

    expect(spec.id).toBe("second");
    expect(spec.name).toBe("[testnet-prod] Second example");
    expect(spec.thresholds).toEqual({ critical: 42, warning: 5 });
    expect(spec.message).toContain(
      "Runbook: https://runbooks.gateway.example/testnet/second",
    );
  });

  it("keeps the factory's id, name and runbook without instance options", () => {
    const spec = monitorSpec(withOverride("second"), base);

    expect(spec.id).toBe("example");
    expect(spec.name).toBe("[testnet-prod] Example");
    expect(spec.thresholds).toEqual({ critical: 10, warning: 5 });
    expect(spec.message).toContain("/testnet/example\n");
  });

  it("links the runbook the instance names", () => {
    const spec = monitorSpec(aContext(), {
      ...base,
      instance: { id: "second", runbook: "example" },
    });

    expect(spec.message).toContain("/testnet/example\n");
  });

  it("gives each monitor of a fan-out factory its own id and name", () => {
    const specs = chainRpcHealth(aContext(), {
      id: "rpc-strict",
      name: "Strict RPC",
      errorRatePercent: { critical: 5 },
      maxLagSeconds: { critical: 30 },
    });

    expect(specs.map((s) => [s.id, s.name])).toEqual([
      [
        "rpc-strict-rpc-errors-11155111",
        "[testnet-prod] Strict RPC (RPC errors on ethereum-sepolia)",
      ],
      [
        "rpc-strict-block-lag-11155111",
        "[testnet-prod] Strict RPC (block lag on ethereum-sepolia)",
      ],
      [
        "rpc-strict-rpc-errors-84532",
        "[testnet-prod] Strict RPC (RPC errors on base-sepolia)",
      ],
      [
        "rpc-strict-block-lag-84532",
        "[testnet-prod] Strict RPC (block lag on base-sepolia)",
      ],
    ]);
    expect(specs[0]!.message).toContain("/testnet/chain-rpc-errors\n");
  });

  it("lets a second factory instance synth beside the first with its own override", async () => {
    const root = tempProject({
      edit: {
        "testnet-prod.yaml": (y) =>
          y.replace(
            "thresholds: {}",
            "thresholds:\n  pool-low: { critical: 1, warning: 3 }",
          ),
      },
      monitors: {
        "pool-low.ts": `
          import { defineMonitor } from "LIB/model/definition.js";
          import { operatorPoolEmpty } from "LIB/factories/operator-pool-empty.js";
          export default defineMonitor({ tier: "oncall",
            build: (ctx) => operatorPoolEmpty(ctx, { id: "pool-low", name: "Operator pool low", warnAtOperators: 2 }) });`,
      },
    });
    const result = await planAt(root);
    const stack = result.plan.stacks.find(
      (s) => s.name === "testnet-prod-oncall",
    )!;
    const spec = stack.monitors.find((m) => m.spec.id === "pool-low")!.spec;

    expect(result.diagnostics).toEqual([]);
    expect(spec.name).toBe("[testnet-prod] Operator pool low");
    expect(spec.thresholds).toEqual({ critical: 1, warning: 3 });
  });
});
