import { describe, expect, it } from "vitest";
import { quorumFailures } from "../../../lib/factories/quorum-failures.js";
import { aContext, queryOf } from "../../support/context.js";

describe("quorumFailures", () => {
  it("counts failed aggregations per chain over the window", () => {
    const spec = quorumFailures(aContext("mainnet-prod"), {
      failures: { critical: 3, warning: 1 },
      windowMinutes: 30,
    });

    expect(queryOf(spec)).toBe(
      "sum(last_30m):sum:gateway.bls_quorum_failures.count{env:mainnet-prod} by {chain_id}.as_count() >= 3",
    );
    expect(spec.thresholds).toEqual({ critical: 3, warning: 1 });
    expect(spec.priority).toBe(1);
    expect(spec.tags).toContain("service:aggregator");
  });
});
