import { metrics } from "../lib/catalog/metrics.js";
import { gatewayDashboard } from "../lib/dashboards/gateway-dashboard.js";
import { countByChain } from "../lib/dashboards/gateway-widgets.js";
import { scopedSeries } from "../lib/dashboards/template-variables.js";
import { group, queryValue, timeseries } from "../lib/dashboards/widget.js";
import { BREAKER_STATE } from "../lib/factories/circuit-breaker-open.js";
import { DASHBOARDS } from "../lib/factories/common.js";
import { defineDashboard } from "../lib/model/definition.js";

const half = { width: 6, height: 2 } as const;

/** Why is the gateway slow or failing? Its dependencies and retries. */
export default defineDashboard({
  build: (ctx) =>
    gatewayDashboard(ctx, {
      id: "gateway-internals",
      title: DASHBOARDS.internals,
      description: "Why is the gateway slow or failing? Its dependencies.",
      summary: "Redis loss degrades (no cache, no dedup) but does not page.",
      monitors: { linksTo: DASHBOARDS.internals },
      widgets: [
        group("Transaction submission", [
          timeseries(
            "Submission retries by chain",
            [countByChain(metrics.txSubmissionRetries)],
            { display: "bars", size: half },
          ),
          timeseries(
            "Submissions out of retries by chain",
            [countByChain(metrics.txSubmissionExhausted)],
            { display: "bars", size: half },
          ),
        ]),
        group("Circuit breakers", [
          timeseries(
            "Breaker state (0 closed, 1 half-open, 2 open)",
            [
              scopedSeries(metrics.circuitBreakerState, {
                space: "max",
                by: ["chain_id", "breaker"],
              }),
            ],
            {
              size: { width: 12, height: 2 },
              markers: [
                {
                  value: BREAKER_STATE.open,
                  severity: "critical",
                  label: "open",
                },
                {
                  value: BREAKER_STATE.halfOpen,
                  severity: "warning",
                  label: "half-open",
                },
              ],
            },
          ),
        ]),
        group("Redis and Postgres", [
          queryValue("Redis reachable (share)", scopedSeries(metrics.redisUp), {
            aggregator: "last",
          }),
          timeseries("Redis reachable by service", [
            scopedSeries(metrics.redisUp, { by: ["service"] }),
          ]),
          timeseries(
            "DB pool: in use and waiting",
            [
              scopedSeries(metrics.dbPoolInUse, { space: "sum" }),
              scopedSeries(metrics.dbPoolWaiting, { space: "sum" }),
            ],
            { size: half },
          ),
        ]),
      ],
    }),
});
