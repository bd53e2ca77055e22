import type {
  MetricMonitorQuery,
  Reducer,
  TimeAggregator,
  TimeReducer,
  Window,
} from "./ast.js";
import { QuerySyntaxError, type ParseOutcome } from "./parse-error.js";
import { readExpression } from "./parse-expression.js";
import { isShift, parseWindow } from "./parse-window.js";
import { readCondition } from "./read-condition.js";
import { runParser } from "./run-parser.js";
import { isWordChar, type Scanner } from "./scanner.js";

/**
 * Metric monitor queries (`metric alert` and `query alert`):
 * `<reducer>:<expression> <comparator> <threshold>`, where the reducer is
 * `avg(last_5m)`, `change(avg(last_5m),last_5m)` or
 * `pct_change(avg(last_5m),5m_ago)`. Any whitespace, newlines included,
 * may sit between tokens.
 */

const TIME_AGGREGATORS: readonly TimeAggregator[] = [
  "avg",
  "min",
  "max",
  "sum",
  "last",
  "percentile",
];
const CHANGES = ["change", "pct_change"] as const;
const REDUCER_HINT = `one of ${[...TIME_AGGREGATORS, ...CHANGES].join(", ")}`;

/** Parses a whole metric monitor query into the tree of `ast.ts`. */
export function parseMetricQuery(
  text: string,
): ParseOutcome<MetricMonitorQuery> {
  return runParser(text, readMetricQuery);
}

/** Reads a whole metric monitor query, up to the end of the text. */
export function readMetricQuery(scanner: Scanner): MetricMonitorQuery {
  const reducer = readReducer(scanner);
  scanner.expect(":", '":" after the time aggregation');

  const expression = readExpression(scanner);
  const { comparator, threshold } = readCondition(scanner);
  scanner.expectEnd();

  return { kind: "metric-monitor", reducer, expression, comparator, threshold };
}

function readReducer(scanner: Scanner): Reducer {
  scanner.skipSpace();
  const start = scanner.pos;
  const name = scanner.readWhile(isWordChar);
  if (!scanner.eat("(")) {
    scanner.fail(
      "missing-reducer",
      'a time aggregation such as "avg(last_5m):" first',
      start,
    );
  }
  if (name === "change" || name === "pct_change") {
    const inner = readTimeReducer(scanner);
    scanner.expect(",", `"," after the aggregation in ${name}(...)`);
    const shift = readShift(scanner);
    scanner.expect(")", `")" to close ${name}(...)`);
    return { kind: "change", fn: name, inner, shift };
  }
  if (!isTimeAggregator(name)) {
    scanner.fail("unknown-aggregator", REDUCER_HINT, start);
  }
  return readWindowTail(scanner, name);
}

/** `avg(last_5m)` inside a change reducer. */
function readTimeReducer(scanner: Scanner): TimeReducer {
  scanner.skipSpace();
  const start = scanner.pos;
  const name = scanner.readWhile(isWordChar);
  if (!isTimeAggregator(name)) {
    scanner.fail(
      "unknown-aggregator",
      `one of ${TIME_AGGREGATORS.join(", ")}`,
      start,
    );
  }
  scanner.expect("(", `"(" after "${name}"`);
  return readWindowTail(scanner, name);
}

/** The `last_5m)` after `avg(`. */
function readWindowTail(
  scanner: Scanner,
  aggregator: TimeAggregator,
): TimeReducer {
  const window = readWindow(scanner);
  scanner.expect(")", '")" after the window');
  return { kind: "time", aggregator, window };
}

function readWindow(scanner: Scanner): Window {
  scanner.skipSpace();
  const start = scanner.pos;
  const text = scanner.readWhile(isWordChar);
  const window = parseWindow(text);
  if (window) return window;
  return scanner.fail(
    "bad-window",
    "a window such as last_5m or current_1mo",
    start,
  );
}

/** `last_5m` or `5m_ago`, kept as written. */
function readShift(scanner: Scanner): string {
  scanner.skipSpace();
  const start = scanner.pos;
  const shift = scanner.readWhile(isWordChar);
  if (!isShift(shift)) {
    scanner.fail(
      "bad-shift",
      "a comparison point such as 5m_ago or last_5m",
      start,
    );
  }
  return shift;
}

function isTimeAggregator(name: string): name is TimeAggregator {
  return (TIME_AGGREGATORS as readonly string[]).includes(name);
}
