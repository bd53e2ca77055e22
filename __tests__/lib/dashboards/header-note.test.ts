import { describe, expect, it } from "vitest";
import {
  headerNote,
  runbookLinks,
} from "../../../lib/dashboards/header-note.js";
import { chainWatcherStalled } from "../../../lib/factories/chain-watcher-stalled.js";
import { DASHBOARDS } from "../../../lib/factories/common.js";
import { operatorPoolEmpty } from "../../../lib/factories/operator-pool-empty.js";
import type { DashboardContext } from "../../../lib/model/definition.js";
import { anEnvironment } from "../../support/dashboards.js";

const env = anEnvironment("testnet-prod");
const oncall = { env, tier: "oncall" } as const;
const ctx: DashboardContext = {
  env,
  monitors: [
    { spec: operatorPoolEmpty(oncall), tier: "oncall" },
    { spec: chainWatcherStalled(oncall), tier: "oncall" },
    { spec: operatorPoolEmpty(oncall), tier: "oncall" },
  ],
};

describe("runbookLinks", () => {
  it("lists each runbook of the selected monitors once, sorted", () => {
    expect(runbookLinks(ctx, { tier: "oncall" })).toEqual([
      {
        slug: "chain-watcher-stalled",
        url: "https://runbooks.gateway.example/testnet/chain-watcher-stalled",
      },
      {
        slug: "operator-pool-empty",
        url: "https://runbooks.gateway.example/testnet/operator-pool-empty",
      },
    ]);
  });
});

describe("headerNote", () => {
  it("links the other dashboards by title search and the runbooks", () => {
    const note = headerNote(ctx, {
      title: DASHBOARDS.chains,
      summary: "Per chain.",
      monitors: { tier: "oncall" },
    });

    expect(note.content.split("\n")).toEqual([
      "Per chain.",
      "",
      "**Dashboards:** " +
        "[Gateway overview](https://app.datadoghq.com/dashboard/lists?q=%5Btestnet-prod%5D%20Gateway%20overview) · " +
        "[Gateway internals](https://app.datadoghq.com/dashboard/lists?q=%5Btestnet-prod%5D%20Gateway%20internals) · " +
        "[On-call overview](https://app.datadoghq.com/dashboard/lists?q=%5Btestnet-prod%5D%20On-call%20overview)",
      "**Runbooks:** " +
        "[chain-watcher-stalled](https://runbooks.gateway.example/testnet/chain-watcher-stalled) · " +
        "[operator-pool-empty](https://runbooks.gateway.example/testnet/operator-pool-empty)",
    ]);
  });

  it("says so when no monitor has a runbook", () => {
    const note = headerNote(ctx, {
      title: "X",
      summary: "",
      monitors: { tier: "dev" },
    });

    expect(note.content).toContain("**Runbooks:** none");
  });
});
