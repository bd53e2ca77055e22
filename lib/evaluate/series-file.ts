import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import {
  array,
  custom,
  either,
  formatPath,
  type Infer,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  safeParse,
  type Schema,
  string,
} from "../config/schema-kit.js";
import { quote, sortDiagnostics } from "../model/diagnostic.js";
import {
  type NotationResult,
  parsePoints,
  parseSamples,
} from "./series-notation.js";
import { lineOf } from "../config/load-environments.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { SeriesInput } from "./types.js";

const minutes = number({ int: true, min: 0 });

/**
 * A notation string, checked token by token so a typo is reported with
 * the file's other problems and its line, or the equivalent list.
 */
function notationOr<T>(
  parse: (text: string) => NotationResult<unknown>,
  list: Schema<T>,
  what: string,
): Schema<string | T> {
  return custom((value, report) => {
    if (typeof value === "string") {
      const parsed = parse(value);
      if (!parsed.ok) {
        for (const p of parsed.problems)
          report(`token ${p.token}: ${p.message}`);
      }
      return value;
    }
    const read = safeParse(list, value);
    if (!read.success) report(`expected ${what}, got ${quote(value)}`);
    return value as T;
  });
}

const seriesEntry = object({
  metric: string({ minLength: 1 }),
  tags: optional(record(either("a string or a number", string(), number()))),
  points: optional(
    notationOr(
      parsePoints,
      array(nullable(number())),
      'a series string like "1x10 0x5" or a list of numbers and nulls',
    ),
  ),
  samples: optional(
    notationOr(
      parseSamples,
      array(array(number())),
      'a samples string like "0.3*95,4*5x15" or a list of lists of numbers',
    ),
  ),
  kind: optional(oneOf(["gauge", "count", "distribution"])),
  startMinute: optional(minutes),
  lateMinutes: optional(minutes),
});

/**
 * A series file for `npm run simulate`: the scenario's series and,
 * optionally, the monitor it is written for (`<env>/<monitor-id>`, used
 * when the command line names none) and the steps to evaluate.
 *
 *     description: a quiet night
 *     monitor: testnet-prod/alb-5xx-rate
 *     toMinute: 90
 *     series:
 *       - metric: aws.applicationelb.request_count
 *         tags: { loadbalancer: app/gateway-testnet-prod/7f1e2d3c4b5a6978 }
 *         points: "_x30 2 _x30"
 */
export const seriesFileSchema = object({
  description: optional(string()),
  monitor: optional(
    string({ pattern: /^[^/\s]+\/[^/\s]+$/, means: "<env>/<monitor-id>" }),
  ),
  fromMinute: optional(number({ int: true, min: 1 })),
  toMinute: optional(number({ int: true, min: 1 })),
  series: array(seriesEntry, { minLength: 1 }),
});

export type SeriesFile = Infer<typeof seriesFileSchema> & {
  readonly series: SeriesInput[];
};

/**
 * Reads and checks a series file. Every problem is returned, each naming
 * the file and line, the field path and what was expected.
 */
export function loadSeriesFile(
  path: string,
  root = process.cwd(),
): { value?: SeriesFile; diagnostics: Diagnostic[] } {
  const near = relative(root, path);
  const file = near && !near.startsWith("..") ? near : path;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "an unreadable file";
    return {
      diagnostics: [
        problem(
          file,
          "series-file",
          "",
          `expected a readable series file, got ${code}`,
        ),
      ],
    };
  }

  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    return {
      diagnostics: doc.errors.map((e) =>
        problem(
          `${file}:${e.linePos?.[0]?.line ?? 1}`,
          "series-yaml",
          "",
          `expected valid YAML, got ${e.message.split("\n")[0]}`,
        ),
      ),
    };
  }

  const input: unknown = doc.toJS();
  const parsed = safeParse(seriesFileSchema, input);
  if (!parsed.success) {
    return {
      diagnostics: sortDiagnostics(
        parsed.problems.map((p) =>
          problem(
            `${file}:${lineOf(doc, lines, p.path)}`,
            "series-schema",
            formatPath(p.path),
            p.message,
            p.hint,
          ),
        ),
      ),
    };
  }
  return { value: parsed.data as SeriesFile, diagnostics: [] };
}

function problem(
  where: string,
  check: string,
  path: string,
  message: string,
  hint?: string,
): Diagnostic {
  return {
    level: "error",
    where,
    check,
    path,
    message,
    ...(hint ? { hint } : {}),
  };
}
