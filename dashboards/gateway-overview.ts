import { metrics } from "../lib/catalog/metrics.js";
import { gatewayDashboard } from "../lib/dashboards/gateway-dashboard.js";
import {
  alb5xxGraph,
  ecsTaskGraphs,
  latencyByChain,
  percentOf,
} from "../lib/dashboards/gateway-widgets.js";
import { scopedSeries } from "../lib/dashboards/template-variables.js";
import { group, queryValue, timeseries } from "../lib/dashboards/widget.js";
import { DASHBOARDS } from "../lib/factories/common.js";
import { defineDashboard } from "../lib/model/definition.js";
import { scope } from "../lib/query/builder.js";

/** Requests per chain; `by: []` sums over every chain. */
const requests = (by: string[] = ["chain_id"], status?: string) =>
  scopedSeries(metrics.gatewayRequests, {
    space: "sum",
    by,
    ...(status ? { filter: scope.tag("status_class", status) } : {}),
  });

/** Is the gateway serving? Traffic, errors, latency, the ALB and ECS. */
export default defineDashboard({
  build: (ctx) =>
    gatewayDashboard(ctx, {
      id: "gateway-overview",
      title: DASHBOARDS.overview,
      description:
        "Is the gateway serving? Traffic, errors, latency, capacity.",
      summary: "Requests, errors and latency per chain; ALB and ECS.",
      monitors: { tier: "oncall", linksTo: DASHBOARDS.overview },
      monitorsTitle: "Paging monitors on this dashboard",
      widgets: [
        group("Traffic", [
          queryValue("Requests per second", requests([]).asRate(), {
            unit: "req/s",
          }),
          timeseries("Requests per second by chain", [requests().asRate()]),
          timeseries(
            "Error rate by chain (% 5xx)",
            [
              percentOf(
                requests(undefined, "5xx").asCount(),
                requests().asCount(),
              ),
            ],
            { size: { width: 6, height: 2 } },
          ),
        ]),
        group("Latency per chain", [
          latencyByChain("p50"),
          latencyByChain("p95"),
          latencyByChain("p99"),
        ]),
        group("Load balancer and ECS", [
          alb5xxGraph(ctx.env),
          ...ecsTaskGraphs(ctx.env),
        ]),
      ],
    }),
});
