import { describe, expect, it } from "vitest";
import { chainRpcHealth } from "../../../lib/factories/chain-rpc-health.js";
import { aContext, queryOf } from "../../support/context.js";

const params = {
  errorRatePercent: { critical: 20, warning: 5 },
  maxLagSeconds: { critical: 120, warning: 30 },
};

describe("chainRpcHealth", () => {
  it("makes an error-rate and a lag monitor for every chain of the environment", () => {
    const specs = chainRpcHealth(aContext("mainnet-prod"), params);

    expect(specs.map((s) => s.id)).toEqual([
      "chain-rpc-errors-1",
      "chain-block-lag-1",
      "chain-rpc-errors-8453",
      "chain-block-lag-8453",
    ]);
  });

  it.each([
    ["chain-block-lag-11155111", { critical: 10, warning: 3 }],
    ["chain-block-lag-84532", { critical: 60, warning: 15 }],
  ])("converts lag seconds to %s blocks by block time", (id, thresholds) => {
    const spec = chainRpcHealth(aContext(), params).find((s) => s.id === id)!;

    expect(spec.thresholds).toEqual(thresholds);
    expect(queryOf(spec)).toMatch(new RegExp(` >= ${thresholds.critical}$`));
  });

  it("filters each monitor to its own chain and notifies on silence", () => {
    const spec = chainRpcHealth(aContext(), params).find(
      (s) => s.id === "chain-rpc-errors-84532",
    )!;

    expect(queryOf(spec)).toContain("{env:testnet-prod,chain_id:84532}");
    expect(spec.noData).toEqual({ kind: "notify", afterMinutes: 20 });
    expect(spec.tags).toContain("chain_id:84532");
  });
});
