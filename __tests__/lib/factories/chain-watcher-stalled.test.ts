import { describe, expect, it } from "vitest";
import { chainWatcherStalled } from "../../../lib/factories/chain-watcher-stalled.js";
import { aContext, queryOf } from "../../support/context.js";

describe("chainWatcherStalled", () => {
  it("alerts when no block was processed in the window, and on silence", () => {
    const spec = chainWatcherStalled(aContext(), { windowMinutes: 20 });

    expect(queryOf(spec)).toBe(
      "sum(last_20m):default_zero(sum:gateway.chain_watcher_blocks_processed.count{env:testnet-prod} by {chain_id}.as_count()) <= 0",
    );
    expect(spec.noData).toEqual({ kind: "notify", afterMinutes: 40 });
    expect(spec.message).toContain(
      "{{#is_no_data}}@pagerduty-gateway-testnet{{/is_no_data}}",
    );
  });
});
