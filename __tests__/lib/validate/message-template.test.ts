import { describe, expect, it } from "vitest";
import { lineColumn } from "../../../lib/model/line-column.js";
import { parseTemplate } from "../../../lib/validate/message-template.js";

describe("parseTemplate", () => {
  it("reads blocks, else, variables and triple braces", () => {
    const text =
      '{{#is_match "env.name" "prod"}}{{ value }}{{else}}{{{raw.x}}}{{/is_match}}{{^is_alert}}';

    expect(parseTemplate(text)).toEqual({
      tags: [
        {
          kind: "open",
          name: "is_match",
          inverted: false,
          args: '"env.name" "prod"',
          offset: 0,
        },
        { kind: "variable", expression: "value", offset: 31 },
        { kind: "else", offset: 42 },
        { kind: "variable", expression: "raw.x", offset: 50 },
        { kind: "close", name: "is_match", offset: 61 },
        {
          kind: "open",
          name: "is_alert",
          inverted: true,
          args: "",
          offset: 74,
        },
      ],
      problems: [],
    });
  });

  it.each<[string, string]>([
    ["comments", "{{!-- {{#is_alert}} --}}{{! also {{value}} }}"],
    ["raw sections", "{{{{raw}}}}{{#x}}{{{{/raw}}}}"],
    ["plain braces", "{ not a tag } and {single}"],
  ])("skips %s", (_, text) => {
    expect(parseTemplate(text).tags).toEqual([]);
  });

  it.each<[string, string, number, string]>([
    ["an open tag", "a {{value", 2, 'expected "}}" to close "{{"'],
    ["a comment", "{{!-- a", 0, 'expected "--}}" to close the comment'],
    ["a raw section", "{{{{raw}}}} x", 0, 'expected "{{{{/raw}}}}"'],
    ["triple braces", "{{{value}}", 0, 'expected "}}}" to close "{{{"'],
  ])("reports %s left open", (_, text, offset, message) => {
    const { problems } = parseTemplate(text);

    expect(problems).toHaveLength(1);
    expect(problems[0]?.offset).toBe(offset);
    expect(problems[0]?.message).toContain(message);
  });
});

describe("lineColumn", () => {
  it("counts lines and columns from 1", () => {
    expect(lineColumn("ab\ncd\nef", 7)).toEqual({ line: 3, column: 2 });
    expect(lineColumn("ab", 0)).toEqual({ line: 1, column: 1 });
  });
});
