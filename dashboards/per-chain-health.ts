import { metrics } from "../lib/catalog/metrics.js";
import { gatewayDashboard } from "../lib/dashboards/gateway-dashboard.js";
import {
  byChain,
  countByChain,
  percentOf,
  perChainValues,
} from "../lib/dashboards/gateway-widgets.js";
import { group, timeseries, toplist } from "../lib/dashboards/widget.js";
import { DASHBOARDS } from "../lib/factories/common.js";
import { defineDashboard } from "../lib/model/definition.js";

const lag = byChain(metrics.chainBlockLag, "max");

/** Is one chain broken while the others serve? */
export default defineDashboard({
  build: (ctx) =>
    gatewayDashboard(ctx, {
      id: "per-chain-health",
      title: DASHBOARDS.chains,
      description:
        "Is one chain broken while the others serve? Pick $chain_id.",
      summary: "Each chain has its own RPC, operator pool and watcher.",
      monitors: { tier: "oncall", linksTo: DASHBOARDS.chains },
      monitorsTitle: "Paging monitors on this dashboard",
      widgets: [
        group("Block lag", [
          ...perChainValues(ctx.env, "Blocks behind", metrics.chainBlockLag, {
            space: "max",
            unit: "blocks",
          }),
          timeseries("Block lag by chain (blocks)", [lag], {
            newRow: true,
            size: { width: 8, height: 2 },
          }),
          toplist("Most blocks behind", lag, { rank: "last" }),
        ]),
        group("RPC", [
          timeseries("RPC errors by chain", [countByChain(metrics.rpcErrors)], {
            display: "bars",
          }),
          timeseries("RPC error rate by chain (%)", [
            percentOf(
              countByChain(metrics.rpcErrors),
              countByChain(metrics.rpcRequests),
            ),
          ]),
          timeseries("RPC calls by chain", [countByChain(metrics.rpcRequests)]),
        ]),
        group("Signing and watching", [
          timeseries("Operator pool size by chain", [
            byChain(metrics.operatorPoolSize, "min"),
          ]),
          timeseries(
            "BLS quorum failures by chain",
            [countByChain(metrics.blsQuorumFailures)],
            { display: "bars" },
          ),
          timeseries("Chain watcher blocks processed by chain", [
            countByChain(metrics.chainWatcherBlocksProcessed),
          ]),
        ]),
      ],
    }),
});
