import { gatewayDashboard } from "../lib/dashboards/gateway-dashboard.js";
import { manageStatus } from "../lib/dashboards/widget.js";
import { DASHBOARDS } from "../lib/factories/common.js";
import { defineDashboard } from "../lib/model/definition.js";

/**
 * What pages in this environment: the live state of every oncall monitor,
 * then each one's graph with its thresholds.
 */
export default defineDashboard({
  build: (ctx) =>
    gatewayDashboard(ctx, {
      id: "on-call-overview",
      title: DASHBOARDS.oncall,
      description: `Every monitor that pages for ${ctx.env.name}.`,
      summary: `Paging monitors of ${ctx.env.name}, worst first.`,
      monitors: { tier: "oncall" },
      monitorsTitle: "Paging monitor graphs",
      widgets: [
        manageStatus(
          "Paging monitors",
          `tag:(env:${ctx.env.name} AND tier:oncall)`,
          { size: { width: 12, height: 4 } },
        ),
      ],
    }),
});
