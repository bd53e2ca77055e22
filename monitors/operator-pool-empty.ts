import { operatorPoolEmpty } from "../lib/factories/operator-pool-empty.js";
import { defineMonitor } from "../lib/model/definition.js";

/** No operator left to sign on a chain. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) => operatorPoolEmpty(ctx),
});
