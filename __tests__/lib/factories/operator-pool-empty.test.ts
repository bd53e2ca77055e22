import { describe, expect, it } from "vitest";
import { operatorPoolEmpty } from "../../../lib/factories/operator-pool-empty.js";
import { aContext, queryOf } from "../../support/context.js";

describe("operatorPoolEmpty", () => {
  it("alerts at zero operators and warns at the last one, per chain", () => {
    const spec = operatorPoolEmpty(aContext(), { warnAtOperators: 2 });

    expect(queryOf(spec)).toBe(
      "max(last_5m):min:gateway.operator_pool_size{env:testnet-prod} by {chain_id} <= 0",
    );
    expect(spec.thresholds).toEqual({ critical: 0, warning: 2 });
    expect(spec.noData).toEqual({ kind: "notify", afterMinutes: 10 });
  });
});
