import type { Window } from "./ast.js";
import { QuerySyntaxError } from "./parse-error.js";
import type {
  FormulaMonitorQuery,
  Rollup,
  SearchMonitorQuery,
  SearchSource,
  SloMonitorQuery,
} from "./other-ast.js";
import {
  indexCalls,
  listArgument,
  readChainCall,
  readMethodCalls,
  textArgument,
  windowArgument,
  type ChainCall,
} from "./read-chain.js";
import { readCondition } from "./read-condition.js";
import type { Scanner } from "./scanner.js";

/** A query opened by `logs(...)`, `formula(...)`, `error_budget(...)`... */
export type ChainedMonitorQuery =
  SearchMonitorQuery | FormulaMonitorQuery | SloMonitorQuery;

/** Functions that may open a chained query. */
export type ChainHead = SearchSource | "formula" | "error_budget" | "burn_rate";

const ROLLUPS = [
  "count",
  "cardinality",
  "avg",
  "sum",
  "min",
  "max",
  "median",
  "pc75",
  "pc90",
  "pc95",
  "pc98",
  "pc99",
];
const SEARCH_METHODS = ["index", "over", "rollup", "by", "last", "current"];
const FORMULA_METHODS = ["rollup", "by", "last", "current", "anomaly"];

/**
 * Reads a whole chained query whose opening function is one of `heads`,
 * then its comparator and threshold.
 */
export function readChainedQuery(
  scanner: Scanner,
  heads: readonly ChainHead[],
): ChainedMonitorQuery {
  const hint = `one of ${heads.map((h) => `${h}(...)`).join(", ")}`;
  const head = readChainCall(scanner, hint);
  const name = heads.find((h) => h === head.name);
  if (name === undefined) scanner.fail("unknown-function", hint, head.at);
  const calls = readMethodCalls(scanner);

  scanner.skipSpace();
  const parts =
    name === "formula"
      ? formulaParts(scanner, head, calls)
      : name === "error_budget" || name === "burn_rate"
        ? sloParts(scanner, name, head, calls)
        : searchParts(scanner, name, head, calls);
  const condition = readCondition(scanner);
  scanner.expectEnd();
  return { ...parts, ...condition };
}

type WithoutCondition<T> = Omit<T, "comparator" | "threshold">;

function searchParts(
  scanner: Scanner,
  source: SearchSource,
  head: ChainCall,
  calls: readonly ChainCall[],
): WithoutCondition<SearchMonitorQuery> {
  const search = textArgument(scanner, head, "one quoted search");
  const byName = indexCalls(scanner, calls, SEARCH_METHODS);
  const index = byName.get("index");
  const over = byName.get("over");
  const rollup = readRollup(scanner, byName.get("rollup"), true);
  return {
    kind: "search",
    source,
    search,
    indexes: index ? listArgument(scanner, index) : [],
    over: over ? listArgument(scanner, over) : [],
    ...(rollup && { rollup }),
    groupBy: readGroupBy(scanner, byName.get("by")),
    window: readWindow(scanner, byName),
  };
}

function formulaParts(
  scanner: Scanner,
  head: ChainCall,
  calls: readonly ChainCall[],
): WithoutCondition<FormulaMonitorQuery> {
  const formula = textArgument(scanner, head, "one quoted formula");
  const byName = indexCalls(scanner, calls, FORMULA_METHODS);
  const rollup = readRollup(scanner, byName.get("rollup"), false);
  const anomaly = byName.get("anomaly");
  return {
    kind: "formula",
    formula,
    ...(rollup && { rollup }),
    groupBy: readGroupBy(scanner, byName.get("by")),
    window: readWindow(scanner, byName),
    ...(anomaly && { anomaly: namedOptions(scanner, anomaly) }),
  };
}

function sloParts(
  scanner: Scanner,
  measure: SloMonitorQuery["measure"],
  head: ChainCall,
  calls: readonly ChainCall[],
): WithoutCondition<SloMonitorQuery> {
  const sloId = textArgument(scanner, head, "one quoted SLO id");
  const methods =
    measure === "burn_rate"
      ? ["over", "long_window", "short_window"]
      : ["over"];
  const byName = indexCalls(scanner, calls, methods);
  const over = byName.get("over");
  if (!over) scanner.fail("missing-method", 'a .over("7d") call');
  const long = byName.get("long_window");
  const short = byName.get("short_window");
  return {
    kind: "slo",
    measure,
    sloId,
    window: windowArgument(scanner, over, "last"),
    ...(long && { longWindow: windowArgument(scanner, long, "last") }),
    ...(short && { shortWindow: windowArgument(scanner, short, "last") }),
  };
}

/**
 * `.rollup("avg", "@duration")`. In a search, every method but count needs
 * a measure.
 */
function readRollup(
  scanner: Scanner,
  call: ChainCall | undefined,
  needsMeasure: boolean,
): Rollup | undefined {
  if (!call) return undefined;
  const [method, measure, extra] = call.args;
  for (const arg of [method, measure]) {
    if (arg && arg.kind !== "string" && arg.kind !== "word") {
      scanner.fail("bad-argument", "a quoted rollup method or measure", arg.at);
    }
  }
  if (extra) scanner.fail("bad-argument", '")" after the measure', extra.at);
  if (!method || !ROLLUPS.includes(String(method.value))) {
    const at = method?.at ?? call.at;
    scanner.fail("bad-argument", `a rollup method (${ROLLUPS.join(", ")})`, at);
  }
  if (needsMeasure && method.value !== "count" && !measure) {
    throw new QuerySyntaxError(
      "bad-argument",
      method.at,
      `expected a measure such as "@duration" after "${method.value}", ` +
        "got none",
    );
  }
  const rollup = { method: String(method.value) };
  return measure ? { ...rollup, measure: String(measure.value) } : rollup;
}

function readGroupBy(scanner: Scanner, call: ChainCall | undefined): string[] {
  return call ? listArgument(scanner, call) : [];
}

/** `.last("5m")` or `.current("1h")`, exactly one of them. */
function readWindow(scanner: Scanner, byName: Map<string, ChainCall>): Window {
  const last = byName.get("last");
  const current = byName.get("current");
  if (last && current) {
    scanner.fail(
      "duplicate-method",
      "either .last() or .current()",
      current.at,
    );
  }
  if (last) return windowArgument(scanner, last, "last");
  if (current) return windowArgument(scanner, current, "current");
  return scanner.fail("missing-method", 'a .last("5m") or .current("1h") call');
}

/** `.anomaly(direction="both")` as `{ direction: "both" }`. */
function namedOptions(
  scanner: Scanner,
  call: ChainCall,
): Record<string, string | number> {
  const options: Record<string, string | number> = {};
  for (const arg of call.args) {
    if (arg.kind !== "named") {
      scanner.fail(
        "bad-argument",
        `name=value pairs in .${call.name}()`,
        arg.at,
      );
    }
    options[arg.name] = arg.value.value;
  }
  return options;
}
