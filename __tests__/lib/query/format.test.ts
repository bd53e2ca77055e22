import { describe, expect, it } from "vitest";
import { metrics } from "../../../lib/catalog/metrics.js";
import {
  expr,
  lastMinutes,
  monitorQuery,
  scope,
  series,
} from "../../../lib/query/builder.js";
import { formatQuery, formatScope } from "../../../lib/query/format.js";
import { parseMetricQuery } from "../../../lib/query/parse.js";

describe("formatQuery", () => {
  it("writes a grouped count query with modifiers", () => {
    const q = monitorQuery({
      aggregator: "sum",
      windowMinutes: 60,
      expression: series(metrics.rpcErrors, {
        space: "sum",
        filter: { env: "prod" },
        by: ["chain_id"],
      })
        .asCount()
        .rollup("sum", 60),
      comparator: ">=",
      threshold: 0.1 + 0.2,
    });

    expect(formatQuery(q)).toBe(
      "sum(last_1h):sum:gateway.rpc_errors.count{env:prod} by {chain_id}.as_count().rollup(sum, 60) >= 0.3",
    );
  });

  it.each([
    [expr.div(expr.add(1, 2), 3), "(1 + 2) / 3"],
    [expr.sub(1, expr.sub(2, 3)), "1 - (2 - 3)"],
    [expr.sub(expr.sub(1, 2), 3), "1 - 2 - 3"],
    [expr.mul(expr.div(1, 2), 3), "1 / 2 * 3"],
    [expr.div(1, expr.mul(2, 3)), "1 / (2 * 3)"],
    [
      expr.call("anomalies", 1, { kind: "string", value: "basic" }, 2, {
        kind: "named",
        name: "direction",
        value: { kind: "string", value: "above" },
      }),
      "anomalies(1, 'basic', 2, direction='above')",
    ],
  ])("parenthesizes only where precedence needs it: %#", (expression, text) => {
    const q = monitorQuery({
      aggregator: "avg",
      windowMinutes: 5,
      expression,
      comparator: ">",
      threshold: 1,
    });

    expect(formatQuery(q)).toBe(`avg(last_5m):${text} > 1`);
  });

  it.each([
    [scope.all(), "*"],
    [scope.fromTags({ env: "prod", chain_id: 1 }), "env:prod,chain_id:1"],
    [
      scope.and(
        scope.tag("env", "prod"),
        scope.or(scope.tag("a", "1"), scope.tag("b", "2")),
      ),
      "env:prod AND (a:1 OR b:2)",
    ],
    [
      scope.and(scope.notTag("env", "dev"), scope.in("chain_id", [1, 8453])),
      "!env:dev,chain_id IN (1,8453)",
    ],
    [
      scope.not(scope.or(scope.tag("a", "1"), scope.tag("b", "2"))),
      "NOT (a:1 OR b:2)",
    ],
  ])("writes scope %#", (s, text) => {
    expect(formatScope(s)).toBe(text);
  });

  it.each([
    [5, "last_5m"],
    [90, "last_90m"],
    [120, "last_2h"],
    [2880, "last_2d"],
  ])("writes a window of %i minutes as %s", (minutes, text) => {
    const w = lastMinutes(minutes);
    expect(`${w.kind}_${w.amount}${w.unit}`).toBe(text);
  });

  it("rejects windows that are not whole positive minutes", () => {
    expect(() => lastMinutes(0)).toThrow(
      /positive whole number of minutes, got 0/,
    );
    expect(() => lastMinutes(1.5)).toThrow(/got 1.5/);
  });
});

describe("string arguments", () => {
  it.each([
    ["it's", "'it\\'s'"],
    ["a\\b", "'a\\\\b'"],
    ["basic", "'basic'"],
  ])("quotes %j so the parser reads it back", (value, text) => {
    const tree = monitorQuery({
      aggregator: "avg",
      windowMinutes: 60,
      expression: expr.call(
        "anomalies",
        series(metrics.rpcErrors),
        { kind: "string", value },
        2,
      ),
      comparator: ">=",
      threshold: 1,
    });
    const formatted = formatQuery(tree);
    expect(formatted).toContain(`, ${text}, 2)`);
    expect(parseMetricQuery(formatted)).toStrictEqual({ ok: true, tree });
  });
});

describe("scope builder guards", () => {
  it.each([
    ["an empty AND", () => scope.and(), /at least one term for scope.and/],
    ["an empty OR", () => scope.or(), /at least one term for scope.or/],
    [
      "an empty IN list",
      () => scope.in("chain_id", []),
      /at least one value for chain_id IN/,
    ],
    ["an empty tag value", () => scope.tag("env", ""), /value for tag env/],
    ["an empty tag key", () => scope.notTag("", "x"), /expected a tag key/],
  ])("rejects %s", (_label, build, message) => {
    expect(build).toThrow(message);
  });
});
