import { txSubmissionExhausted } from "../lib/factories/tx-submission-exhausted.js";
import { defineMonitor } from "../lib/model/definition.js";

/** A transaction that gave up is a result that never lands. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) => txSubmissionExhausted(ctx),
});
