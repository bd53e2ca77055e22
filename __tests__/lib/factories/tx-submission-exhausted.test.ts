import { describe, expect, it } from "vitest";
import { txSubmissionExhausted } from "../../../lib/factories/tx-submission-exhausted.js";
import { aContext, queryOf } from "../../support/context.js";

describe("txSubmissionExhausted", () => {
  it("alerts on the first exhausted submission per chain", () => {
    const spec = txSubmissionExhausted(aContext());

    expect(queryOf(spec)).toBe(
      "sum(last_15m):sum:gateway.tx_submission_exhausted.count{env:testnet-prod} by {chain_id}.as_count() >= 1",
    );
    expect(spec.thresholds).toEqual({ critical: 1 });
  });
});
