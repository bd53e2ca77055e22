import { dashboard } from "../lib/dashboards/dashboard.js";
import { headerNote } from "../lib/dashboards/header-note.js";
import { monitorGraphGroup } from "../lib/dashboards/monitor-graphs.js";
import { manageStatus } from "../lib/dashboards/widget.js";
import { DASHBOARDS } from "../lib/factories/common.js";
import { defineDashboard } from "../lib/model/definition.js";

/**
 * What pages in this environment: the live state of every oncall monitor,
 * then each one's graph with its thresholds.
 */
export default defineDashboard({
  build: (ctx) => {
    const selector = { tier: "oncall" } as const;
    const search = `tag:(env:${ctx.env.name} AND tier:oncall)`;

    return dashboard(ctx.env, {
      id: "on-call-overview",
      title: DASHBOARDS.oncall,
      description: `Every monitor that pages for ${ctx.env.name}.`,
      widgets: [
        headerNote(ctx, {
          title: DASHBOARDS.oncall,
          summary: `Paging monitors of ${ctx.env.name}, worst first.`,
          monitors: selector,
        }),
        manageStatus("Paging monitors", search, {
          size: { width: 12, height: 4 },
        }),
        ...monitorGraphGroup(ctx, "Paging monitor graphs", selector),
      ],
    });
  },
});
