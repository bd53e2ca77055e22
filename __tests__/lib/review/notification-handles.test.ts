import { describe, expect, it } from "vitest";
import { notificationHandles } from "../../../lib/review/notification-handles.js";

describe("notificationHandles", () => {
  it.each([
    {
      name: "reads a handle per severity block",
      message:
        "Down.\n{{#is_alert}}@pagerduty-gw{{/is_alert}}\n" +
        "{{#is_warning}}@slack-gw{{/is_warning}}\n" +
        "{{#is_recovery}}@slack-gw{{/is_recovery}}",
      expected: [
        { condition: "alert", handles: ["@pagerduty-gw"] },
        { condition: "warning", handles: ["@slack-gw"] },
        { condition: "recovery", handles: ["@slack-gw"] },
      ],
    },
    {
      name: "files handles outside any block under always",
      message: "Queue deep. @pagerduty-legacy @ops@example.com.",
      expected: [
        {
          condition: "always",
          handles: ["@ops@example.com", "@pagerduty-legacy"],
        },
      ],
    },
    {
      name: "orders conditions for reading, not by position",
      message:
        "{{#is_recovery}}@slack-a{{/is_recovery}}{{#is_no_data}}@pagerduty-a{{/is_no_data}}" +
        "{{#is_alert}}@pagerduty-a @pagerduty-a{{/is_alert}}",
      expected: [
        { condition: "alert", handles: ["@pagerduty-a"] },
        { condition: "no data", handles: ["@pagerduty-a"] },
        { condition: "recovery", handles: ["@slack-a"] },
      ],
    },
    {
      name: "names negated, matching and nested blocks",
      message:
        '{{^is_warning}}@slack-a{{/is_warning}}{{#is_match "chain_id" "1"}}' +
        "{{#is_alert}}@pagerduty-eth{{/is_alert}}{{/is_match}}",
      expected: [
        {
          condition: 'match "chain_id" "1" + alert',
          handles: ["@pagerduty-eth"],
        },
        { condition: "not warning", handles: ["@slack-a"] },
      ],
    },
    {
      name: "flips the condition after else",
      message: "{{#is_alert}}@pagerduty-a{{else}}@slack-a{{/is_alert}}",
      expected: [
        { condition: "alert", handles: ["@pagerduty-a"] },
        { condition: "not alert", handles: ["@slack-a"] },
      ],
    },
    {
      name: "ignores a closing tag without its opening one",
      message: "{{/is_alert}}@slack-a{{#is_warning}}@slack-b",
      expected: [
        { condition: "always", handles: ["@slack-a"] },
        { condition: "warning", handles: ["@slack-b"] },
      ],
    },
    {
      name: "does not read template variables or emails inside words as handles",
      message: "{{value}} at {{threshold}}; mail ops@example.com",
      expected: [],
    },
  ])("$name", ({ message, expected }) => {
    expect(notificationHandles(message)).toEqual(expected);
  });
});
