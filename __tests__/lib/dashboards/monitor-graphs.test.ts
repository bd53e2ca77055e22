import { describe, expect, it } from "vitest";
import {
  evaluated,
  monitorGraph,
  monitorGraphGroup,
  selectMonitors,
} from "../../../lib/dashboards/monitor-graphs.js";
import { widgetsJson } from "../../../lib/dashboards/widget-json.js";
import { placeWidgets } from "../../../lib/dashboards/layout.js";
import type { Widget } from "../../../lib/dashboards/widget.js";
import { alb5xxRate } from "../../../lib/factories/alb-5xx-rate.js";
import { chainWatcherStalled } from "../../../lib/factories/chain-watcher-stalled.js";
import { DASHBOARDS } from "../../../lib/factories/common.js";
import { gatewayLatencyP99 } from "../../../lib/factories/gateway-latency-p99.js";
import { operatorPoolEmpty } from "../../../lib/factories/operator-pool-empty.js";
import { redisUnavailable } from "../../../lib/factories/redis-unavailable.js";
import type { DashboardContext } from "../../../lib/model/definition.js";
import type { Environment } from "../../../lib/model/environment.js";
import type { MonitorSpec } from "../../../lib/model/monitor.js";
import { formatExpression } from "../../../lib/query/format.js";
import { anEnvironment } from "../../support/dashboards.js";

const env = anEnvironment("testnet-prod");
const oncall = { env, tier: "oncall" } as const;

function context(e: Environment = env): DashboardContext {
  return {
    env: e,
    monitors: [
      {
        spec: alb5xxRate(
          { env: e, tier: "oncall" },
          { errorRatePercent: { critical: 5, warning: 2 } },
        ),
        tier: "oncall",
      },
      { spec: operatorPoolEmpty({ env: e, tier: "oncall" }), tier: "oncall" },
      { spec: redisUnavailable({ env: e, tier: "dev" }), tier: "dev" },
    ],
  };
}

const definitionOf = (widget: Widget) =>
  (
    widgetsJson(placeWidgets([widget]).placed).widgets[0] as {
      definition: Record<string, unknown>;
    }
  ).definition;

describe("selectMonitors", () => {
  it.each([
    {
      name: "by tier",
      selector: { tier: "oncall" },
      ids: ["alb-5xx-rate", "operator-pool-empty"],
    },
    {
      name: "by service",
      selector: { service: "operator" },
      ids: ["operator-pool-empty"],
    },
    {
      name: "by tag",
      selector: { tag: "tier:dev" },
      ids: ["redis-unavailable"],
    },
    {
      name: "by the dashboard its message links to",
      selector: { linksTo: DASHBOARDS.chains },
      ids: ["operator-pool-empty"],
    },
    {
      name: "by several conditions at once",
      selector: { tier: "dev", service: "operator" },
      ids: [],
    },
  ] as const)("picks monitors $name", ({ selector, ids }) => {
    expect(selectMonitors(context(), selector).map((m) => m.spec.id)).toEqual(
      ids,
    );
  });
});

describe("evaluated", () => {
  const query = (spec: MonitorSpec) => {
    if (spec.query.kind === "raw") throw new Error("raw");
    return formatExpression(evaluated(spec.query));
  };

  it.each([
    {
      name: "rolls a gauge up over the window as a whole",
      spec: () => operatorPoolEmpty(oncall),
      expected:
        "moving_rollup(min:gateway.operator_pool_size{env:testnet-prod,$service,$chain_id} by {chain_id}, 300, 'max')",
    },
    {
      name: "rolls each counted series up before the arithmetic",
      spec: () => chainWatcherStalled(oncall),
      expected:
        "default_zero(moving_rollup(sum:gateway.chain_watcher_blocks_processed.count{env:testnet-prod,$service,$chain_id} by {chain_id}.as_count(), 600, 'sum'))",
    },
    {
      name: "draws a percentile monitor unrolled",
      spec: () =>
        gatewayLatencyP99(oncall, { p99LatencyMs: { critical: 3000 } }),
      expected:
        "p99:gateway.request_duration_seconds{env:testnet-prod,$service,$chain_id} by {chain_id}",
    },
  ])("$name", ({ spec, expected }) => {
    expect(query(spec())).toBe(expected);
  });
});

describe("monitorGraph", () => {
  it("draws the monitor's thresholds as markers and links its runbook", () => {
    const spec = alb5xxRate(oncall, {
      errorRatePercent: { critical: 5, warning: 2 },
    });
    const def = definitionOf(monitorGraph(env, spec));

    expect(def.title).toBe("ALB 5xx rate high");
    expect(def.markers).toEqual([
      { label: "critical > 5", value: "y = 5", display_type: "error dashed" },
      { label: "warning > 2", value: "y = 2", display_type: "warning dashed" },
    ]);
    expect(def.custom_links).toEqual([
      {
        label: "Runbook",
        link: "https://runbooks.gateway.example/testnet/alb-5xx-rate",
      },
    ]);
  });

  it("moves the markers when the thresholds change", () => {
    const graph = (critical: number, warning: number) =>
      definitionOf(
        monitorGraph(
          env,
          alb5xxRate(oncall, { errorRatePercent: { critical, warning } }),
        ),
      );

    expect(graph(5, 2).markers).not.toEqual(graph(9, 4).markers);
    expect(graph(9, 4).markers).toMatchObject([
      { value: "y = 9" },
      { value: "y = 4" },
    ]);
  });

  it("draws thresholds in the query's unit, after scaling", () => {
    const spec = gatewayLatencyP99(oncall, {
      p99LatencyMs: { critical: 3000, warning: 2000 },
    });

    expect(definitionOf(monitorGraph(env, spec)).markers).toMatchObject([
      { value: "y = 3" },
      { value: "y = 2" },
    ]);
  });

  it("titles a graph without the environment and with template variables as tag keys", () => {
    expect(
      definitionOf(monitorGraph(env, operatorPoolEmpty(oncall))).title,
    ).toBe("Operator pool empty on chain <chain_id>");
  });

  it("shows a raw-query monitor as a note instead of a graph", () => {
    const spec: MonitorSpec = {
      ...operatorPoolEmpty(oncall),
      query: {
        kind: "raw",
        text: "events('sources:x').rollup('count').last('5m') > 1",
      },
    };
    const def = definitionOf(monitorGraph(env, spec));

    expect(def.type).toBe("note");
    expect(def.content).toContain("raw query, not graphed");
  });
});

describe("monitorGraphGroup", () => {
  it("makes no group when nothing is selected", () => {
    expect(monitorGraphGroup(context(), "None", { service: "nobody" })).toEqual(
      [],
    );
  });

  it("makes one group with a graph per selected monitor", () => {
    const [group] = monitorGraphGroup(context(), "Paging", { tier: "oncall" });

    expect(group).toMatchObject({ kind: "group", title: "Paging" });
    expect(group?.kind === "group" && group.widgets).toHaveLength(2);
  });
});
