import { beforeAll, describe, expect, it } from "vitest";
import { pagingHandlesIn } from "../../lib/model/handles.js";
import {
  monitorsOf,
  planAt,
  repoRoot,
  synthToJson,
  type SynthOutput,
} from "../support/project.js";

let output: SynthOutput;
beforeAll(async () => {
  output = synthToJson(await planAt(repoRoot));
});

/** A short, reviewable view of a stack: what pages whom, on which query. */
function summary(stack: string) {
  return Object.fromEntries(
    Object.entries(monitorsOf(output, stack)).map(([id, m]) => [
      id,
      `${m.query} | ${JSON.stringify(m.monitor_thresholds)} | P${m.priority ?? "-"} | ${[...new Set(pagingHandlesIn(m.message))].join(" ") || "no pager"}`,
    ]),
  );
}

describe("synthesized stacks", () => {
  it("makes an oncall and a dev stack per environment", () => {
    expect(Object.keys(output).sort()).toEqual([
      "mainnet-prod-dev",
      "mainnet-prod-oncall",
      "testnet-prod-dev",
      "testnet-prod-oncall",
      "testnet-stagef-dev",
      "testnet-stagef-oncall",
    ]);
  });

  it.each(["mainnet-prod", "testnet-prod", "testnet-stagef"])(
    "%s: oncall monitors match the snapshot",
    (env) => {
      expect(summary(`${env}-oncall`)).toMatchSnapshot();
    },
  );

  it.each(["mainnet-prod", "testnet-prod", "testnet-stagef"])(
    "%s: dev monitors match the snapshot and page nobody",
    (env) => {
      const dev = monitorsOf(output, `${env}-dev`);

      expect(summary(`${env}-dev`)).toMatchSnapshot();
      for (const m of Object.values(dev))
        expect(pagingHandlesIn(m.message)).toEqual([]);
    },
  );

  it("pages on alert and sends warnings and recoveries to chat in oncall", () => {
    const m = monitorsOf(output, "mainnet-prod-oncall")["gateway-latency-p99"]!;

    expect(m.message).toContain(
      "{{#is_alert}}@pagerduty-gateway-mainnet{{/is_alert}}",
    );
    expect(m.message).toContain(
      "{{#is_warning}}@slack-gateway-mainnet-alerts{{/is_warning}}",
    );
    expect(m.message).toContain(
      "{{#is_recovery}}@slack-gateway-mainnet-alerts{{/is_recovery}}",
    );
    expect(m.message).toContain(
      "Runbook: https://runbooks.gateway.example/mainnet/gateway-latency-p99",
    );
    expect(m.message).toMatch(
      /Dashboard: https:\/\/app\.datadoghq\.com\/dashboard\/lists\?q=/,
    );
    expect(m.name).toBe(
      "[mainnet-prod] Gateway P99 latency high on chain {{chain_id.name}}",
    );
  });

  it("applies the environment's threshold override, converted to seconds", () => {
    const main = monitorsOf(output, "mainnet-prod-oncall")[
      "gateway-latency-p99"
    ]!;
    const test = monitorsOf(output, "testnet-prod-oncall")[
      "gateway-latency-p99"
    ]!;

    expect(main.query).toBe(
      "percentile(last_10m):p99:gateway.request_duration_seconds{env:mainnet-prod} by {chain_id} > 1.5",
    );
    expect(main.monitor_thresholds).toEqual({ critical: "1.5", warning: "1" });
    expect(test.monitor_thresholds).toEqual({ critical: "3", warning: "2" });
  });

  it("fans RPC health out to one monitor per chain with lag in that chain's blocks", () => {
    const m = monitorsOf(output, "mainnet-prod-oncall");

    expect(m["chain-block-lag-1"]?.monitor_thresholds).toEqual({
      critical: "10",
      warning: "5",
    });
    expect(m["chain-block-lag-8453"]?.monitor_thresholds).toEqual({
      critical: "60",
      warning: "30",
    });
    expect(m["chain-rpc-errors-8453"]?.query).toBe(
      "sum(last_10m):100 * sum:gateway.rpc_errors.count{env:mainnet-prod,chain_id:8453}.as_count()" +
        " / sum:gateway.rpc_requests.count{env:mainnet-prod,chain_id:8453}.as_count() > 20",
    );
  });

  it("watches every ECS service of testnet-prod, scaled to its desired count", () => {
    const m = monitorsOf(output, "testnet-prod-oncall");
    const ecs = Object.keys(m).filter((id) =>
      id.startsWith("ecs-running-tasks-"),
    );

    expect(ecs.sort()).toEqual([
      "ecs-running-tasks-aggregator",
      "ecs-running-tasks-chain-watcher",
      "ecs-running-tasks-challenger",
      "ecs-running-tasks-gateway",
      "ecs-running-tasks-operator",
      "ecs-running-tasks-transporter",
    ]);
    expect(m["ecs-running-tasks-gateway"]?.monitor_thresholds).toEqual({
      critical: "3",
      warning: "1",
    });
    expect(m["ecs-running-tasks-gateway"]?.evaluation_delay).toBe(900);
  });

  it("tags oncall monitors with team, service, env and a priority in range", () => {
    for (const [id, m] of Object.entries(
      monitorsOf(output, "testnet-prod-oncall"),
    )) {
      const keys = m.tags.map((t) => t.split(":")[0]);
      expect(keys, id).toEqual(
        expect.arrayContaining(["team", "service", "env"]),
      );
      expect(Number(m.priority), id).toBeGreaterThanOrEqual(2);
      expect(Number(m.priority), id).toBeLessThanOrEqual(4);
    }
  });

  it("writes Terraform's S3 lock-file and DynamoDB backends and local state", () => {
    expect(output["testnet-prod-oncall"]?.terraform.backend).toEqual({
      s3: {
        bucket: "gateway-monitoring-tfstate",
        encrypt: true,
        key: "gateway-monitoring/testnet-prod-oncall.tfstate",
        region: "us-east-1",
        use_lockfile: true,
      },
    });
    expect(output["mainnet-prod-dev"]?.terraform.backend).toEqual({
      s3: {
        bucket: "gateway-monitoring-tfstate-mainnet",
        dynamodb_table: "gateway-monitoring-tflock",
        encrypt: true,
        key: "gateway-monitoring/mainnet-prod-dev.tfstate",
        region: "us-east-1",
      },
    });
    expect(output["testnet-stagef-oncall"]?.terraform.backend).toEqual({
      local: { path: "../../../terraform.testnet-stagef-oncall.tfstate" },
    });
  });

  it("pins the Datadog provider and writes no credentials", () => {
    const stack = output["testnet-prod-oncall"]!;

    expect(stack.terraform.required_providers).toEqual({
      datadog: { source: "DataDog/datadog", version: "3.82.0" },
    });
    expect(stack.provider).toEqual({
      datadog: [{ api_url: "https://api.datadoghq.com/" }],
    });
    expect(JSON.stringify(output)).not.toMatch(
      /api_key|app_key|access_key|secret_key|token/i,
    );
  });
});
