import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../../lib/build.js";
import { IMPORTABLE_TYPES } from "../../../lib/import/convert-monitor.js";
import { planImport } from "../../../lib/import/plan-import.js";
import type { MonitorType } from "../../../lib/model/monitor.js";
import { loadDefinitions } from "../../../lib/registry.js";
import { synthesize } from "../../../lib/render/app.js";
import { repoEnvironment, repoRoot, tempDir } from "../../support/project.js";
import { roundTripDifferences } from "../../support/round-trip.js";

/**
 * Every monitor of the public corpus (__tests__/fixtures/corpus/, see its
 * ATTRIBUTION.md) of a type the importer supports goes through
 * `planImport` → the generated file → the definition loader → synth, and
 * the synthesized `datadog_monitor` is compared with the input: query
 * (modulo whitespace), type, thresholds, options, tags and message.
 *
 * The corpus holds definitions, not API exports: each entry becomes one
 * with a made-up id and an empty message and tag list (the corpus has
 * none), and kennel's fixtures without a name get `corpus monitor <n>`.
 */

interface CorpusEntry {
  readonly source: string;
  readonly type: string;
  readonly name: string | null;
  readonly query: string;
  readonly query_raw?: string;
  readonly options: Record<string, unknown>;
}

const corpus: CorpusEntry[] = readFileSync(
  join(repoRoot, "__tests__/fixtures/corpus/monitors.jsonl"),
  "utf8",
)
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as CorpusEntry);

const exportOf = (entry: CorpusEntry, i: number) => ({
  id: 5_000_000 + i,
  name: entry.name ?? `corpus monitor ${i}`,
  type: entry.type,
  query: entry.query_raw ?? entry.query,
  message: "",
  tags: [],
  options: entry.options,
});

const CLARANET = "claranet/terraform-datadog-monitors/";
const CASSETTES = "DataDog/terraform-provider-datadog/datadog/tests/cassettes/";

/**
 * Every supported entry that does not round-trip, with the field the
 * importer names and why. The importer refuses each one with that error
 * and writes no file, so no monitor changes silently.
 */
const EXCEPTIONS: readonly {
  source: string;
  path: string;
  why: string;
}[] = [
  ...["query alert", "metric alert"].map(() => ({
    source: `${CASSETTES}TestAccDatadogMonitor_AggregateAugmentedQuery.yaml`,
    path: "[0].options.variables[0].data_source",
    why: "aggregate_augmented_query variables need provider > 3.82.0",
  })),
  ...["DataJobs_Basic", "DataJobs_CustomJobType"].map((test) => ({
    source: `${CASSETTES}TestAccDatadogMonitor_${test}.yaml`,
    path: "[0].options.variables[0].data_source",
    why: "data-jobs variables (job_type, no data_source) need provider > 3.82.0",
  })),
  ...["DataQuality_Basic", "DataQuality_WithoutMonitorOptions"].map((test) => ({
    source: `${CASSETTES}TestAccDatadogMonitor_${test}.yaml`,
    path: "[0].options.variables[0].data_source",
    why: "data_quality_metrics variables need provider > 3.82.0",
  })),
  {
    source: `${CASSETTES}TestAccDatadogMonitor_SchedulingOptionsHourStart.yaml`,
    path: "[0].options.scheduling_options.evaluation_window.timezone",
    why: "an evaluation window time zone needs provider > 3.82.0",
  },
  {
    source: `${CLARANET}caas/kubernetes/node/monitors-k8s-node.tf`,
    path: "[0].query",
    why: "query does not parse: the corpus's suspect entry, an unescaped quote",
  },
  {
    source: `${CLARANET}caas/kubernetes/velero/monitors-velero.tf`,
    path: "[0].query",
    why: "query does not parse: `!schedule:` is a tag with an empty value",
  },
  {
    source: `${CLARANET}cloud/gcp/cloud-sql/common/monitors-cloud-sql-common.tf`,
    path: "[0].query",
    why: "query does not parse: Terraform text leaked into it",
  },
  {
    source: `${CLARANET}cloud/gcp/pubsub/subscription/monitors-subscription.tf`,
    path: "[0].query",
    why: "query does not parse: no comma before 'basic' in anomalies()",
  },
];

describe("import round trip on the public monitor corpus", () => {
  const env = repoEnvironment("testnet-prod");
  const supported = corpus
    .map((entry, i) => ({ entry, i, json: exportOf(entry, i) }))
    .filter(({ entry }) =>
      IMPORTABLE_TYPES.includes(entry.type as MonitorType),
    );
  const request = (monitors: unknown[]) => ({
    file: "corpus.json",
    text: JSON.stringify(monitors),
    environments: [env],
    env: env.name,
    tier: "dev" as const,
    monitorsDir: "monitors",
    exists: () => false,
    libPath: join(repoRoot, "lib"),
  });

  // Each entry alone first: what the importer refuses, and why.
  const refused = new Map<number, string[]>();
  for (const { i, json } of supported) {
    const plan = planImport(request([json]));
    const errors = plan.diagnostics.filter((d) => d.level === "error");
    if (errors.length)
      refused.set(
        i,
        errors.map((d) => `${d.path}: ${d.message}`),
      );
  }

  it("covers every corpus entry: all 12 types of it are supported", () => {
    expect(supported).toHaveLength(corpus.length);
  });

  it("writes, loads, synthesizes and compares every accepted entry", async () => {
    const accepted = supported.filter(({ i }) => !refused.has(i));
    const plan = planImport(request(accepted.map((a) => a.json)));
    expect(plan.diagnostics.filter((d) => d.level === "error")).toEqual([]);

    const root = tempDir("gwm-import-");
    mkdirSync(join(root, "monitors"));
    for (const f of plan.files) writeFileSync(join(root, f.path), f.text);
    const loaded = await loadDefinitions(
      join(root, "monitors"),
      "monitor",
      root,
    );
    expect(loaded.diagnostics).toEqual([]);
    const built = buildPlan([env], loaded.value, []);
    expect(built.diagnostics).toEqual([]);

    const outdir = join(root, "out");
    synthesize(built.plan, { outdir });
    const stack = JSON.parse(
      readFileSync(join(outdir, "stacks/testnet-prod-dev/cdk.tf.json"), "utf8"),
    ) as {
      resource: { datadog_monitor: Record<string, Record<string, unknown>> };
      import: { id: string; to: string }[];
    };

    const differences = accepted.flatMap(({ json }, k) => {
      const resource = stack.resource.datadog_monitor[plan.files[k]!.id];
      const diff = roundTripDifferences(json, resource!);
      return diff.length ? [`${json.name}: ${diff.join(", ")}`] : [];
    });
    expect(differences).toEqual([]);
    expect(stack.import).toHaveLength(accepted.length);
    expect(accepted.length).toBe(478);
  });

  it("refuses exactly the documented exceptions, naming the field", () => {
    const got = [...refused].map(([i, errors]) => ({
      source: corpus[i]!.source,
      paths: errors.map((e) => e.slice(0, e.indexOf(": "))),
    }));
    const expected = EXCEPTIONS.map((e) => ({
      source: e.source,
      paths: [e.path],
    }));
    const key = (x: { source: string; paths: string[] }) =>
      `${x.source} ${x.paths.join()}`;

    expect(got.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it("reports the count that round-trips exactly", () => {
    const summary =
      `${supported.length - refused.size} of ${supported.length} supported` +
      ` corpus monitors round-trip exactly; ${refused.size} are refused`;
    console.log(summary);
    expect(summary).toBe(
      "478 of 489 supported corpus monitors round-trip exactly; 11 are refused",
    );
  });
});

describe("the round-trip comparison", () => {
  const input = {
    type: "query alert",
    query: "avg(last_5m):avg:x{a:b} > 1",
    message: "",
    tags: [],
    options: {
      thresholds: { critical: 1 },
      include_tags: false,
      notify_no_data: true,
      no_data_timeframe: null,
    },
  };
  const resource = {
    type: "query alert",
    query: "avg(last_5m):avg:x{a:b}  >  1",
    message: "",
    tags: [],
    monitor_thresholds: { critical: "1" },
    include_tags: false,
    notify_no_data: true,
    no_data_timeframe: 10,
  };

  it("accepts a faithful resource, whitespace aside", () => {
    expect(roundTripDifferences(input, resource)).toEqual([]);
  });

  it.each([
    ["query", { query: "avg(last_5m):avg:x{a:c} > 1" }],
    ["thresholds.critical", { monitor_thresholds: { critical: "2" } }],
    ["include_tags", { include_tags: undefined }],
    ["no_data_timeframe", { no_data_timeframe: 20 }],
    ["tags", { tags: ["team:x"] }],
  ])("reports a changed %s", (field, change) => {
    const diff = roundTripDifferences(input, { ...resource, ...change });

    expect(diff.map((d) => d.split(":")[0])).toEqual([field]);
  });
});
