import { redisUnavailable } from "../lib/factories/redis-unavailable.js";
import { defineMonitor } from "../lib/model/definition.js";

/** Redis loss degrades the gateway; developers hear of it, nobody is paged. */
export default defineMonitor({
  tier: "dev",
  build: (ctx) => redisUnavailable(ctx),
});
