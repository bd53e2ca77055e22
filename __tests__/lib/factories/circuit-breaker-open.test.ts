import { describe, expect, it } from "vitest";
import {
  BREAKER_STATE,
  circuitBreakerOpen,
} from "../../../lib/factories/circuit-breaker-open.js";
import { aContext, queryOf } from "../../support/context.js";

describe("circuitBreakerOpen", () => {
  it("alerts when a breaker is open for the whole window, per chain and breaker", () => {
    const spec = circuitBreakerOpen(aContext(), { windowMinutes: 3 });

    expect(queryOf(spec)).toBe(
      "min(last_3m):max:gateway.circuit_breaker_state{env:testnet-prod} by {chain_id,breaker} >= 2",
    );
    expect(spec.thresholds).toEqual({
      critical: BREAKER_STATE.open,
      warning: BREAKER_STATE.halfOpen,
    });
    expect(spec.name).toBe(
      "[testnet-prod] Circuit breaker {{breaker.name}} open on chain {{chain_id.name}}",
    );
  });
});
