import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type SeriesInput } from "../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { specFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
// The counter reports only when an aggregation misses its quorum.
const failures = (chain: number, points: string): SeriesInput => ({
  metric: "gateway.bls_quorum_failures.count",
  tags: { env: ENV, chain_id: chain },
  points,
});

describe("monitors/bls-quorum-failures.ts", () => {
  let spec: MonitorSpec;
  beforeAll(async () => {
    spec = await specFrom("bls-quorum-failures.ts", ENV);
  });

  it("pages when a chain misses its quorum 6 times in 3 minutes, and recovers once it stops", () => {
    const result = evaluate(spec, [failures(84532, "_x20 2x3 _x30")]);
    expect(result).toAlert({
      group: "chain_id:84532",
      from: "23m",
      until: "36m",
    });
    expect(result).toRecover({ group: "chain_id:84532", at: "38m" });
    expect(result).toPage();
  });

  it("alerts only the broken chain's group; a single miss elsewhere warns", () => {
    const result = evaluate(spec, [
      failures(84532, "_x20 2x3 _x30"),
      failures(11155111, "_x5 1 _x40"),
    ]);
    expect(result).toAlert({ group: "chain_id:84532", only: true });
    expect(result).toWarn({
      group: "chain_id:11155111",
      from: "7m",
      until: "21m",
    });
  });

  it("does not page on misses spread over an hour", () => {
    const result = evaluate(spec, [failures(84532, "1 _x19 1 _x19 1 _x20")]);
    expect(result).not.toAlert();
    expect(result).not.toPage();
  });

  it("stays quiet when no quorum is missed and the counter never reports", () => {
    expect(evaluate(spec, [failures(84532, "_x60")])).toStayOk();
  });
});
