import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { specFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
// Blocks processed per minute: 5 on a 12-second chain, 30 on a 2-second one.
const blocks = (chain: number, points: string): SeriesInput => ({
  metric: "gateway.chain_watcher_blocks_processed.count",
  tags: { env: ENV, chain_id: chain },
  points,
});

describe("monitors/chain-watcher-stalled.ts", () => {
  let spec: MonitorSpec;
  beforeAll(async () => {
    spec = await specFrom("chain-watcher-stalled.ts", ENV);
  });

  it("pages when a live watcher processes no block for 10 minutes, only for that chain, and recovers", () => {
    const result = evaluate(spec, [
      blocks(84532, "30x20 0x15 30x20"),
      blocks(11155111, "5x55"),
    ]);
    expect(result).toAlert({
      group: "chain_id:84532",
      from: "30m",
      until: "36m",
      only: true,
    });
    expect(result).toRecover({ group: "chain_id:84532", at: "36m" });
    expect(result).toStayOk({ group: "chain_id:11155111" });
    expect(result).toPage();
  });

  it("goes NO DATA and pages 20 minutes after a crashed watcher stops reporting", () => {
    const result = evaluate(spec, [
      blocks(84532, "30x20"),
      blocks(11155111, "5x60"),
    ]);
    expect(result).toBeNoData({
      group: "chain_id:84532",
      from: "40m",
      only: true,
    });
    expect(result).toPage();
  });

  it("stays quiet while a slow chain still produces a block every few minutes", () => {
    expect(
      evaluate(spec, [blocks(11155111, "1 0 0 0 ".repeat(15))]),
    ).toStayOk();
  });
});
