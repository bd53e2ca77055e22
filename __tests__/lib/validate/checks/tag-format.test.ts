import { describe, expect, it } from "vitest";
import { tagFormat } from "../../../../lib/validate/checks/tag-format.js";
import {
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const base = aMonitorSpec().tags;
const tagged = (...extra: string[]) =>
  aMonitorSpec({ tags: [...base, ...extra] });

describe("tag-format", () => {
  it.each<[string, string[]]>([
    ["a numeric value", ["chain_id:84532"]],
    ["a path value", ["dashboard:/gateway/overview"]],
    ["a value with a colon", ["source:aws:ecs"]],
    ["two values of one key", ["chain:base", "chain:ethereum"]],
  ])("accepts %s", (_, extra) => {
    expect(problemsOf(tagged(...extra))).toEqual([]);
  });

  it.each<[string, string]>([
    ["an upper-case key", "Owner:gateway"],
    ["a bare tag", "critical"],
    ["an empty value", "owner:"],
    ["a space in the value", "owner:gateway team"],
    ["a key starting with a digit", "1owner:gateway"],
    ["a repeated tag", "team:gateway"],
  ])("rejects %s", (_, extra) => {
    expect(problemsOf(tagged(extra))).toEqual([
      expect.objectContaining({ check: "tag-format", path: "tags[4]" }),
    ]);
  });

  it("suggests the lower-case spelling", () => {
    expect(findingsOf(tagFormat, tagged("Owner:Gateway"))).toEqual([
      {
        path: "tags[4]",
        message: 'expected a lower-case key:value tag, got "Owner:Gateway"',
        hint: 'write "owner:gateway"',
      },
    ]);
  });
});
