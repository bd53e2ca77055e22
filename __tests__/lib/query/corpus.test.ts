import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { formatQuery } from "../../../lib/query/format.js";
import { parseMetricQuery, parseQuery } from "../../../lib/query/parse.js";

/**
 * Every query of the public monitor corpus (see
 * `__tests__/fixtures/corpus/ATTRIBUTION.md`) goes through `parseQuery`.
 * All must parse except the one marked suspect and the entries listed in
 * `REJECTED`, each with the error code it must fail with and why.
 */

interface CorpusEntry {
  readonly source: string;
  readonly type: string;
  readonly name: string;
  readonly query: string;
  /** The text as written (line breaks, indentation), when it differs. */
  readonly query_raw?: string;
  /** Why the corpus authors think Datadog rejects this query. */
  readonly suspect?: string;
}

interface Rejection {
  readonly source: string;
  readonly namePrefix: string;
  readonly code: string;
  readonly reason: string;
}

const CLARANET = "claranet/terraform-datadog-monitors/";
/** Real entries the parser must reject, with the code it must give. */
const REJECTED: readonly Rejection[] = [
  {
    source: `${CLARANET}cloud/gcp/cloud-sql/common/monitors-cloud-sql-common.tf`,
    namePrefix: "[prod] Cloud SQL Failover Unavailable",
    code: "unexpected-token",
    reason: "Terraform text `priority = var.priority` leaked into the query",
  },
  {
    source: `${CLARANET}cloud/gcp/pubsub/subscription/monitors-subscription.tf`,
    namePrefix: "[prod] Pub/Sub Subscription latency on push endpoint changed",
    code: "unexpected-token",
    reason: "no comma between the series and 'basic' in anomalies(...)",
  },
  {
    source: `${CLARANET}caas/kubernetes/velero/monitors-velero.tf`,
    namePrefix: "[prod] Velero scheduled backup missing",
    code: "bad-scope",
    reason: "`!schedule:` is a tag ending in a colon (an empty variable)",
  },
];

const corpus: CorpusEntry[] = readFileSync(
  new URL("../../fixtures/corpus/monitors.jsonl", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as CorpusEntry);

const textOf = (entry: CorpusEntry) => entry.query_raw ?? entry.query;
const rejectionOf = (entry: CorpusEntry) =>
  REJECTED.find(
    (r) => r.source === entry.source && entry.name.startsWith(r.namePrefix),
  );

/** What parsing must give: "ok", or the code of the first error. */
function expectedOutcome(entry: CorpusEntry): string {
  if (entry.suspect) return "unescaped-quote";
  return rejectionOf(entry)?.code ?? "ok";
}

const parsed = corpus.map((entry) => ({
  entry,
  result: parseQuery(entry.type, textOf(entry)),
}));

/** Accepted and total entries per monitor type. */
function acceptance(): Record<string, [accepted: number, total: number]> {
  const counts: Record<string, [number, number]> = {};
  for (const { entry, result } of parsed) {
    const count = (counts[entry.type] ??= [0, 0]);
    count[0] += result.ok ? 1 : 0;
    count[1]++;
  }
  return counts;
}

describe("parseQuery on the public monitor corpus", () => {
  it.each(parsed.map((p) => [`${p.entry.type}: ${p.entry.name}`, p] as const))(
    "%s",
    (_title, { entry, result }) => {
      const outcome = result.ok ? "ok" : result.errors[0]!.code;

      const detail = result.ok ? "" : JSON.stringify(result.errors[0]);
      expect(outcome, `${entry.source}\n${textOf(entry)}\n${detail}`).toBe(
        expectedOutcome(entry),
      );
    },
  );

  it("accepts every entry but the suspect one and the documented rejections", () => {
    expect(acceptance()).toEqual({
      "query alert": [305, 307],
      "metric alert": [120, 121],
      "service check": [36, 36],
      "log alert": [5, 5],
      "event-v2 alert": [5, 6],
      composite: [6, 6],
      "data-jobs alert": [2, 2],
      "data-quality alert": [2, 2],
      "rum alert": [1, 1],
      "cost alert": [1, 1],
      "process alert": [1, 1],
      "slo alert": [1, 1],
    });
  });

  it("matches each documented rejection to exactly one entry", () => {
    for (const rejection of REJECTED) {
      const matches = corpus.filter(
        (entry) => rejectionOf(entry) === rejection,
      );
      expect(matches, rejection.namePrefix).toHaveLength(1);
    }
  });

  it("reads back its own formatting of every parsed metric query", () => {
    const trees = parsed.flatMap(({ result }) =>
      result.ok && result.tree.kind === "metric-monitor" ? [result.tree] : [],
    );

    for (const tree of trees) {
      const text = formatQuery(tree);
      expect(parseMetricQuery(text), text).toStrictEqual({ ok: true, tree });
    }
    // 425 metric-type entries parse; 2 of them are formula(...) queries.
    expect(trees).toHaveLength(423);
  });

  afterAll(() => {
    const rows = Object.entries(acceptance()).map(
      ([type, [ok, total]]) => `  ${type}: ${ok}/${total}`,
    );
    console.log(`corpus acceptance per type:\n${rows.join("\n")}`);
  });
});
