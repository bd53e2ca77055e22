import type { MetricDefinition } from "../../lib/catalog/metrics.js";
import type { Environment, Tier } from "../../lib/model/environment.js";
import { stackName } from "../../lib/model/environment.js";
import type { MonitorSpec, PlacedMonitor } from "../../lib/model/monitor.js";
import type { Comparator, MetricMonitorQuery } from "../../lib/query/ast.js";
import {
  expr,
  monitorQuery,
  series,
  type TagFilter,
} from "../../lib/query/builder.js";
import type { StackPlan } from "../../lib/plan.js";
import type { Diagnostic } from "../../lib/model/diagnostic.js";
import type { Finding, MonitorCheck } from "../../lib/validate/check.js";
import { validatePlan } from "../../lib/validate/index.js";
import { repoEnvironment } from "./project.js";

/** Options for `aMetricQuery`; each has a default that passes every check. */
export interface MetricQueryOptions {
  readonly metric?: string;
  readonly comparator?: Comparator;
  readonly threshold?: number;
  readonly windowMinutes?: number;
  readonly by?: readonly string[];
  readonly filter?: TagFilter;
  readonly defaultZero?: boolean;
}

/** `avg(last_5m):avg:gateway.example.latency{env:testnet-prod} by {chain_id} > 10` */
export function aMetricQuery(
  options: MetricQueryOptions = {},
): MetricMonitorQuery {
  const metric = {
    name: options.metric ?? "gateway.example.latency",
  } as MetricDefinition;
  const base = series(metric, {
    filter: options.filter ?? { env: "testnet-prod" },
    by: options.by ?? ["chain_id"],
  });

  return monitorQuery({
    aggregator: "avg",
    windowMinutes: options.windowMinutes ?? 5,
    expression: options.defaultZero ? expr.defaultZero(base) : base,
    comparator: options.comparator ?? ">",
    threshold: options.threshold ?? 10,
  });
}

/**
 * An oncall spec for testnet-prod that passes every check; override the
 * fields a test is about.
 */
export function aMonitorSpec(
  overrides: Partial<MonitorSpec> = {},
): MonitorSpec {
  return {
    id: "example-latency",
    name: "[testnet-prod] Example latency high on chain {{chain_id.name}}",
    type: "query alert",
    query: aMetricQuery(),
    thresholds: { critical: 10, warning: 5 },
    message: [
      "Latency on chain {{chain_id.name}} is {{value}} (alerts at {{threshold}}).",
      "",
      "Runbook: https://runbooks.gateway.example/testnet/example-latency",
      "",
      "{{#is_alert}}@pagerduty-gateway-testnet{{/is_alert}}",
      "{{#is_warning}}@slack-gateway-alerts{{/is_warning}}",
      "{{#is_recovery}}@slack-gateway-alerts{{/is_recovery}}",
    ].join("\n"),
    tags: [
      "env:testnet-prod",
      "service:gateway",
      "team:gateway",
      "tier:oncall",
    ],
    priority: 2,
    noData: { kind: "notify", afterMinutes: 10 },
    ...overrides,
  };
}

/** A dev-tier spec for testnet-prod (chat only, no priority). */
export function aDevMonitorSpec(
  overrides: Partial<MonitorSpec> = {},
): MonitorSpec {
  const { priority: _, ...oncall } = aMonitorSpec();
  return {
    ...oncall,
    message: [
      "Latency on chain {{chain_id.name}} is {{value}}.",
      "",
      "{{#is_alert}}@slack-gateway-dev{{/is_alert}}",
    ].join("\n"),
    tags: ["env:testnet-prod", "service:gateway", "team:gateway", "tier:dev"],
    ...overrides,
  };
}

/** Where a spec sits: tier, environment and defining file. */
export interface Placement {
  readonly tier?: Tier;
  readonly env?: string | Environment;
  readonly file?: string;
}

/** A spec placed in `<env>-<tier>` (default testnet-prod, oncall). */
export function aPlacedMonitor(
  spec: MonitorSpec = aMonitorSpec(),
  placement: Placement = {},
): PlacedMonitor {
  const tier = placement.tier ?? "oncall";
  return {
    spec,
    file: placement.file ?? "monitors/example.ts",
    stack: stackName(envOf(placement), tier),
    tier,
  };
}

/** A stack holding the given monitors. */
export function aStackPlan(
  monitors: readonly PlacedMonitor[] = [],
  placement: Placement = {},
): StackPlan {
  const env = envOf(placement);
  const tier = placement.tier ?? monitors[0]?.tier ?? "oncall";
  return {
    name: stackName(env, tier),
    env,
    tier,
    monitors,
    dashboards: [],
  };
}

/** Runs one check on one spec placed as given. */
export function findingsOf(
  check: MonitorCheck,
  spec: MonitorSpec,
  placement: Placement = {},
): readonly Finding[] {
  const placed = aPlacedMonitor(spec, placement);
  return check.run(placed, aStackPlan([placed], placement));
}

/**
 * Every problem every check finds in one spec, as `validatePlan` reports
 * them (opt-outs applied). A well-built bad case yields exactly one.
 */
export function problemsOf(
  spec: MonitorSpec,
  placement: Placement = {},
): Diagnostic[] {
  const placed = aPlacedMonitor(spec, placement);
  const stack = aStackPlan([placed], placement);
  return validatePlan({ environments: [stack.env], stacks: [stack] });
}

const environments = new Map<string, Environment>();

function envOf(placement: Placement): Environment {
  const env = placement.env ?? "testnet-prod";
  if (typeof env !== "string") return env;
  if (!environments.has(env)) environments.set(env, repoEnvironment(env));
  return environments.get(env)!;
}
