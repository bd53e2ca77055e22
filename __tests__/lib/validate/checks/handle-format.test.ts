import { describe, expect, it } from "vitest";
import {
  handleFormat,
  handleTokens,
} from "../../../../lib/validate/checks/handle-format.js";
import {
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const saying = (extra: string) =>
  aMonitorSpec({ message: `${aMonitorSpec().message}\n${extra}` });

describe("handle-format", () => {
  it.each<[string, string]>([
    ["an email handle", "@oncall-lead@example.com"],
    ["a dynamic handle", "@slack-{{chain_id.name}}-alerts"],
    ["a handle ending a sentence", "Ask @slack-gateway-alerts."],
    ["a plain email address, which is not a handle", "mail ops@example.com"],
    ["a webhook", "@webhook-deploy_hook"],
    [
      "a handle in a markdown link",
      "[@slack-gateway-alerts](https://x.example)",
    ],
  ])("accepts %s", (_, extra) => {
    expect(problemsOf(saying(extra))).toEqual([]);
  });

  it.each<[string, string]>([
    ["a dangling @", "call @ pagerduty"],
    ["an integration without a target", "@slack"],
    ["a trailing dash", "@slack-"],
    ["a leading dash", "@-slack-alerts"],
    ["an email without a domain", "@lead@example"],
    ["a channel sign", "@#alerts"],
  ])("rejects %s", (_, extra) => {
    expect(problemsOf(saying(extra))).toEqual([
      expect.objectContaining({ check: "handle-format", path: "message" }),
    ]);
  });

  it("reads a dynamic handle as one token", () => {
    expect(
      handleTokens("x @slack-{{team.name}}-ops, y").map((t) => t.text),
    ).toEqual(["@slack-{{team.name}}-ops"]);
  });

  it("says what a handle should look like", () => {
    const spec = aMonitorSpec({ message: "Runbook: x\n@pagerduty" });

    expect(findingsOf(handleFormat, spec)[0]?.message).toBe(
      'expected @pagerduty-<target>, e.g. @pagerduty-team-alerts, got "@pagerduty" at line 2, column 1',
    );
  });
});
