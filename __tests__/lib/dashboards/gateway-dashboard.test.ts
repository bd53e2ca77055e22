import { describe, expect, it } from "vitest";
import { gatewayDashboard } from "../../../lib/dashboards/gateway-dashboard.js";
import { note } from "../../../lib/dashboards/widget.js";
import { operatorPoolEmpty } from "../../../lib/factories/operator-pool-empty.js";
import type { DashboardContext } from "../../../lib/model/definition.js";
import { allWidgets, anEnvironment } from "../../support/dashboards.js";

const env = anEnvironment("testnet-prod");
const ctx: DashboardContext = {
  env,
  monitors: [
    { spec: operatorPoolEmpty({ env, tier: "oncall" }), tier: "oncall" },
  ],
};
const outline = (
  monitors: { tier: "oncall" | "dev" },
  monitorsTitle?: string,
) =>
  allWidgets(
    gatewayDashboard(ctx, {
      id: "x",
      title: "X",
      description: "d",
      summary: "s",
      monitors,
      ...(monitorsTitle ? { monitorsTitle } : {}),
      widgets: [note("own")],
    }).body,
  ).map(
    (w) =>
      `${w.path} ${w.definition.type} ${w.definition.title ?? w.definition.content}`,
  );

describe("gatewayDashboard", () => {
  it("puts the header note first, then the widgets, then the monitor graphs", () => {
    const lines = outline({ tier: "oncall" }, "Paging");

    expect(lines[0]).toMatch(/^0 note s\n/);
    expect(lines.slice(1)).toEqual([
      "1 note own",
      "2 group Paging",
      "2.0 timeseries Operator pool empty on chain <chain_id>",
    ]);
  });

  it("leaves the monitor group out when no monitor is selected", () => {
    expect(outline({ tier: "dev" }).map((l) => l.split(" ")[1])).toEqual([
      "note",
      "note",
    ]);
  });

  it("titles the monitor group by default", () => {
    expect(outline({ tier: "oncall" })).toContain(
      "2 group Monitors on this dashboard",
    );
  });
});
