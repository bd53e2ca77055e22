import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type {
  MonitorSpec,
  MonitorType,
} from "../../../../lib/model/monitor.js";
import { queryParse } from "../../../../lib/validate/checks/query-parse.js";
import {
  useQueryParser,
  type QueryParser,
} from "../../../../lib/validate/query-facts.js";
import {
  aMetricQuery,
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

/**
 * Stands in for lib/query/parse.ts: `BROKEN` fails where it starts; any
 * other metric text reads as the tree of `aMetricQuery` with the number
 * after `>`.
 */
const fakeParser: QueryParser = (type, text) => {
  const at = text.indexOf("BROKEN");
  if (at !== -1) {
    return {
      ok: false,
      errors: [
        {
          code: "unexpected-token",
          offset: at,
          line: 1,
          column: at + 1,
          message: 'expected a tag scope, got "BROKEN"',
        },
      ],
    };
  }
  if (type !== "metric alert" && type !== "query alert") {
    return { ok: true, tree: { kind: "other" } };
  }
  const threshold = Number(text.slice(text.lastIndexOf(">") + 1));
  return { ok: true, tree: aMetricQuery({ threshold }) };
};

const raw = (text: string, type: MonitorType = "query alert"): MonitorSpec =>
  aMonitorSpec({ type, query: { kind: "raw", text } });

let previous: ReturnType<typeof useQueryParser>;
beforeEach(() => {
  previous = useQueryParser(fakeParser);
});
afterEach(() => {
  useQueryParser(previous?.parse, previous?.types);
});

describe("query-parse with the real parser", () => {
  it("reports an unclosed scope where it opens", () => {
    useQueryParser(previous?.parse, previous?.types);
    const spec = raw("avg(last_5m):avg:x{env:prod > 10");

    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check: "query-parse", path: "query" }),
    ]);
    expect(findingsOf(queryParse, spec)[0]?.message).toBe(
      'expected a valid "query alert" query, got unbalanced-braces at line 1, column 19: expected a "}" to close this "{", got end of query',
    );
  });
});

describe("query-parse", () => {
  it.each<[string, MonitorSpec]>([
    ["a raw metric query", raw("avg(last_5m):avg:x{*} by {chain_id} > 10")],
    [
      "a raw log query",
      raw('logs("status:error").last("5m") > 10', "log alert"),
    ],
    ["a type the parser does not read", raw("BROKEN", "error-tracking alert")],
  ])("accepts %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it("reports the parser's code and position", () => {
    const spec = raw("avg(last_5m):avg:x{BROKEN} > 10");

    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check: "query-parse", path: "query" }),
    ]);
    expect(findingsOf(queryParse, spec)[0]?.message).toBe(
      'expected a valid "query alert" query, got unexpected-token at line 1, column 20: expected a tag scope, got "BROKEN"',
    );
  });

  it("checks a parsed raw query like a typed one", () => {
    const spec = raw("avg(last_5m):avg:x{*} by {chain_id} > 12");

    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({
        check: "threshold-matches-query",
        path: "thresholds.critical",
      }),
    ]);
  });

  it("leaves raw queries alone while there is no parser", () => {
    useQueryParser(undefined);

    expect(problemsOf(raw("avg(last_5m):avg:x{BROKEN} > 12"))).toEqual([]);
  });
});
