import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import { alb5xxRate } from "../../lib/factories/alb-5xx-rate.js";
import { chainRpcHealth } from "../../lib/factories/chain-rpc-health.js";
import { chainWatcherStalled } from "../../lib/factories/chain-watcher-stalled.js";
import { circuitBreakerOpen } from "../../lib/factories/circuit-breaker-open.js";
import { ecsRunningTasks } from "../../lib/factories/ecs-running-tasks.js";
import { gatewayLatencyP99 } from "../../lib/factories/gateway-latency-p99.js";
import { operatorPoolEmpty } from "../../lib/factories/operator-pool-empty.js";
import { quorumFailures } from "../../lib/factories/quorum-failures.js";
import { rawMonitor } from "../../lib/factories/raw-monitor.js";
import { redisUnavailable } from "../../lib/factories/redis-unavailable.js";
import { txSubmissionExhausted } from "../../lib/factories/tx-submission-exhausted.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { contextFor, ROOT } from "../support/monitors.js";

/**
 * Each factory with parameters other than the monitor files use, on the
 * staging environment: the failure it exists for alerts, healthy data
 * stays quiet. monitors/ files have their own, fuller behaviour tests.
 */
const ENV = "testnet-stagef";
const ctx = contextFor(ENV);
const { loadbalancer } = ctx.env.alb;
const agent = (
  metric: string,
  points: string,
  tags: Record<string, string | number> = {},
): SeriesInput => ({
  metric: `gateway.${metric}`,
  tags: { env: ENV, chain_id: 84532, ...tags },
  points,
});
const latency = (samples: string): SeriesInput => ({
  metric: "gateway.request_duration_seconds",
  tags: { env: ENV, chain_id: 84532 },
  samples,
});
const alb = (metric: string, points: string): SeriesInput => ({
  metric: `aws.applicationelb.${metric}`,
  tags: { loadbalancer },
  points,
});
const ecs = (kind: string, points: string): SeriesInput => ({
  metric: `aws.ecs.service.${kind}`,
  tags: { clustername: ctx.env.ecsCluster, servicename: "operator" },
  points,
});

interface Case {
  readonly build: () => MonitorSpec;
  readonly failing: SeriesInput[];
  readonly healthy: SeriesInput[];
}

const CASES: Record<string, Case> = {
  "alb-5xx-rate": {
    build: () =>
      alb5xxRate(ctx, {
        errorRatePercent: { critical: 1 },
        minRequestsPerMinute: 50,
        windowMinutes: 5,
      }),
    failing: [
      alb("request_count", "500x40"),
      alb("httpcode_target_5xx", "_x10 10x10 _x20"),
    ],
    healthy: [
      alb("request_count", "500x40"),
      alb("httpcode_target_5xx", "1x40"),
    ],
  },
  "chain-rpc-health": {
    build: () =>
      chainRpcHealth(ctx, {
        errorRatePercent: { critical: 10 },
        maxLagSeconds: { critical: 30 },
      }).find((s) => s.id === "chain-block-lag-84532")!,
    failing: [agent("chain_block_lag", "1x10 20x10 1x10")],
    healthy: [agent("chain_block_lag", "1x10 10x10 1x10")],
  },
  "chain-watcher-stalled": {
    build: () => chainWatcherStalled(ctx, { windowMinutes: 5 }),
    failing: [
      agent("chain_watcher_blocks_processed.count", "30x10 0x10 30x10"),
    ],
    healthy: [agent("chain_watcher_blocks_processed.count", "30x30")],
  },
  "circuit-breaker-open": {
    build: () => circuitBreakerOpen(ctx, { windowMinutes: 2 }),
    failing: [
      agent("circuit_breaker_state", "0x10 2x3 0x10", { breaker: "rpc" }),
    ],
    healthy: [
      agent("circuit_breaker_state", "0x10 2x1 0x10", { breaker: "rpc" }),
    ],
  },
  "ecs-running-tasks": {
    build: () =>
      ecsRunningTasks(ctx, {
        service: "operator",
        missingTasks: { critical: 1 },
        windowMinutes: 5,
      }),
    failing: [ecs("desired", "2x40"), ecs("running", "2x10 1x10 2x20")],
    healthy: [ecs("desired", "2x40"), ecs("running", "2x10 1x3 2x27")],
  },
  // staging's thresholds override (5000 ms) wins over the parameters
  "gateway-latency-p99": {
    build: () => gatewayLatencyP99(ctx, { p99LatencyMs: { critical: 500 } }),
    failing: [latency("0.1*100x10 0.1*90,6*10x10")],
    healthy: [latency("0.1*100x10 4*100x10")],
  },
  "operator-pool-empty": {
    build: () =>
      operatorPoolEmpty(ctx, { warnAtOperators: 2, windowMinutes: 2 }),
    failing: [agent("operator_pool_size", "3x10 0x3 3x10")],
    healthy: [agent("operator_pool_size", "3x30")],
  },
  "quorum-failures": {
    build: () =>
      quorumFailures(ctx, { failures: { critical: 2 }, windowMinutes: 5 }),
    failing: [agent("bls_quorum_failures.count", "_x10 1 _ 1 _x10")],
    healthy: [agent("bls_quorum_failures.count", "_x10 1 _x10 1 _x10")],
  },
  "redis-unavailable": {
    build: () => redisUnavailable(contextFor(ENV, "dev"), { windowMinutes: 2 }),
    failing: [agent("redis_up", "1x10 0x3 1x10")],
    healthy: [agent("redis_up", "1x10 0x1 1x10")],
  },
  "tx-submission-exhausted": {
    build: () => txSubmissionExhausted(ctx, { exhausted: { critical: 3 } }),
    failing: [agent("tx_submission_exhausted.count", "_x10 3 _x20")],
    healthy: [agent("tx_submission_exhausted.count", "_x10 2 _x20")],
  },
  "raw-monitor": {
    build: () =>
      rawMonitor(ctx, {
        id: "redis-latency-high",
        name: "Redis latency high",
        type: "query alert",
        query: `avg(last_5m):avg:gateway.redis.latency{env:${ENV}} > 0.5`,
        thresholds: { critical: 0.5 },
        message: "Redis is slow. @slack-gateway-dev",
      }),
    failing: [agent("redis.latency", "0.1x10 0.9x10")],
    healthy: [agent("redis.latency", "0.1x10 0.4x10")],
  },
};

/** Files in lib/factories that hold shared code, not a factory. */
const HELPERS = new Set(["common.ts", "options.ts"]);

describe("factories", () => {
  it.each(Object.entries(CASES))(
    "%s alerts on its failure with custom parameters",
    (_, c) => {
      expect(evaluate(c.build(), c.failing)).toAlert();
    },
  );

  it.each(Object.entries(CASES))(
    "%s stays quiet on healthy data with custom parameters",
    (_, c) => {
      expect(evaluate(c.build(), c.healthy)).not.toAlert();
    },
  );

  it("has a case for every factory in lib/factories", () => {
    const files = readdirSync(join(ROOT, "lib/factories"))
      .filter((f) => f.endsWith(".ts") && !HELPERS.has(f))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(Object.keys(CASES).sort()).toEqual(files.sort());
  });
});
