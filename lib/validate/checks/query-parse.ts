import type { MonitorCheck } from "../check.js";
import { analyzeQuery } from "../query-facts.js";

/**
 * A raw query (an import or an escape hatch) parses as its monitor type's
 * grammar. Typed queries come from the builder and always do. Each parser
 * error becomes one finding with the parser's code and position.
 */
export const queryParse: MonitorCheck = {
  id: "query-parse",
  description: "a raw query parses as its monitor type's grammar",
  run: ({ spec }) => {
    const analysis = analyzeQuery(spec);
    if (analysis.kind !== "invalid") return [];
    return analysis.errors.map((error) => ({
      path: "query",
      message:
        `expected a valid "${spec.type}" query, got ${error.code} at` +
        ` line ${error.line}, column ${error.column}: ${error.message}`,
    }));
  },
};
