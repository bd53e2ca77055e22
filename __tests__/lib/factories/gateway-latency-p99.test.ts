import { describe, expect, it } from "vitest";
import { gatewayLatencyP99 } from "../../../lib/factories/gateway-latency-p99.js";
import { aContext, queryOf } from "../../support/context.js";

describe("gatewayLatencyP99", () => {
  it("groups the p99 distribution by chain, in seconds", () => {
    const spec = gatewayLatencyP99(aContext(), {
      p99LatencyMs: { critical: 2500, warning: 1200, criticalRecovery: 2000 },
    });

    expect(queryOf(spec)).toBe(
      "percentile(last_10m):p99:gateway.request_duration_seconds{env:testnet-prod} by {chain_id} > 2.5",
    );
    expect(spec.thresholds).toEqual({
      critical: 2.5,
      warning: 1.2,
      criticalRecovery: 2,
    });
    expect(spec.message).toContain("{{chain_id.name}}");
  });

  it("lets the environment override the thresholds, in milliseconds", () => {
    const spec = gatewayLatencyP99(aContext("mainnet-prod"), {
      p99LatencyMs: { critical: 9000 },
    });

    expect(spec.thresholds).toEqual({ critical: 1.5, warning: 1 });
  });
});
