import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { specFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
const pool = (chain: number, points: string, host = "op-1"): SeriesInput => ({
  metric: "gateway.operator_pool_size",
  tags: { env: ENV, chain_id: chain, host },
  points,
});

describe("monitors/operator-pool-empty.ts", () => {
  let spec: MonitorSpec;
  beforeAll(async () => {
    spec = await specFrom("operator-pool-empty.ts", ENV);
  });

  it("pages when a chain's pool is empty for 5 minutes, only for that chain, and recovers", () => {
    const result = evaluate(spec, [
      pool(84532, "4x10 0x10 4x10"),
      pool(11155111, "4x30"),
    ]);
    expect(result).toAlert({
      group: "chain_id:84532",
      from: "15m",
      until: "21m",
      only: true,
    });
    expect(result).toRecover({ group: "chain_id:84532", at: "21m" });
    expect(result).toStayOk({ group: "chain_id:11155111" });
    expect(result).toPage();
  });

  it("warns without paging when one operator is left", () => {
    const result = evaluate(spec, [pool(84532, "4x10 1x10 4x10")]);
    expect(result).toWarn({ from: "15m" });
    expect(result).not.toPage();
  });

  it("reads the smallest pool any instance sees", () => {
    const result = evaluate(spec, [
      pool(84532, "4x20", "op-1"),
      pool(84532, "4x10 0x10", "op-2"),
    ]);
    expect(result).toAlert({ from: "15m" });
  });

  it("goes NO DATA and pages 10 minutes after the gauge stops", () => {
    const result = evaluate(spec, [
      pool(84532, "4x10"),
      pool(11155111, "4x30"),
    ]);
    expect(result).toBeNoData({
      group: "chain_id:84532",
      from: "20m",
      only: true,
    });
    expect(result).toPage();
  });
});
