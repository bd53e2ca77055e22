import { describe, expect, it } from "vitest";
import {
  aDevMonitorSpec,
  aMonitorSpec,
  problemsOf,
} from "../../../support/builders.js";

describe("routing", () => {
  it("accepts chat-only dev monitors", () => {
    expect(problemsOf(aDevMonitorSpec(), { tier: "dev" })).toEqual([]);
  });

  it.each<[string, string]>([
    ["in the alert block", "{{#is_alert}}@pagerduty-gateway{{/is_alert}}"],
    ["outside any block", "@opsgenie-gateway"],
  ])("rejects a pager on a dev monitor %s", (_, extra) => {
    const spec = aDevMonitorSpec({
      message: `${aDevMonitorSpec().message}\n${extra}`,
    });

    expect(problemsOf(spec, { tier: "dev" })).toEqual([
      expect.objectContaining({ check: "dev-no-paging", path: "message" }),
    ]);
  });

  it.each<[string, string]>([
    ["that pages only chat", "{{#is_alert}}@slack-gateway-alerts{{/is_alert}}"],
    ["with its pager outside the alert block", "@pagerduty-gateway-testnet"],
  ])("rejects an oncall monitor %s", (_, alert) => {
    const message = aMonitorSpec().message.replace(
      "{{#is_alert}}@pagerduty-gateway-testnet{{/is_alert}}",
      alert,
    );

    expect(problemsOf(aMonitorSpec({ message }))).toEqual([
      expect.objectContaining({
        check: "oncall-paging-handle",
        path: "message",
      }),
    ]);
  });
});
