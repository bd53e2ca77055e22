import { describe, expect, it } from "vitest";
import { metrics } from "../../../lib/catalog/metrics.js";
import { dashboard } from "../../../lib/dashboards/dashboard.js";
import { ALWAYS_WRITTEN } from "../../../lib/dashboards/normalize.js";
import { scopedSeries } from "../../../lib/dashboards/template-variables.js";
import { note, timeseries } from "../../../lib/dashboards/widget.js";
import { scope, series } from "../../../lib/query/builder.js";
import { formatExpression } from "../../../lib/query/format.js";
import { anEnvironment } from "../../support/dashboards.js";

const env = anEnvironment("testnet-prod");

describe("dashboard", () => {
  it("titles the dashboard with its environment and writes only the kept fields", () => {
    const spec = dashboard(env, {
      id: "lag",
      title: "Lag",
      description: "  Blocks behind.  ",
      widgets: [timeseries("Lag", [scopedSeries(metrics.chainBlockLag)])],
    });

    expect(spec.id).toBe("lag");
    expect(spec.title).toBe("[testnet-prod] Lag");
    expect(Object.keys(spec.body).sort()).toEqual([...ALWAYS_WRITTEN].sort());
    expect(spec.body).toMatchObject({
      title: "[testnet-prod] Lag",
      description: "Blocks behind.",
      layout_type: "ordered",
      reflow_type: "fixed",
      notify_list: [],
    });
    expect(spec.queries?.map(formatExpression)).toEqual([
      "avg:gateway.chain_block_lag{$env,$service,$chain_id}",
    ]);
  });

  it("rejects a query that uses a variable the dashboard does not define", () => {
    const widgets = [
      timeseries("Lag", [
        series(metrics.chainBlockLag, {
          filter: scope.and(scope.variable("region"), scope.variable("env")),
        }),
      ]),
    ];

    expect(() =>
      dashboard(env, { id: "lag", title: "Lag", description: "", widgets }),
    ).toThrow(
      "widgets: expected template variables the dashboard defines (env, chain_id, service), got $region",
    );
  });

  it("rejects an id that is not kebab-case", () => {
    expect(() =>
      dashboard(env, {
        id: "Lag Board",
        title: "Lag",
        description: "",
        widgets: [note("x")],
      }),
    ).toThrow('id: expected kebab-case, got "Lag Board"');
  });

  it("builds the same JSON twice", () => {
    const build = () =>
      JSON.stringify(
        dashboard(env, {
          id: "lag",
          title: "Lag",
          description: "",
          widgets: [
            note("a"),
            timeseries("Lag", [scopedSeries(metrics.chainBlockLag)]),
          ],
        }).body,
      );

    expect(build()).toBe(build());
  });
});
