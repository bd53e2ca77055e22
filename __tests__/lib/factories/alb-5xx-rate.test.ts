import { describe, expect, it } from "vitest";
import { alb5xxRate } from "../../../lib/factories/alb-5xx-rate.js";
import { aContext, queryOf } from "../../support/context.js";

describe("alb5xxRate", () => {
  it("divides 5xx by requests with a traffic floor over the window", () => {
    const spec = alb5xxRate(aContext(), {
      errorRatePercent: { critical: 5 },
      minRequestsPerMinute: 30,
    });
    const lb = "loadbalancer:app/gateway-testnet-prod/7f1e2d3c4b5a6978";

    expect(queryOf(spec)).toBe(
      `sum(last_10m):100 * (sum:aws.applicationelb.httpcode_elb_5xx{${lb}}.as_count()` +
        ` + sum:aws.applicationelb.httpcode_target_5xx{${lb}}.as_count())` +
        ` / clamp_min(sum:aws.applicationelb.request_count{${lb}}.as_count(), 300) > 5`,
    );
    expect(spec.evaluationDelaySeconds).toBe(900);
  });
});
