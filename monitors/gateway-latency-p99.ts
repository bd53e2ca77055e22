import { gatewayLatencyP99 } from "../lib/factories/gateway-latency-p99.js";
import { defineMonitor } from "../lib/model/definition.js";

/** Slow answers per chain; environments override the thresholds. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) =>
    gatewayLatencyP99(ctx, { p99LatencyMs: { critical: 3000, warning: 2000 } }),
});
