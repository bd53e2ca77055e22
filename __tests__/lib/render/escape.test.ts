import { describe, expect, it } from "vitest";
import {
  cleanText,
  escapeTerraform,
  escapeTerraformDeep,
} from "../../../lib/render/escape.js";

describe("escapeTerraform", () => {
  it.each([
    ["kubectl logs ${POD}", "kubectl logs $${POD}"],
    ["%{ if x }", "%%{ if x }"],
    [
      "{{chain_id.name}} and {{#is_alert}}x{{/is_alert}}",
      "{{chain_id.name}} and {{#is_alert}}x{{/is_alert}}",
    ],
    ["costs $5 and 50%", "costs $5 and 50%"],
    ["${a}${b}", "$${a}$${b}"],
  ])("turns %j into %j", (input, output) => {
    expect(escapeTerraform(input)).toBe(output);
  });

  it("trims surrounding whitespace in names and messages", () => {
    expect(cleanText("  \n hello ${x} \n")).toBe("hello $${x}");
  });
});

describe("escapeTerraformDeep", () => {
  it("escapes strings in nested options and leaves other values alone", () => {
    const options = {
      escalation_message: "still ${STATE}",
      timeout_h: 1,
      scheduling_options: {
        custom_schedule: { recurrence: [{ rrule: "%{x}" }] },
      },
    };

    expect(escapeTerraformDeep(options)).toEqual({
      escalation_message: "still $${STATE}",
      timeout_h: 1,
      scheduling_options: {
        custom_schedule: { recurrence: [{ rrule: "%%{x}" }] },
      },
    });
  });
});
