import { describe, expect, it } from "vitest";
import type { Expression, Scope, Series } from "../../../lib/query/ast.js";
import {
  parseExpression,
  parseMetricQuery,
  parseQuery,
  parseScope,
  SUPPORTED_MONITOR_TYPES,
} from "../../../lib/query/parse.js";

const tag = (key: string, value: string, negated = false): Scope => ({
  kind: "tag",
  key,
  value,
  negated,
});

const series = (fields: Partial<Series> & { metric: string }): Series => ({
  kind: "series",
  space: "avg",
  scope: { kind: "all" },
  groupBy: [],
  modifiers: [],
  ...fields,
});

const number = (value: number): Expression => ({ kind: "number", value });

describe("parseMetricQuery", () => {
  it("reads a grouped series with modifiers", () => {
    const text =
      "sum(last_1h):sum:gateway.rpc_errors.count{env:prod} by {chain_id}" +
      ".as_count().rollup(sum, 60) >= 0.3";

    expect(parseMetricQuery(text)).toEqual({
      ok: true,
      tree: {
        kind: "metric-monitor",
        reducer: {
          kind: "time",
          aggregator: "sum",
          window: { kind: "last", amount: 1, unit: "h" },
        },
        expression: {
          kind: "series",
          space: "sum",
          metric: "gateway.rpc_errors.count",
          scope: tag("env", "prod"),
          groupBy: ["chain_id"],
          modifiers: [
            { name: "as_count", args: [] },
            { name: "rollup", args: ["sum", 60] },
          ],
        },
        comparator: ">=",
        threshold: 0.3,
      },
    });
  });

  it("reads change and pct_change reducers, keeping the shift as written", () => {
    const change = parseMetricQuery(
      "change(avg(last_15m), last_2h): avg:es.evictions{*} > 120",
    );
    const pct = parseMetricQuery(
      "pct_change(avg(current_1mo),5m_ago):avg:es.evictions{*} < -70",
    );

    expect(change.ok && change.tree.reducer).toEqual({
      kind: "change",
      fn: "change",
      inner: {
        kind: "time",
        aggregator: "avg",
        window: { kind: "last", amount: 15, unit: "m" },
      },
      shift: "last_2h",
    });
    expect(pct.ok && [pct.tree.reducer, pct.tree.threshold]).toEqual([
      {
        kind: "change",
        fn: "pct_change",
        inner: {
          kind: "time",
          aggregator: "avg",
          window: { kind: "current", amount: 1, unit: "mo" },
        },
        shift: "5m_ago",
      },
      -70,
    ]);
  });

  it("reads an indented, multi-line query like a Terraform heredoc", () => {
    const text = `
      min(last_5m):
        default(
          avg:aws.rds.replica_lag{env:prod} by {region,name},
          0
        )
      > 300
    `;

    expect(parseMetricQuery(text)).toEqual({
      ok: true,
      tree: {
        kind: "metric-monitor",
        reducer: {
          kind: "time",
          aggregator: "min",
          window: { kind: "last", amount: 5, unit: "m" },
        },
        expression: {
          kind: "call",
          name: "default",
          args: [
            series({
              metric: "aws.rds.replica_lag",
              scope: tag("env", "prod"),
              groupBy: ["region", "name"],
            }),
            number(0),
          ],
        },
        comparator: ">",
        threshold: 300,
      },
    });
  });

  it("reads anomalies with string, number and named arguments", () => {
    const text =
      "avg(last_4h):anomalies(avg:system.load.1{*}, 'agile', 2, " +
      "direction='both', interval=300, alert_window=\"last_37m\") >= 1";

    const result = parseMetricQuery(text);

    expect(result.ok && result.tree.expression).toEqual({
      kind: "call",
      name: "anomalies",
      args: [
        series({ metric: "system.load.1" }),
        { kind: "string", value: "agile" },
        number(2),
        {
          kind: "named",
          name: "direction",
          value: { kind: "string", value: "both" },
        },
        { kind: "named", name: "interval", value: number(300) },
        {
          kind: "named",
          name: "alert_window",
          value: { kind: "string", value: "last_37m" },
        },
      ],
    });
  });

  it("takes avg as the space aggregation when a series names none", () => {
    const result = parseMetricQuery(
      "avg(last_15m): ( zookeeper.avg_latency{env:prod} by {host}) > 300000",
    );

    expect(result.ok && result.tree.expression).toEqual(
      series({
        metric: "zookeeper.avg_latency",
        scope: tag("env", "prod"),
        groupBy: ["host"],
      }),
    );
  });

  it("accepts by {...} after the modifiers", () => {
    const result = parseMetricQuery(
      "sum(last_5m):p99.9:trace.http.request{*}.as_rate().fill(null, 10) by {service} > 2",
    );

    expect(result.ok && result.tree.expression).toEqual(
      series({
        space: "p99.9",
        metric: "trace.http.request",
        groupBy: ["service"],
        modifiers: [
          { name: "as_rate", args: [] },
          { name: "fill", args: ["null", 10] },
        ],
      }),
    );
  });
});

describe("parseExpression", () => {
  it.each([
    ["a / b * 100", "((a / b) * 100)"],
    ["a - b - c", "((a - b) - c)"],
    ["a - (b - c)", "(a - (b - c))"],
    ["100 - a * 2", "(100 - (a * 2))"],
    ["(a + b) / -2", "((a + b) / -2)"],
    ["-1.5e3 + a", "(-1500 + a)"],
  ])("groups %s as %s", (text, grouped) => {
    const named = text.replace(/\b([a-c])\b/g, "avg:$1{*}");

    const result = parseExpression(named);

    expect(result.ok && show(result.tree)).toBe(grouped);
  });
});

/** An expression with every binary node in parentheses, for grouping tests. */
function show(expression: Expression): string {
  switch (expression.kind) {
    case "series":
      return expression.metric;
    case "number":
      return String(expression.value);
    case "call":
      return `${expression.name}(...)`;
    case "binary":
      return `(${[show(expression.left), expression.op, show(expression.right)].join(" ")})`;
  }
}

describe("parseScope", () => {
  it("reads wildcards, negations and values holding : / . -", () => {
    const text =
      "!env:dev,host:ip-10-0-0-1.ec2.internal,loadbalancer:app/name/abc123,web-*,*";

    expect(parseScope(text)).toEqual({
      ok: true,
      tree: {
        kind: "and",
        terms: [
          tag("env", "dev", true),
          tag("host", "ip-10-0-0-1.ec2.internal"),
          tag("loadbalancer", "app/name/abc123"),
          { kind: "tag", value: "web-*", negated: false },
          { kind: "all" },
        ],
      },
    });
  });

  it("reads IN, NOT IN, NOT and parentheses, flattening like the builder", () => {
    const text =
      "env:prod and (a:1 OR b:2 or (c:3 OR d:4)) AND not k IN (x,y) AND z NOT IN (1)";

    expect(parseScope(text)).toEqual({
      ok: true,
      tree: {
        kind: "and",
        terms: [
          tag("env", "prod"),
          {
            kind: "or",
            terms: [tag("a", "1"), tag("b", "2"), tag("c", "3"), tag("d", "4")],
          },
          {
            kind: "not",
            term: { kind: "in", key: "k", values: ["x", "y"], negated: false },
          },
          { kind: "in", key: "z", values: ["1"], negated: true },
        ],
      },
    });
  });

  it("treats a comma as AND, binding tighter than OR", () => {
    expect(parseScope("a:1,b:2 OR c:3")).toEqual({
      ok: true,
      tree: {
        kind: "or",
        terms: [
          { kind: "and", terms: [tag("a", "1"), tag("b", "2")] },
          tag("c", "3"),
        ],
      },
    });
  });
});

describe("parseQuery on other monitor types", () => {
  it.each([
    [
      "log alert",
      'logs("service:foo AND type:error").index("main").rollup("count").by("source,status").last("5m") > 2',
      {
        kind: "search",
        source: "logs",
        search: "service:foo AND type:error",
        indexes: ["main"],
        over: [],
        rollup: { method: "count" },
        groupBy: ["source", "status"],
        window: { kind: "last", amount: 5, unit: "m" },
        comparator: ">",
        threshold: 2,
      },
    ],
    [
      "event-v2 alert",
      "events('sources:kubernetes \\\"unable to fetch\\\"').by('hpa').rollup('cardinality', '@evt.id').current('1h') > 200",
      {
        kind: "search",
        source: "events",
        search: 'sources:kubernetes "unable to fetch"',
        indexes: [],
        over: [],
        rollup: { method: "cardinality", measure: "@evt.id" },
        groupBy: ["hpa"],
        window: { kind: "current", amount: 1, unit: "h" },
        comparator: ">",
        threshold: 200,
      },
    ],
    [
      "data-jobs alert",
      'formula("failed_runs(run_query)").by(job_name,workspace_name).last(10d) > 0',
      {
        kind: "formula",
        formula: "failed_runs(run_query)",
        groupBy: ["job_name", "workspace_name"],
        window: { kind: "last", amount: 10, unit: "d" },
        comparator: ">",
        threshold: 0,
      },
    ],
    [
      "cost alert",
      'formula("query1").last("30d").anomaly(direction="both") > 6',
      {
        kind: "formula",
        formula: "query1",
        groupBy: [],
        window: { kind: "last", amount: 30, unit: "d" },
        anomaly: { direction: "both" },
        comparator: ">",
        threshold: 6,
      },
    ],
    [
      "slo alert",
      'burn_rate("abc123").over("7d").long_window("1h").short_window("5m") > 14.4',
      {
        kind: "slo",
        measure: "burn_rate",
        sloId: "abc123",
        window: { kind: "last", amount: 7, unit: "d" },
        longWindow: { kind: "last", amount: 1, unit: "h" },
        shortWindow: { kind: "last", amount: 5, unit: "m" },
        comparator: ">",
        threshold: 14.4,
      },
    ],
    [
      "service check",
      '"fargate_check".over("*").exclude("ecs_container_name:datadog-agent").by("kube_job", "cluster").last(6).count_by_status()\n',
      {
        kind: "service-check",
        check: "fargate_check",
        over: ["*"],
        exclude: ["ecs_container_name:datadog-agent"],
        groupBy: ["kube_job", "cluster"],
        lastCount: 6,
      },
    ],
    [
      "composite",
      "1 || !2 && (3 || 4) && 5",
      {
        kind: "composite",
        expression: {
          kind: "or",
          terms: [
            { kind: "monitor", id: 1 },
            {
              kind: "and",
              terms: [
                { kind: "not", term: { kind: "monitor", id: 2 } },
                {
                  kind: "or",
                  terms: [
                    { kind: "monitor", id: 3 },
                    { kind: "monitor", id: 4 },
                  ],
                },
                { kind: "monitor", id: 5 },
              ],
            },
          ],
        },
      },
    ],
    [
      "query alert",
      'formula("query1").rollup("sum").last("5m") > 124',
      {
        kind: "formula",
        formula: "query1",
        rollup: { method: "sum" },
        groupBy: [],
        window: { kind: "last", amount: 5, unit: "m" },
        comparator: ">",
        threshold: 124,
      },
    ],
  ])("reads a %s", (type, text, tree) => {
    expect(parseQuery(type, text)).toEqual({ ok: true, tree });
  });

  it("lists the monitor types it reads", () => {
    expect(SUPPORTED_MONITOR_TYPES).toContain("query alert");
    expect(SUPPORTED_MONITOR_TYPES).toContain("service check");
    expect(SUPPORTED_MONITOR_TYPES).toHaveLength(19);
  });
});

describe("parseMetricQuery on large input", () => {
  const scopeOf = (scope: string) => {
    const result = parseMetricQuery(`avg(last_5m):avg:m{${scope}} > 1`);
    const { expression } = result.ok ? result.tree : { expression: number(0) };
    return expression.kind === "series" ? expression.scope : undefined;
  };

  it("reads a scope of 100,000 tags", () => {
    const tags = Array.from({ length: 100_000 }, (_, i) => `t:${i}`);

    const scope = scopeOf(tags.join(","));

    expect(scope?.kind === "and" && scope.terms.length).toBe(100_000);
  });

  it("reads 100,000 NOTs in a row", () => {
    const scope = scopeOf(`${"NOT ".repeat(100_000)}a:b`);

    expect(scope).toMatchObject({ kind: "not", term: { kind: "not" } });
  });
});
