import { describe, expect, it } from "vitest";
import { lineDiff } from "../../../lib/review/line-diff.js";

describe("lineDiff", () => {
  it.each([
    {
      name: "keeps equal text as context only",
      before: "a\nb",
      after: "a\nb",
      expected: [" a", " b"],
    },
    {
      name: "shows a replaced line as removed, then added",
      before: "a\nb\nc",
      after: "a\nB\nc",
      expected: [" a", "-b", "+B", " c"],
    },
    {
      name: "shows inserted and dropped lines in place",
      before: "a\nc\nd",
      after: "a\nb\nc",
      expected: [" a", "+b", " c", "-d"],
    },
  ])("$name", ({ before, after, expected }) => {
    expect(lineDiff(before, after).map((l) => `${l.op}${l.text}`)).toEqual(
      expected,
    );
  });
});
