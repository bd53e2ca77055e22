import { describe, expect, it } from "vitest";
import {
  parsePoints,
  parseSamples,
} from "../../../lib/evaluate/series-notation.js";

describe("parsePoints", () => {
  it.each([
    ["repeats a value for the given minutes", "0.2x2 3x1", [0.2, 0.2, 3]],
    ["reads a lone value as one minute", "1 2", [1, 2]],
    ["writes a gap as _ or .", "1 _x2 . 4", [1, null, null, null, 4]],
    ["reads negative and exponent values", "-1.5 1e3", [-1.5, 1000]],
  ])("%s", (_, text, expected) => {
    expect(parsePoints(text)).toEqual({ ok: true, value: expected });
  });

  it("reports every bad token with its position", () => {
    expect(parsePoints("1 3y6 zx2 4x0")).toEqual({
      ok: false,
      problems: [
        { token: 2, message: 'expected a number, "_" or ".", got "3y6"' },
        {
          token: 3,
          message: 'expected a number, "_" or ".", got "z" (in "zx2")',
        },
        { token: 4, message: 'expected at least 1 minute, got "4x0"' },
      ],
    });
  });

  it("rejects an empty string", () => {
    expect(parsePoints("  ")).toMatchObject({ ok: false });
  });
});

describe("parseSamples", () => {
  it("expands value*count lists per minute and repeats minutes", () => {
    expect(parseSamples("1*2,5x2 _")).toEqual({
      ok: true,
      value: [[1, 1, 5], [1, 1, 5], null],
    });
  });

  it("reports a malformed sample", () => {
    expect(parseSamples("1*a")).toEqual({
      ok: false,
      problems: [
        { token: 1, message: 'expected a whole sample count, got "a"' },
      ],
    });
  });
});
