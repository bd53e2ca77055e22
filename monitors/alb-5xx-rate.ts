import { alb5xxRate } from "../lib/factories/alb-5xx-rate.js";
import { defineMonitor } from "../lib/model/definition.js";

/** Errors clients see at the load balancer, guarded against quiet nights. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) =>
    alb5xxRate(ctx, { errorRatePercent: { critical: 5, warning: 2 } }),
});
