import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { renderMonitorCatalog } from "../../../lib/catalog/monitor-catalog.js";
import { planProject } from "../../../lib/pipeline.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
let catalog = "";
beforeAll(async () => {
  catalog = renderMonitorCatalog((await planProject({ root })).plan);
});

describe("renderMonitorCatalog", () => {
  it("has a section per environment and tier, environments A-Z", () => {
    const headings = catalog.split("\n").filter((l) => /^##+ /.test(l));

    expect(headings.filter((h) => h.startsWith("## "))).toEqual([
      "## mainnet-prod",
      "## testnet-prod",
      "## testnet-stagef",
    ]);
    expect(headings[1]).toMatch(
      /^### oncall: `mainnet-prod-oncall` \(\d+ monitors\)$/,
    );
    expect(headings[2]).toMatch(
      /^### dev: `mainnet-prod-dev` \(\d+ monitors?\)$/,
    );
  });

  it("shows who a paging monitor pages, its priority, thresholds and runbook", () => {
    expect(catalog).toContain(
      "| `alb-5xx-rate`<br>[mainnet-prod] ALB 5xx rate high | P2 | " +
        "`@pagerduty-gateway-mainnet` (alert) | " +
        "`@slack-gateway-mainnet-alerts` (warning, recovery) | " +
        "critical > 5<br>warning > 2 | ",
    );
    expect(catalog).toContain(
      "[alb-5xx-rate](https://runbooks.gateway.example/mainnet/alb-5xx-rate) |",
    );
  });

  it("says a dev monitor pages nobody and has no priority", () => {
    expect(catalog).toMatch(
      /\| `redis-unavailable`<br>\[mainnet-prod\] Redis unreachable from the gateway \| none \| nobody \| `@slack-gateway-mainnet-dev` \(alert, warning, recovery\) \|/,
    );
  });

  it("lists every query in full", () => {
    expect(catalog).toContain(
      "- `chain-block-lag-1`: `min(last_5m):max:gateway.chain_block_lag{env:mainnet-prod,chain_id:1} >= 10`",
    );
  });
});
