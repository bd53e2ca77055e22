import { describe, expect, it } from "vitest";
import { parseQuery } from "../../../lib/query/parse.js";

/**
 * One bad query per failure kind. `‸` marks where the first error must
 * point; it is removed before parsing and its index is the expected offset.
 */
const MARK = "‸";

const metric: [string, string, string][] = [
  [
    "a scope with an empty tag value",
    "avg(last_5m):avg:foo{env:‸} > 1",
    "bad-scope",
  ],
  ["a scope holding only a comma", "avg(last_5m):avg:foo{‸,} > 1", "bad-scope"],
  ["an empty scope", "avg(last_5m):avg:foo{‸} > 1", "bad-scope"],
  [
    "a scope that ends with a comma",
    "avg(last_5m):avg:foo{env:prod,‸} > 1",
    "bad-scope",
  ],
  ["a tag without a key", "avg(last_5m):avg:foo{‸:prod} > 1", "bad-scope"],
  [
    "two tags without a separator",
    "avg(last_5m):avg:foo{env:prod ‸host:a} > 1",
    "bad-scope",
  ],
  ["a lone negation mark", "avg(last_5m):avg:foo{!‸} > 1", "bad-scope"],
  [
    "a scope that starts with AND",
    "avg(last_5m):avg:foo{‸AND env:prod} > 1",
    "bad-scope",
  ],
  ["NOT with nothing after it", "avg(last_5m):avg:foo{NOT ‸} > 1", "bad-scope"],
  [
    "IN without parentheses",
    "avg(last_5m):avg:foo{env IN ‸prod} > 1",
    "bad-scope",
  ],
  [
    "IN with an empty list",
    "avg(last_5m):avg:foo{env IN (‸)} > 1",
    "bad-scope",
  ],
  ["a quoted tag value", 'avg(last_5m):avg:foo{env:‸"prod"} > 1', "bad-scope"],
  [
    "a scope left open",
    "avg(last_5m):avg:foo‸{env:prod > 1",
    "unbalanced-braces",
  ],
  [
    "a scope closed by a parenthesis",
    "avg(last_5m):abs(avg:foo{*‸)} > 1",
    "unbalanced-braces",
  ],
  [
    "an unclosed parenthesis",
    "avg‸(last_5m:avg:foo{*} > 1",
    "unbalanced-parens",
  ],
  [
    "an extra closing parenthesis",
    "avg(last_5m):abs(avg:foo{*})‸) > 1",
    "unbalanced-parens",
  ],
  [
    "an unterminated string",
    "avg(last_4h):anomalies(avg:foo{*}, ‸'basic, 2) >= 1",
    "unterminated-string",
  ],
  [
    "an unquoted anomaly algorithm",
    "avg(last_4h):anomalies(avg:foo{*}, ‸basic, 2) >= 1",
    "unquoted-argument",
  ],
  [
    "an unquoted outlier algorithm",
    "avg(last_1h):outliers(avg:foo{*} by {host}, ‸dbscan, 3) > 0",
    "unquoted-argument",
  ],
  [
    "an unquoted named argument",
    "avg(last_4h):anomalies(avg:foo{*}, 'basic', 2, direction=‸above) >= 1",
    "unquoted-argument",
  ],
  [
    "arguments without a comma",
    "avg(last_5m):default(avg:foo{*} ‸0) > 1",
    "unexpected-token",
  ],
  ["no comparator", "avg(last_5m):avg:foo{*} ‸5", "missing-comparator"],
  [
    "no comparator at the end",
    "avg(last_5m):avg:foo{*}‸",
    "missing-comparator",
  ],
  ["no threshold", "avg(last_5m):avg:foo{*} >‸", "missing-threshold"],
  [
    "a non-numeric threshold",
    "avg(last_5m):avg:foo{*} > ‸high",
    "bad-threshold",
  ],
  [
    "a threshold with a unit",
    "avg(last_5m):avg:foo{*} > ‸10ms",
    "bad-threshold",
  ],
  [
    "a comparator written backwards",
    "avg(last_5m):avg:foo{*} ‸=> 1",
    "unsupported-comparator",
  ],
  [
    "a single equals sign",
    "avg(last_5m):avg:foo{*} ‸= 1",
    "unsupported-comparator",
  ],
  [
    "double quotes around the whole query",
    '‸"avg(last_5m):avg:foo{*} > 1"',
    "stray-quotes",
  ],
  [
    "single quotes around the whole query",
    "  ‸'avg(last_5m):avg:foo{*} > 1'",
    "stray-quotes",
  ],
  [
    "a window with an unknown unit",
    "avg(‸last_5x):avg:foo{*} > 1",
    "bad-window",
  ],
  ["a window of zero minutes", "avg(‸last_0m):avg:foo{*} > 1", "bad-window"],
  [
    "a forecast window as a change shift",
    "change(avg(last_5m),‸next_5m):avg:foo{*} > 1",
    "bad-shift",
  ],
  ["a missing time aggregation", "‸avg:foo{*} > 1", "missing-reducer"],
  [
    "an unknown time aggregator",
    "‸median(last_5m):avg:foo{*} > 1",
    "unknown-aggregator",
  ],
  [
    "a change without an inner aggregation",
    "change(‸last_5m,last_5m):avg:foo{*} > 1",
    "unknown-aggregator",
  ],
  [
    "a bad change comparison point",
    "change(avg(last_5m),‸5x_ago):avg:foo{*} > 1",
    "bad-shift",
  ],
  [
    "no colon after the time aggregation",
    "avg(last_5m) ‸avg:foo{*} > 1",
    "unexpected-token",
  ],
  [
    "an unknown space aggregator",
    "avg(last_5m):‸median:foo{*} > 1",
    "unknown-space-aggregator",
  ],
  ["an empty metric name", "avg(last_5m):avg:‸{*} > 1", "bad-metric-name"],
  [
    "a metric name starting with a digit",
    "avg(last_5m):avg:‸1foo{*} > 1",
    "bad-metric-name",
  ],
  [
    "a metric name with a dash",
    "avg(last_5m):avg:‸foo-bar{*} > 1",
    "bad-metric-name",
  ],
  [
    "a metric without a scope",
    "avg(last_5m):avg:system.cpu.user ‸> 1",
    "missing-scope",
  ],
  ["by without braces", "avg(last_5m):avg:foo{*} by ‸host > 1", "bad-group-by"],
  [
    "by with empty braces",
    "avg(last_5m):avg:foo{*} by {‸} > 1",
    "bad-group-by",
  ],
  [
    "two group-bys on one series",
    "avg(last_5m):avg:foo{*} by {a} ‸by {b} > 1",
    "duplicate-group-by",
  ],
  [
    "an unknown modifier",
    "avg(last_5m):avg:foo{*}.‸as_counts() > 1",
    "unknown-modifier",
  ],
  [
    "an unknown rollup method",
    "avg(last_5m):avg:foo{*}.rollup(‸median, 60) > 1",
    "bad-modifier",
  ],
  [
    "an argument to as_count",
    "avg(last_5m):avg:foo{*}.as_count(‸1) > 1",
    "bad-modifier",
  ],
  [
    "trailing garbage after the threshold",
    "avg(last_5m):avg:foo{*} > 1 ‸foo",
    "trailing-input",
  ],
  [
    "unary minus on a series",
    "avg(last_5m):-‸avg:foo{*} > 1",
    "unexpected-token",
  ],
  [
    "an operator without a right side",
    "avg(last_5m):avg:foo{*} + ‸> 1",
    "unexpected-token",
  ],
  [
    "text between the reducer and the series",
    "max(last_10m): ‸priority = var.priority avg:foo{*} <= 0",
    "unexpected-token",
  ],
  [
    "a formula without a window",
    'formula("query1").rollup("sum") ‸> 124',
    "missing-method",
  ],
  ["an empty query", "‸  ", "empty-query"],
  [
    "brackets nested past 100 levels",
    `avg(last_5m):${"(".repeat(100)}‸(1${")".repeat(101)} > 1`,
    "too-deep",
  ],
];

const other: [string, string, string, string][] = [
  [
    "a composite operand that is a name",
    "composite",
    "123 && ‸abc",
    "bad-composite-operand",
  ],
  [
    "a composite operand that is a decimal",
    "composite",
    "1 || ‸2.5",
    "bad-composite-operand",
  ],
  [
    "a composite ending in an operator",
    "composite",
    "1 && ‸",
    "bad-composite-operand",
  ],
  [
    "a composite with a single ampersand",
    "composite",
    "1 ‸& 2",
    "trailing-input",
  ],
  [
    "a service check without .last(n)",
    "service check",
    '"http.can_connect".over("*").by("host").count_by_status()‸',
    "missing-method",
  ],
  [
    "a service check without .count_by_status()",
    "service check",
    '"http.can_connect".over("*").last(2)‸',
    "missing-method",
  ],
  [
    "a service check counting zero runs",
    "service check",
    '"ntp.in_sync".last(‸0).count_by_status()',
    "bad-argument",
  ],
  [
    "a service check with an unknown method",
    "service check",
    '"ntp.in_sync".‸over_all("*").last(2).count_by_status()',
    "unknown-method",
  ],
  [
    "a service check wrapped in quotes",
    "service check",
    "‸'\"ntp.in_sync\".last(2).count_by_status()'",
    "stray-quotes",
  ],
  [
    "a log alert without a comparator",
    "log alert",
    'logs("*").index("*").rollup("count").last("5m")‸',
    "missing-comparator",
  ],
  [
    "a log alert without a window",
    "log alert",
    'logs("*").rollup("count") ‸> 1',
    "missing-method",
  ],
  [
    "a log alert with a bad window",
    "log alert",
    'logs("*").rollup("count").last(‸"5x") > 1',
    "bad-window",
  ],
  [
    "a log average without a measure",
    "log alert",
    'logs("*").rollup(‸"avg").last("5m") > 1',
    "bad-argument",
  ],
  [
    "a log alert with two windows",
    "log alert",
    'logs("*").last("5m").‸last("10m") > 1',
    "duplicate-method",
  ],
  [
    "an event search with unescaped quotes",
    "event-v2 alert",
    'events("env:prod "‸Unregister"").rollup("count").last("15m") >= 3',
    "unescaped-quote",
  ],
  [
    "an event monitor reading logs",
    "event-v2 alert",
    '‸logs("*").rollup("count").last("5m") > 1',
    "unknown-function",
  ],
  [
    "an SLO alert without .over()",
    "slo alert",
    'error_budget("abc") ‸> 50',
    "missing-method",
  ],
  [
    "an unknown monitor type",
    "metrics alert",
    "‸avg(last_5m):avg:foo{*} > 1",
    "unknown-monitor-type",
  ],
  [
    "a type whose grammar is not modelled",
    "synthetics alert",
    "‸x",
    "unsupported-monitor-type",
  ],
];

const cases = [
  ...metric.map(
    ([name, text, code]) => [name, "query alert", text, code] as const,
  ),
  ...other,
];

describe("parseQuery on invalid queries", () => {
  it.each(cases)("rejects %s", (_name, type, marked, code) => {
    const offset = marked.indexOf(MARK);
    const text = marked.replace(MARK, "");

    const result = parseQuery(type, text);

    expect(result.ok).toBe(false);
    const [first] = result.ok ? [] : result.errors;
    expect({ code: first?.code, offset: first?.offset }).toEqual({
      code,
      offset,
    });
    expect(first?.message).toMatch(/^expected .+, got .+$/);
  });

  it("has one case per failure kind, at least 45 in all", () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(new Set(cases.map(([name]) => name)).size).toBe(cases.length);
  });

  it("gives line and column for a multi-line query", () => {
    const text = "avg(last_5m):\n  avg:foo{env:prod}\n  by host\n  > 1";

    const result = parseQuery("query alert", text);

    expect(result).toEqual({
      ok: false,
      errors: [
        {
          code: "bad-group-by",
          offset: 39,
          line: 3,
          column: 6,
          message: 'expected "{" after "by", got "host"',
        },
      ],
    });
  });

  it("reports every unmatched bracket, in text order", () => {
    const result = parseQuery("query alert", ") avg(last_5m):abs(sum:a{* > 1");

    expect(
      result.ok ? [] : result.errors.map((e) => [e.code, e.offset]),
    ).toEqual([
      ["unbalanced-parens", 0],
      ["unbalanced-parens", 18],
      ["unbalanced-braces", 24],
    ]);
  });

  it("explains what it expected and what it got", () => {
    const result = parseQuery(
      "query alert",
      "avg(last_4h):anomalies(avg:foo{*}, basic, 2) >= 1",
    );

    expect(result.ok ? "" : result.errors[0]!.message).toBe(
      "expected a quoted argument such as 'basic', got \"basic\"",
    );
  });
});
