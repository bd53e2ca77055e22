import { chainWatcherStalled } from "../lib/factories/chain-watcher-stalled.js";
import { defineMonitor } from "../lib/model/definition.js";

/** The watcher stopped following a chain. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) => chainWatcherStalled(ctx),
});
