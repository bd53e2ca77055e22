import { describe, expect, it } from "vitest";
import { formatNumber } from "../../../lib/model/format-number.js";

describe("formatNumber", () => {
  it.each([
    [0.1 + 0.2, "0.3"],
    [1e-7, "0.0000001"],
    [1.5e-9, "0.0000000015"],
    [3, "3"],
    [-2.5, "-2.5"],
    [1e21, "1000000000000000000000"],
    [-0, "0"],
    [99.95, "99.95"],
    [1 / 3, "0.333333333333"],
  ])("writes %s as %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity])("rejects %s", (value) => {
    expect(() => formatNumber(value)).toThrow(/expected a finite number/);
  });
});
