import { join } from "node:path";
import type {
  MetricDefinition,
  MetricKind,
} from "../../lib/catalog/metrics.js";
import { loadEnvironments } from "../../lib/config/load-environments.js";
import type { MonitorContext } from "../../lib/model/definition.js";
import type { Environment, Tier } from "../../lib/model/environment.js";
import type {
  MonitorSpec,
  NoDataPolicy,
  Thresholds,
} from "../../lib/model/monitor.js";
import type {
  Comparator,
  Expression,
  TimeAggregator,
} from "../../lib/query/ast.js";
import { monitorQuery } from "../../lib/query/builder.js";
import { planProject } from "../../lib/pipeline.js";
import type { PlacedMonitor } from "../../lib/model/monitor.js";

/** The repository root, two folders up from here. */
export const ROOT = join(import.meta.dirname, "..", "..");

let plan: ReturnType<typeof planProject> | undefined;

/** Every monitor of the project, built once per test file. */
export async function placedMonitors(): Promise<readonly PlacedMonitor[]> {
  plan ??= planProject({ root: ROOT });
  const result = await plan;
  if (!result.ok) {
    throw new Error(
      `the project does not plan:\n${result.diagnostics.map((d) => d.message).join("\n")}`,
    );
  }
  return result.plan.stacks.flatMap((s) => s.monitors);
}

/** The specs a file in monitors/ builds for one environment. */
export async function specsFrom(
  file: string,
  env: string,
): Promise<PlacedMonitor[]> {
  const all = await placedMonitors();
  const found = all.filter(
    (m) => m.file === `monitors/${file}` && m.stack.startsWith(`${env}-`),
  );
  if (found.length === 0)
    throw new Error(
      `expected monitors/${file} to build for ${env}, got nothing`,
    );
  return found;
}

/** The one spec with this id that a file builds for an environment. */
export async function specFrom(
  file: string,
  env: string,
  id?: string,
): Promise<MonitorSpec> {
  const found = await specsFrom(file, env);
  const spec = id
    ? found.find((m) => m.spec.id === id)
    : found.length === 1
      ? found[0]
      : undefined;
  if (!spec) {
    throw new Error(
      `expected one spec${id ? ` "${id}"` : ""} in monitors/${file} for ${env}, got ${found.map((m) => m.spec.id).join(", ")}`,
    );
  }
  return spec.spec;
}

let envs: Environment[] | undefined;

/** A factory's context for a configured environment and tier. */
export function contextFor(env: string, tier: Tier = "oncall"): MonitorContext {
  envs ??= loadEnvironments(join(ROOT, "config/environments"), ROOT).value;
  const found = envs.find((e) => e.name === env);
  if (!found)
    throw new Error(
      `expected an environment "${env}", got ${envs.map((e) => e.name).join(", ")}`,
    );
  return { env: found, tier };
}

/** A metric for evaluator tests, outside the catalog. */
export function testMetric(
  name: string,
  kind: MetricKind = "gauge",
): MetricDefinition {
  return {
    name,
    kind,
    source: "agent",
    unit: "things",
    tags: [],
    description: name,
  };
}

export interface MetricMonitorOptions {
  readonly aggregator: TimeAggregator;
  readonly windowMinutes: number;
  readonly expression: Expression;
  readonly comparator: Comparator;
  readonly thresholds: Thresholds;
  readonly noData?: NoDataPolicy;
  readonly evaluationDelaySeconds?: number;
  readonly requireFullWindow?: boolean;
  readonly newGroupDelaySeconds?: number;
}

/** A minimal metric monitor spec around a query, for evaluator tests. */
export function aMetricMonitor(o: MetricMonitorOptions): MonitorSpec {
  return {
    id: "test-monitor",
    name: "test monitor",
    type: "query alert",
    query: monitorQuery({
      aggregator: o.aggregator,
      windowMinutes: o.windowMinutes,
      expression: o.expression,
      comparator: o.comparator,
      threshold: o.thresholds.critical,
    }),
    thresholds: o.thresholds,
    message:
      "{{#is_alert}}@pagerduty-test{{/is_alert}} {{#is_warning}}@slack-test{{/is_warning}}",
    tags: [],
    noData: o.noData ?? { kind: "ignore", reason: "test" },
    requireFullWindow: o.requireFullWindow ?? false,
    newGroupDelaySeconds: o.newGroupDelaySeconds ?? 0,
    ...(o.evaluationDelaySeconds !== undefined
      ? { evaluationDelaySeconds: o.evaluationDelaySeconds }
      : {}),
  };
}
