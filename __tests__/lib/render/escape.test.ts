import { describe, expect, it } from "vitest";
import { cleanText, escapeTerraform } from "../../../lib/render/escape.js";

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
