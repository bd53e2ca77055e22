import { metrics } from "../lib/catalog/metrics.js";
import { evaluate, type SeriesInput } from "../lib/evaluate/index.js";
import type { MonitorSpec } from "../lib/model/monitor.js";
import type { Scope, Series } from "../lib/query/ast.js";
import { collectSeries } from "../lib/evaluate/query-plan.js";
import { planProject } from "../lib/pipeline.js";

/**
 * Benchmark (not a test): evaluates 1,000 monitors over a day of one-minute
 * points each. The monitors are this project's own specs, repeated; each
 * gets two groups of synthetic series that its scopes select.
 *
 *   npm run bench:evaluate [-- <monitors> <minutes>]
 */
const MONITORS = Number(process.argv[2] ?? 1000);
const MINUTES = Number(process.argv[3] ?? 1440);
const SAMPLES_PER_MINUTE = 20;

const kinds = new Map(Object.values(metrics).map((m) => [m.name, m.kind]));

/** Tags a scope selects: the first choice of every positive term. */
function tagsFor(
  scope: Scope,
  into: Record<string, string> = {},
): Record<string, string> {
  switch (scope.kind) {
    case "tag":
      if (!scope.negated && scope.key)
        into[scope.key] = scope.value.replace(/\*/g, "x");
      break;
    case "in":
      if (!scope.negated) into[scope.key] = scope.values[0]!;
      break;
    case "and":
      scope.terms.forEach((t) => tagsFor(t, into));
      break;
    case "or":
      tagsFor(scope.terms[0]!, into);
      break;
    default:
  }
  return into;
}

/** A day of values: a steady level with a 30-minute excursion. */
function points(seed: number, level: number): (number | null)[] {
  const start = (seed * 97) % (MINUTES - 60);
  return Array.from({ length: MINUTES }, (_, m) => {
    const wobble = ((m * 31 + seed * 17) % 7) / 10;
    return m >= start && m < start + 30 ? level * 3 + wobble : level + wobble;
  });
}

function samples(seed: number): number[][] {
  return points(seed, 0.3).map((v) =>
    Array.from(
      { length: SAMPLES_PER_MINUTE },
      (_, i) => (v ?? 0) * (1 + i / SAMPLES_PER_MINUTE),
    ),
  );
}

function seriesFor(spec: MonitorSpec, seed: number): SeriesInput[] {
  if (spec.query.kind === "raw") return [];
  return collectSeries(spec.query.expression).flatMap((leaf: Series, i) =>
    ["g1", "g2"].map((group, g): SeriesInput => {
      const tags = {
        ...tagsFor(leaf.scope),
        ...Object.fromEntries(leaf.groupBy.map((k) => [k, group])),
      };
      const kind = kinds.get(leaf.metric) ?? "gauge";
      const s = seed + i * 7 + g * 3;
      return kind === "distribution"
        ? { metric: leaf.metric, tags, samples: samples(s) }
        : {
            metric: leaf.metric,
            tags,
            points: points(s, kind === "count" ? 50 : 2),
          };
    }),
  );
}

async function main(): Promise<void> {
  const plan = await planProject({ root: process.cwd() });
  const specs = plan.plan.stacks.flatMap((s) => s.monitors.map((m) => m.spec));
  const inputs = Array.from({ length: MONITORS }, (_, i) => {
    const spec = specs[i % specs.length]!;
    return { spec, series: seriesFor(spec, i) };
  });
  const pointCount = inputs.reduce(
    (n, x) =>
      n +
      x.series.reduce(
        (k, s) =>
          k + (s.samples ? s.samples.length * SAMPLES_PER_MINUTE : MINUTES),
        0,
      ),
    0,
  );

  const rssBefore = process.memoryUsage().rss / 2 ** 20;
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let steps = 0;
  let alerts = 0;
  let slowest = { id: "", ms: 0 };
  for (const { spec, series } of inputs) {
    const t0 = performance.now();
    const result = evaluate(spec, series);
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { id: spec.id, ms };
    for (const g of result.groups) {
      steps += g.steps.length;
      alerts += g.steps.filter((s) => s.state === "ALERT").length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const heapAfter = process.memoryUsage().heapUsed;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  const rows = [
    ["monitors", String(MONITORS)],
    ["distinct specs", String(specs.length)],
    ["minutes per series", String(MINUTES)],
    ["input points and samples", pointCount.toLocaleString("en-US")],
    ["group steps evaluated", steps.toLocaleString("en-US")],
    ["steps in ALERT", alerts.toLocaleString("en-US")],
    ["total time", `${seconds.toFixed(2)} s`],
    ["per monitor", `${((seconds * 1000) / MONITORS).toFixed(2)} ms`],
    ["slowest monitor", `${slowest.id} ${slowest.ms.toFixed(1)} ms`],
    [
      "heap growth over the run",
      `${((heapAfter - heapBefore) / 2 ** 20).toFixed(1)} MiB`,
    ],
    ["RSS before evaluating (project + inputs)", `${rssBefore.toFixed(0)} MiB`],
    ["peak RSS", `${maxRssMb.toFixed(0)} MiB`],
    ["node", process.version],
  ];
  process.stdout.write(
    `| measure | value |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join("\n")}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
