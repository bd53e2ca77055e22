import { quorumFailures } from "../lib/factories/quorum-failures.js";
import { defineMonitor } from "../lib/model/definition.js";

/** Any missed quorum warns; a run of them pages. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) =>
    quorumFailures(ctx, { failures: { critical: 5, warning: 1 } }),
});
