import { circuitBreakerOpen } from "../lib/factories/circuit-breaker-open.js";
import { defineMonitor } from "../lib/model/definition.js";

/** A breaker stuck open per chain and dependency. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) => circuitBreakerOpen(ctx),
});
