import { describe, expect, it } from "vitest";
import type { MetricDefinition } from "../../../lib/catalog/metrics.js";
import type { MetricMonitorQuery } from "../../../lib/query/ast.js";
import { expr, scope, series } from "../../../lib/query/builder.js";
import {
  analyzeQuery,
  factsOf,
  useQueryParser,
} from "../../../lib/validate/query-facts.js";
import { aMetricQuery, aMonitorSpec } from "../../support/builders.js";

const metric = (name: string) => ({ name }) as MetricDefinition;

describe("factsOf", () => {
  it("collects groups, filter keys, metrics and default_zero in one walk", () => {
    const query: MetricMonitorQuery = {
      kind: "metric-monitor",
      reducer: {
        kind: "change",
        fn: "pct_change",
        inner: {
          kind: "time",
          aggregator: "sum",
          window: { kind: "last", amount: 1, unit: "h" },
        },
        shift: "1h_ago",
      },
      expression: expr.div(
        expr.defaultZero(
          series(metric("gateway.errors.count"), {
            filter: scope.and(
              scope.tag("env", "prod"),
              scope.not(scope.in("chain_id", [1, 2])),
            ),
            by: ["chain_id"],
          }),
        ),
        series(metric("aws.applicationelb.request_count"), {
          filter: scope.or(scope.tag("region", "eu"), scope.notTag("az", "b")),
          by: ["chain_id", "breaker"],
        }),
      ),
      comparator: ">=",
      threshold: 50,
    };

    expect(factsOf(query)).toEqual({
      comparator: ">=",
      threshold: 50,
      window: { kind: "last", amount: 1, unit: "h" },
      windowMinutes: 60,
      shift: "1h_ago",
      groupBy: ["chain_id", "breaker"],
      filterKeys: ["env", "chain_id", "region", "az"],
      metrics: ["gateway.errors.count", "aws.applicationelb.request_count"],
      usesDefaultZero: true,
    });
  });

  it("ignores bare tags, which have no key", () => {
    const query = aMetricQuery({ by: [] });
    const bare = {
      ...query,
      expression: series(metric("x"), {
        filter: { kind: "tag", value: "canary", negated: false },
      }).build(),
    };

    expect(factsOf(bare).filterKeys).toEqual([]);
  });
});

describe("analyzeQuery", () => {
  it("reads a typed query once per spec", () => {
    const spec = aMonitorSpec();

    expect(analyzeQuery(spec)).toBe(analyzeQuery(spec));
    expect(analyzeQuery(spec).kind).toBe("facts");
  });

  it("reads a raw metric query through the parser", () => {
    const spec = aMonitorSpec({
      query: { kind: "raw", text: "avg(last_5m):avg:x{env:prod} by {a} > 1" },
    });

    expect(analyzeQuery(spec)).toMatchObject({
      kind: "facts",
      facts: { groupBy: ["a"], filterKeys: ["env"], threshold: 1 },
    });
  });

  it("leaves a raw query opaque without a parser", () => {
    const spec = aMonitorSpec({ query: { kind: "raw", text: "x > 1" } });
    const previous = useQueryParser(undefined);

    try {
      expect(analyzeQuery(spec)).toEqual({
        kind: "opaque",
        reason: "no query parser",
      });
    } finally {
      useQueryParser(previous?.parse, previous?.types);
    }
  });

  it("never parses a monitor type the parser does not read", () => {
    const spec = aMonitorSpec({
      type: "error-tracking alert",
      query: { kind: "raw", text: "x > 1" },
    });
    const previous = useQueryParser(() => {
      throw new Error("parsed an error-tracking alert");
    });

    try {
      expect(analyzeQuery(spec)).toEqual({
        kind: "opaque",
        reason: 'no parser for "error-tracking alert"',
      });
    } finally {
      useQueryParser(previous?.parse, previous?.types);
    }
  });
});
