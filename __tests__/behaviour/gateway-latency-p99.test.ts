import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { specFrom } from "../support/monitors.js";

// Task latency in seconds, 100 requests a minute per chain.
const latency = (env: string, chain: number, samples: string): SeriesInput => ({
  metric: "gateway.request_duration_seconds",
  tags: { env, chain_id: chain },
  samples,
});
const FAST = "0.3*100";
const SLOW = "0.3*95,4*5"; // 5% of requests take 4 s

describe("monitors/gateway-latency-p99.ts", () => {
  let testnet: MonitorSpec;
  let mainnet: MonitorSpec;
  beforeAll(async () => {
    testnet = await specFrom("gateway-latency-p99.ts", "testnet-prod");
    mainnet = await specFrom("gateway-latency-p99.ts", "mainnet-prod");
  });

  it("pages when 5% of a chain's requests take 4 s, alerting only that chain, and recovers", () => {
    const result = evaluate(testnet, [
      latency("testnet-prod", 84532, `${FAST}x10 ${SLOW}x15 ${FAST}x20`),
      latency("testnet-prod", 11155111, `${FAST}x45`),
    ]);
    // p99 of the 10-minute window passes once 3 slow minutes are in it
    expect(result).toAlert({
      group: "chain_id:84532",
      from: "13m",
      until: "33m",
      only: true,
    });
    expect(result).toRecover({ group: "chain_id:84532", at: "33m" });
    expect(result).toStayOk({ group: "chain_id:11155111" });
    expect(result).toPage();
  });

  it("reads the environment's threshold override in milliseconds: 2.5 s pages on mainnet, warns on testnet", () => {
    const slowish = "0.3*95,2.5*5";
    const onTestnet = evaluate(testnet, [
      latency("testnet-prod", 84532, `${slowish}x20`),
    ]);
    const onMainnet = evaluate(mainnet, [
      latency("mainnet-prod", 8453, `${slowish}x20`),
    ]);
    expect(mainnet.thresholds.critical).toBe(1.5);
    expect(onMainnet).toAlert({ group: "chain_id:8453" });
    expect(onTestnet).toWarn({ group: "chain_id:84532" });
  });

  it("does not page when fewer than 1% of requests are slow", () => {
    const result = evaluate(testnet, [
      latency("testnet-prod", 84532, "0.3*995,9*5x30"),
    ]);
    expect(result).toStayOk();
  });
});
