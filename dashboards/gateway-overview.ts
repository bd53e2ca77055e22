import { metrics } from "../lib/catalog/metrics.js";
import { dashboard } from "../lib/dashboards/dashboard.js";
import { ecsTaskGraphs } from "../lib/dashboards/gateway-widgets.js";
import { headerNote } from "../lib/dashboards/header-note.js";
import { monitorGraphGroup } from "../lib/dashboards/monitor-graphs.js";
import { scopedSeries } from "../lib/dashboards/template-variables.js";
import { group, queryValue, timeseries } from "../lib/dashboards/widget.js";
import { DASHBOARDS } from "../lib/factories/common.js";
import { defineDashboard } from "../lib/model/definition.js";
import type { Scope } from "../lib/query/ast.js";
import { expr, scope, series } from "../lib/query/builder.js";

const half = { width: 6, height: 2 } as const;

const requests = (filter?: Scope, by: readonly string[] = ["chain_id"]) =>
  scopedSeries(metrics.gatewayRequests, {
    space: "sum",
    by,
    ...(filter ? { filter } : {}),
  });

const latency = (p: "p50" | "p95" | "p99") =>
  timeseries(`${p.toUpperCase()} latency by chain (s)`, [
    scopedSeries(metrics.gatewayRequestDuration, {
      space: p,
      by: ["chain_id"],
    }),
  ]);

/** Traffic, errors and latency per chain, the ALB and the ECS fleet. */
export default defineDashboard({
  build: (ctx) => {
    const alb = { loadbalancer: ctx.env.alb.loadbalancer };
    const alb5xx = (m: typeof metrics.alb5xx) =>
      series(m, { space: "sum", filter: alb }).asCount();
    const selector = { tier: "oncall", linksTo: DASHBOARDS.overview } as const;

    return dashboard(ctx.env, {
      id: "gateway-overview",
      title: DASHBOARDS.overview,
      description:
        "Is the gateway serving? Traffic, errors, latency, capacity.",
      widgets: [
        headerNote(ctx, {
          title: DASHBOARDS.overview,
          summary: "Requests, errors and latency per chain; ALB and ECS.",
          monitors: selector,
        }),
        group("Traffic", [
          queryValue("Requests per second", requests(undefined, []).asRate(), {
            aggregator: "avg",
            unit: "req/s",
          }),
          timeseries("Requests per second by chain", [requests().asRate()]),
          timeseries(
            "Error rate by chain (% 5xx)",
            [
              expr.div(
                expr.mul(
                  100,
                  requests(scope.tag("status_class", "5xx")).asCount(),
                ),
                requests().asCount(),
              ),
            ],
            { size: half },
          ),
        ]),
        group("Latency per chain", [
          latency("p50"),
          latency("p95"),
          latency("p99"),
        ]),
        group("Load balancer and ECS", [
          timeseries(
            "ALB 5xx responses (load balancer and targets)",
            [alb5xx(metrics.alb5xx), alb5xx(metrics.albTarget5xx)],
            { display: "bars", size: { width: 12, height: 2 } },
          ),
          ...ecsTaskGraphs(ctx.env),
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
