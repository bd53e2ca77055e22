import { describe, expect, it } from "vitest";
import { messageBlocks } from "../../../../lib/validate/checks/message-blocks.js";
import {
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

/** The valid base message with `extra` appended on its own line. */
const message = (extra: string) => `${aMonitorSpec().message}\n${extra}`;

describe("message-blocks", () => {
  it.each<[string, string]>([
    [
      "a match nested in an alert block",
      '{{#is_alert}}{{#is_match "chain_id.name" "1"}}mainnet{{/is_match}}{{/is_alert}}',
    ],
    [
      "an inverted block with else",
      "{{^is_recovery}}still bad{{else}}fine{{/is_recovery}}",
    ],
    ["a priority block", "{{#is_priority 'P1'}}top{{/is_priority}}"],
    ["a comment", "{{!-- {{#is_alert}} in a comment --}}"],
    ["a raw section", "{{{{raw}}}}{{#not_a_block}}{{{{/raw}}}}"],
    ["triple braces", "{{{value}}}"],
  ])("accepts %s", (_, extra) => {
    expect(problemsOf(aMonitorSpec({ message: message(extra) }))).toEqual([]);
  });

  it.each<[string, string]>([
    ["a block never closed", "{{#is_warning}}@slack-gateway-alerts"],
    ["a misspelt close", "{{#is_warning}}@slack-gateway-alerts{{/is_warnig}}"],
    [
      "a misspelt conditional",
      "{{#is_warnig}}@slack-gateway-alerts{{/is_warnig}}",
    ],
    [
      "an inner block left open",
      '{{#is_warning}}{{#is_match "chain_id.name" "1"}}x{{/is_warning}}',
    ],
    ["a close with nothing open", "{{/is_warning}}"],
    ["else outside a block", "{{else}}"],
    ["a tag that never closes", "alerts at {{threshold"],
    ["a comment that never closes", "{{!-- note"],
    ["is_match without strings", "{{#is_match}}x{{/is_match}}"],
  ])("rejects %s", (_, extra) => {
    expect(problemsOf(aMonitorSpec({ message: message(extra) }))).toEqual([
      expect.objectContaining({ check: "message-blocks", path: "message" }),
    ]);
  });

  it("points at the block left open", () => {
    const spec = aMonitorSpec({
      message: "Runbook: x\n\n  {{#is_alert}}@pagerduty-x",
    });

    expect(findingsOf(messageBlocks, spec)).toEqual([
      {
        path: "message",
        message:
          "expected {{/is_alert}} for {{#is_alert}} at line 3, column 3, got the end of the message",
      },
    ]);
  });
});
