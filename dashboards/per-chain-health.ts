import { metrics } from "../lib/catalog/metrics.js";
import { dashboard } from "../lib/dashboards/dashboard.js";
import { perChainValues } from "../lib/dashboards/gateway-widgets.js";
import { headerNote } from "../lib/dashboards/header-note.js";
import { monitorGraphGroup } from "../lib/dashboards/monitor-graphs.js";
import { scopedSeries } from "../lib/dashboards/template-variables.js";
import { group, timeseries, toplist } from "../lib/dashboards/widget.js";
import { DASHBOARDS } from "../lib/factories/common.js";
import { defineDashboard } from "../lib/model/definition.js";
import { expr } from "../lib/query/builder.js";

const byChain = { by: ["chain_id"] } as const;
const counted = (m: typeof metrics.rpcErrors) =>
  scopedSeries(m, { space: "sum", ...byChain }).asCount();

/** RPC, block lag, operators, quorum and the chain watcher, per chain. */
export default defineDashboard({
  build: (ctx) => {
    const selector = { tier: "oncall", linksTo: DASHBOARDS.chains } as const;

    return dashboard(ctx.env, {
      id: "per-chain-health",
      title: DASHBOARDS.chains,
      description:
        "Is one chain broken while the others serve? Pick $chain_id.",
      widgets: [
        headerNote(ctx, {
          title: DASHBOARDS.chains,
          summary: "Each chain has its own RPC, operator pool and watcher.",
          monitors: selector,
        }),
        group("Block lag", [
          ...perChainValues(ctx.env, "Blocks behind", metrics.chainBlockLag, {
            space: "max",
            unit: "blocks",
          }),
          timeseries(
            "Block lag by chain (blocks)",
            [scopedSeries(metrics.chainBlockLag, { space: "max", ...byChain })],
            { newRow: true, size: { width: 8, height: 2 } },
          ),
          toplist(
            "Most blocks behind",
            scopedSeries(metrics.chainBlockLag, { space: "max", ...byChain }),
            { rank: "last" },
          ),
        ]),
        group("RPC", [
          timeseries("RPC errors by chain", [counted(metrics.rpcErrors)], {
            display: "bars",
          }),
          timeseries("RPC error rate by chain (%)", [
            expr.div(
              expr.mul(100, counted(metrics.rpcErrors)),
              counted(metrics.rpcRequests),
            ),
          ]),
          timeseries("RPC calls by chain", [counted(metrics.rpcRequests)]),
        ]),
        group("Signing and watching", [
          timeseries("Operator pool size by chain", [
            scopedSeries(metrics.operatorPoolSize, {
              space: "min",
              ...byChain,
            }),
          ]),
          timeseries(
            "BLS quorum failures by chain",
            [counted(metrics.blsQuorumFailures)],
            { display: "bars" },
          ),
          timeseries("Chain watcher blocks processed by chain", [
            counted(metrics.chainWatcherBlocksProcessed),
          ]),
        ]),
        ...monitorGraphGroup(
          ctx,
          "Paging monitors on this dashboard",
          selector,
        ),
      ],
    });
  },
});
