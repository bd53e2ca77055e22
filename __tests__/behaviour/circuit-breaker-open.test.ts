import { beforeAll, describe, expect, it } from "vitest";
import { BREAKER_STATE } from "../../lib/factories/circuit-breaker-open.js";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { specFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
const { closed, halfOpen, open } = BREAKER_STATE;
const breaker = (
  chain: number,
  name: string,
  points: string,
  host = "gw-1",
): SeriesInput => ({
  metric: "gateway.circuit_breaker_state",
  tags: { env: ENV, chain_id: chain, breaker: name, host },
  points,
});

describe("monitors/circuit-breaker-open.ts", () => {
  let spec: MonitorSpec;
  beforeAll(async () => {
    spec = await specFrom("circuit-breaker-open.ts", ENV);
  });

  it("pages when one chain's breaker stays open for 5 minutes, alerting only that group, and recovers", () => {
    const result = evaluate(spec, [
      breaker(84532, "rpc", `${closed}x10 ${open}x10 ${closed}x10`),
      breaker(84532, "db", `${closed}x30`),
      breaker(11155111, "rpc", `${closed}x30`),
    ]);
    expect(result).toAlert({
      group: "chain_id:84532,breaker:rpc",
      from: "15m",
      until: "21m",
      only: true,
    });
    expect(result).toRecover({
      group: "chain_id:84532,breaker:rpc",
      at: "21m",
    });
    expect(result).toPage();
  });

  it("alerts when any instance holds the breaker open (max across hosts)", () => {
    const result = evaluate(spec, [
      breaker(84532, "rpc", `${closed}x10 ${open}x10`, "gw-1"),
      breaker(84532, "rpc", `${closed}x20`, "gw-2"),
    ]);
    expect(result).toAlert({
      group: "chain_id:84532,breaker:rpc",
      from: "15m",
    });
  });

  it("warns without paging while a breaker probes half-open", () => {
    const result = evaluate(spec, [
      breaker(84532, "rpc", `${closed}x5 ${halfOpen}x10 ${closed}x5`),
    ]);
    expect(result).toWarn({ from: "10m" });
    expect(result).not.toPage();
  });

  it("stays quiet when a breaker opens for less than the window", () => {
    const result = evaluate(spec, [
      breaker(84532, "rpc", `${closed}x10 ${open}x4 ${closed}x10`),
    ]);
    expect(result).not.toAlert();
  });
});
