import { chainRpcHealth } from "../lib/factories/chain-rpc-health.js";
import { defineMonitor } from "../lib/model/definition.js";

/** RPC errors and block lag, one monitor per chain and signal. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) =>
    chainRpcHealth(ctx, {
      errorRatePercent: { critical: 20, warning: 5 },
      maxLagSeconds: { critical: 120, warning: 60 },
    }),
});
