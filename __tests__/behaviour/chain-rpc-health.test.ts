import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { specFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
const BASE = 84532; // 2-second blocks
const SEPOLIA = 11155111; // 12-second blocks
const count = (metric: string, chain: number, points: string): SeriesInput => ({
  metric: `gateway.${metric}.count`,
  tags: { env: ENV, chain_id: chain },
  points,
});
const lag = (chain: number, points: string): SeriesInput => ({
  metric: "gateway.chain_block_lag",
  tags: { env: ENV, chain_id: chain },
  points,
});

describe("monitors/chain-rpc-health.ts", () => {
  const specs: Record<string, MonitorSpec> = {};
  beforeAll(async () => {
    for (const id of [
      `chain-rpc-errors-${BASE}`,
      `chain-rpc-errors-${SEPOLIA}`,
      `chain-block-lag-${BASE}`,
      `chain-block-lag-${SEPOLIA}`,
    ]) {
      specs[id] = await specFrom("chain-rpc-health.ts", ENV, id);
    }
  });

  describe("RPC errors", () => {
    const brokenBase = [
      count("rpc_requests", BASE, "600x60"),
      count("rpc_errors", BASE, "_x20 180x15 _x25"),
      count("rpc_requests", SEPOLIA, "100x60"),
      count("rpc_errors", SEPOLIA, "1x60"),
    ];

    it("pages for the chain whose RPC fails 30% of calls, and recovers", () => {
      const result = evaluate(specs[`chain-rpc-errors-${BASE}`]!, brokenBase);
      // 30% of the window's calls once 7 of its 10 minutes fail: 21%
      expect(result).toAlert({ from: "27m", until: "39m" });
      expect(result).toRecover({ at: "44m" });
      expect(result).toPage();
    });

    it("leaves the other chain's monitor quiet", () => {
      expect(
        evaluate(specs[`chain-rpc-errors-${SEPOLIA}`]!, brokenBase),
      ).toStayOk();
    });

    it("goes NO DATA, paging, when the chain's RPC metrics stop for 20 minutes", () => {
      const result = evaluate(
        specs[`chain-rpc-errors-${BASE}`]!,
        [count("rpc_requests", BASE, "600x20")],
        { toMinute: 60 },
      );
      expect(result).toBeNoData({ from: "40m" });
      expect(result).toPage();
    });
  });

  describe("block lag, with thresholds in blocks per chain", () => {
    it("pages when the 2-second chain stays 70 blocks (140 s) behind", () => {
      const result = evaluate(specs[`chain-block-lag-${BASE}`]!, [
        lag(BASE, "2x10 70x10 2x10"),
      ]);
      expect(result).toAlert({ from: "15m", until: "21m" });
    });

    it("only warns when the 12-second chain is 8 blocks (96 s) behind", () => {
      const result = evaluate(specs[`chain-block-lag-${SEPOLIA}`]!, [
        lag(SEPOLIA, "0x10 8x10 0x10"),
      ]);
      expect(result).toWarn({ from: "15m" });
      expect(result).not.toPage();
    });

    it("does not alert on a lag spike shorter than the window", () => {
      expect(
        evaluate(specs[`chain-block-lag-${BASE}`]!, [
          lag(BASE, "2x10 90x4 2x10"),
        ]),
      ).toStayOk();
    });
  });
});
