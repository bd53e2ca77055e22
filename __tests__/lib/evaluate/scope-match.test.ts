import { describe, expect, it } from "vitest";
import { matchesScope, tagMap } from "../../../lib/evaluate/scope-match.js";
import { scope } from "../../../lib/query/builder.js";
import type { Scope } from "../../../lib/query/ast.js";

const tags = tagMap({
  env: "Prod",
  chain_id: 8453,
  service: "gateway-canary",
  device: "/dev/loop1",
});

describe("matchesScope", () => {
  it.each<[string, Scope, boolean]>([
    ["{*} selects every series", scope.all(), true],
    [
      "a key:value term matches case-insensitively",
      scope.tag("env", "prod"),
      true,
    ],
    ["a key:value term rejects another value", scope.tag("env", "dev"), false],
    ["a negated term rejects the value", scope.notTag("chain_id", 8453), false],
    [
      "a negated term accepts a missing key",
      scope.notTag("region", "eu"),
      true,
    ],
    ["a suffix wildcard matches", scope.tag("service", "*-canary"), true],
    ["a prefix wildcard matches", scope.tag("device", "/dev/loop*"), true],
    [
      "a wildcard does not match across the whole value",
      scope.tag("service", "canary*"),
      false,
    ],
    ["IN matches one of the values", scope.in("chain_id", [1, 8453]), true],
    [
      "NOT IN rejects one of the values",
      { kind: "in", key: "chain_id", values: ["8453"], negated: true },
      false,
    ],
    [
      "AND needs every term",
      scope.and(scope.tag("env", "prod"), scope.tag("chain_id", 1)),
      false,
    ],
    [
      "OR needs one term",
      scope.or(scope.tag("env", "dev"), scope.tag("chain_id", 8453)),
      true,
    ],
    [
      "NOT inverts a compound term",
      scope.not(scope.or(scope.tag("env", "dev"), scope.tag("chain_id", 1))),
      true,
    ],
    [
      "a bare tag matches the whole key:value",
      { kind: "tag", value: "env:prod", negated: false },
      true,
    ],
  ])("%s", (_, s, expected) => {
    expect(matchesScope(s, tags)).toBe(expected);
  });
});
