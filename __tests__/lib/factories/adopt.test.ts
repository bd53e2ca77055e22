import { describe, expect, it } from "vitest";
import { chainRpcHealth } from "../../../lib/factories/chain-rpc-health.js";
import { adopt } from "../../../lib/factories/common.js";
import { redisUnavailable } from "../../../lib/factories/redis-unavailable.js";
import { aContext } from "../../support/context.js";

describe("adopt", () => {
  it("sets the Datadog id of this environment on the spec it names", () => {
    const ctx = aContext("testnet-prod", "dev");
    const ids = {
      "redis-unavailable": { "testnet-prod": 7, "mainnet-prod": 9 },
    };

    expect(adopt(ctx, redisUnavailable(ctx), ids).importId).toBe(7);
  });

  it("leaves other environments without an import", () => {
    const ctx = aContext("testnet-stagef", "dev");
    const ids = { "redis-unavailable": { "testnet-prod": 7 } };

    expect(adopt(ctx, redisUnavailable(ctx), ids).importId).toBeUndefined();
  });

  it("adopts one spec among several a factory builds", () => {
    const ctx = aContext("testnet-prod", "oncall");
    const specs = chainRpcHealth(ctx, {
      errorRatePercent: { critical: 5 },
      maxLagSeconds: { critical: 60 },
    });
    const adopted = adopt(ctx, specs, {
      "chain-rpc-errors-84532": { "testnet-prod": 11 },
    });

    expect(
      adopted.filter((s) => s.importId !== undefined).map((s) => s.id),
    ).toEqual(["chain-rpc-errors-84532"]);
  });
});
