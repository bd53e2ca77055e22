import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { type Document, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { describeIssues, formatPath } from "../config/zod-issues.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { SeriesInput } from "./types.js";

const minutes = z.number().int().min(0);

const seriesEntry = z.strictObject({
  metric: z.string().min(1),
  tags: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  points: z.union([z.string(), z.array(z.number().nullable())]).optional(),
  samples: z.union([z.string(), z.array(z.array(z.number()))]).optional(),
  kind: z.enum(["gauge", "count", "distribution"]).optional(),
  startMinute: minutes.optional(),
  lateMinutes: minutes.optional(),
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
export const seriesFileSchema = z.strictObject({
  description: z.string().optional(),
  monitor: z
    .string()
    .regex(/^[^/\s]+\/[^/\s]+$/, "expected <env>/<monitor-id>")
    .optional(),
  fromMinute: z.number().int().min(1).optional(),
  toMinute: z.number().int().min(1).optional(),
  series: z.array(seriesEntry).min(1),
});

export type SeriesFile = z.infer<typeof seriesFileSchema> & {
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
  const parsed = seriesFileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      diagnostics: describeIssues(
        parsed.error.issues,
        input,
        seriesFileSchema,
      ).map((p) =>
        problem(
          `${file}:${lineOf(doc, lines, p.path)}`,
          "series-schema",
          formatPath(p.path),
          p.message,
          p.hint,
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

function lineOf(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as
      { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range)
      return lines.linePos(node.range[0]).line;
  }
  return 1;
}
