import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import {
  aDevMonitorSpec,
  aMonitorSpec,
  problemsOf,
} from "../../../support/builders.js";

const base = aMonitorSpec();
const withoutRunbook = base.message.replace(/^Runbook: .*$/m, "");

describe("oncall policy", () => {
  it.each<[string, MonitorSpec]>([
    ["the full oncall spec", base],
    [
      "a runbook elsewhere, on a line that says so",
      aMonitorSpec({
        message: `${withoutRunbook}\n[Runbook](https://wiki.example/gw)`,
      }),
    ],
    [
      "a link under the environment's runbook base",
      aMonitorSpec({
        message: `${withoutRunbook}\nSteps: https://runbooks.gateway.example/testnet/x`,
      }),
    ],
    [
      "an imported monitor deciding no-data in extraOptions",
      aMonitorSpec({
        noData: undefined,
        extraOptions: { notify_no_data: false },
      }),
    ],
    [
      "ignoring silence for a reason",
      aMonitorSpec({ noData: { kind: "ignore", reason: "sparse counter" } }),
    ],
  ])("accepts %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string, string]>([
    [
      "a message without a runbook",
      aMonitorSpec({ message: withoutRunbook }),
      "oncall-runbook",
      "message",
    ],
    [
      "a link that is not a runbook",
      aMonitorSpec({
        message: `${withoutRunbook}\nDashboard: https://app.datadoghq.com/x`,
      }),
      "oncall-runbook",
      "message",
    ],
    [
      "no team tag",
      aMonitorSpec({ tags: base.tags.filter((t) => !t.startsWith("team:")) }),
      "oncall-owner-tags",
      "tags",
    ],
    [
      "no service tag",
      aMonitorSpec({
        tags: base.tags.filter((t) => !t.startsWith("service:")),
      }),
      "oncall-owner-tags",
      "tags",
    ],
    [
      "an imported monitor without a no-data decision",
      aMonitorSpec({
        noData: undefined,
        query: {
          kind: "raw",
          text: "avg(last_5m):avg:x{*} by {chain_id} > 10",
        },
      }),
      "oncall-no-data",
      "noData",
    ],
    [
      "ignoring silence without a reason",
      aMonitorSpec({ noData: { kind: "ignore", reason: " " } }),
      "oncall-no-data",
      "noData.reason",
    ],
  ])("rejects %s", (_, spec, check, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check, path }),
    ]);
  });

  it("asks none of it of a dev monitor", () => {
    const spec = aDevMonitorSpec({
      message: "{{value}} {{#is_alert}}@slack-gateway-dev{{/is_alert}}",
      tags: ["env:testnet-prod"],
      noData: undefined,
    });

    expect(problemsOf(spec, { tier: "dev" })).toEqual([]);
  });
});
