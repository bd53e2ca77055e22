import { beforeAll, describe, expect, it } from "vitest";
import {
  evaluate,
  notifications,
  type SeriesInput,
} from "../../lib/evaluate/index.js";
import { pagingHandlesIn } from "../../lib/model/handles.js";
import type { PlacedMonitor } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { placedMonitors, specsFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
const redisUp = (host: string, points: string): SeriesInput => ({
  metric: "gateway.redis_up",
  tags: { env: ENV, host },
  points,
});
const hosts = ["gw-1", "gw-2", "gw-3"];

/** Redis unreachable from minute 10 to 29; the gateway keeps serving. */
const redisDown: SeriesInput[] = [
  ...hosts.map((h) => redisUp(h, "1x10 0x20 1x20")),
  {
    metric: "gateway.request_duration_seconds",
    tags: { env: ENV, chain_id: 84532 },
    samples: "0.3*99,1.2*1x10 0.6*99,1.5*1x20 0.3*100x20",
  },
  {
    metric: "aws.applicationelb.request_count",
    tags: { loadbalancer: "app/gateway-testnet-prod/7f1e2d3c4b5a6978" },
    points: "1000x50",
  },
];

describe("monitors/redis-unavailable.ts", () => {
  let redis: PlacedMonitor;
  beforeAll(async () => {
    redis = (await specsFrom("redis-unavailable.ts", ENV))[0]!;
  });

  it("is a dev-tier monitor whose message names no paging handle", () => {
    expect(redis.tier).toBe("dev");
    expect(pagingHandlesIn(redis.spec.message)).toEqual([]);
  });

  it("alerts the dev channel when every gateway loses Redis for 5 minutes, and recovers", () => {
    const result = evaluate(redis.spec, redisDown);
    expect(result).toAlert({ from: "15m", until: "31m" });
    expect(result).toRecover({ at: "31m" });
    expect(notifications(result).map((n) => [n.to, n.handles])).toEqual([
      ["ALERT", ["@slack-gateway-dev"]],
      ["OK", ["@slack-gateway-dev"]],
    ]);
    expect(result).not.toPage();
  });

  it("gives only that dev-tier notice: no oncall monitor pages while Redis is down", async () => {
    const oncall = (await placedMonitors()).filter(
      (m) => m.stack === `${ENV}-oncall`,
    );
    expect(oncall.length).toBeGreaterThan(10);
    for (const m of oncall) expect(evaluate(m.spec, redisDown)).not.toPage();
  });

  it("stays quiet when one gateway of three loses Redis", () => {
    const result = evaluate(redis.spec, [
      redisUp("gw-1", "1x30"),
      redisUp("gw-2", "1x30"),
      redisUp("gw-3", "1x5 0x25"),
    ]);
    expect(result).toStayOk();
  });
});
