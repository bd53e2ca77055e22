import { describe, expect, it } from "vitest";
import { redisUnavailable } from "../../../lib/factories/redis-unavailable.js";
import { pagingHandlesIn } from "../../../lib/model/handles.js";
import { aContext, queryOf } from "../../support/context.js";

describe("redisUnavailable", () => {
  it("warns developers when most gateways lose Redis, without paging", () => {
    const spec = redisUnavailable(aContext("mainnet-prod", "dev"));

    expect(queryOf(spec)).toBe(
      "max(last_5m):avg:gateway.redis_up{env:mainnet-prod} < 0.5",
    );
    expect(pagingHandlesIn(spec.message)).toEqual([]);
    expect(spec.message).toContain("degraded, not down");
    expect(spec.tags).toContain("tier:dev");
  });
});
