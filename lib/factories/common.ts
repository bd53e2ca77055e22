import type { MetricMonitorQuery, Expression } from "../query/ast.js";
import type { MonitorContext } from "../model/definition.js";
import { type ImportIds, importIdFor } from "../model/import-ids.js";
import { oneOf, safeParse } from "../config/schema-kit.js";
import { dashboardLink, runbookLink } from "../model/links.js";
import { FactoryOptionsError } from "./options.js";
import { applyOverride } from "../model/threshold-override.js";
import type {
  MonitorSpec,
  NoDataPolicy,
  Thresholds,
} from "../model/monitor.js";

/** Seconds of delay for CloudWatch-integration metrics, which land late. */
export const CLOUDWATCH_DELAY_SECONDS = 900;

/** Dashboards that messages link to; titles shared with `dashboards/`. */
export const DASHBOARDS = {
  overview: "Gateway overview",
  chains: "Per-chain health",
  internals: "Gateway internals",
  oncall: "On-call overview",
} as const;

/**
 * Options every factory takes, so one factory can make several monitors:
 * a second `operatorPoolEmpty` with its own id keeps the environment's
 * threshold override (keyed by that id), the `[env]` name prefix and a
 * runbook link.
 */
export interface MonitorInstance {
  /** The monitor's id (kebab-case); keys threshold overrides. @default the factory's */
  readonly id?: string;
  /** Display name without the `[env]` prefix. @default the factory's */
  readonly name?: string;
  /** Runbook page slug. @default the factory's slug if it sets one, else the id */
  readonly runbook?: string;
}

/** What every factory supplies; the rest is derived here. */
export interface MonitorBase {
  readonly id: string;
  readonly name: string;
  /** The component the monitor watches, for the `service` tag. */
  readonly service: string;
  /** What is wrong, in one sentence; may use template variables. */
  readonly summary: string;
  /** What users or funds suffer while it lasts. */
  readonly impact: string;
  /** Runbook page slug. @default the monitor id */
  readonly runbook?: string;
  /**
   * For factories that make several monitors per call: appended to an
   * instance's `id` and `name` so each monitor stays unique.
   */
  readonly instanceSuffix?: { readonly id: string; readonly name: string };
  readonly dashboard: keyof typeof DASHBOARDS;
  /** The caller's instance options (`id`, `name`, `runbook`), if any. */
  readonly instance?: MonitorInstance;
  /** Factory defaults; the environment's `thresholds.<id>` overrides them. */
  readonly thresholds: Thresholds;
  /**
   * Factor from the thresholds' unit to the query's unit, e.g. 0.001 when
   * thresholds are in milliseconds and the metric in seconds. @default 1
   */
  readonly thresholdScale?: number;
  /** Builds the query for the resolved thresholds, in the query's unit. */
  readonly query: (thresholds: Thresholds) => MetricMonitorQuery;
  /** Oncall priority before clamping into the environment's range. */
  readonly priority: number;
  readonly noData: NoDataPolicy;
  readonly newGroupDelaySeconds?: number;
  readonly requireFullWindow?: boolean;
  readonly renotifyIntervalMinutes?: number;
  readonly extraTags?: readonly string[];
  readonly ignoreChecks?: Readonly<Record<string, string>>;
  /** Existing Datadog monitors to adopt, by environment name. */
  readonly importIds?: ImportIds;
}

/**
 * Turns a factory's essentials into a full spec: resolves threshold
 * overrides, adds the tier's routing, standard tags, links and the
 * evaluation delay that CloudWatch metrics need.
 */
export function monitorSpec(
  ctx: MonitorContext,
  base: MonitorBase,
): MonitorSpec {
  const { env, tier } = ctx;
  const { id, name, runbook } = resolveInstance(base);
  const override = env.thresholds[id];
  const written = override
    ? applyOverride(base.thresholds, override)
    : base.thresholds;
  const thresholds = scaleThresholds(written, base.thresholdScale ?? 1);
  const query = base.query(thresholds);

  const message = composeMessage(ctx, {
    summary: base.summary,
    impact: base.impact,
    runbook: runbookLink(env, runbook),
    dashboard: dashboardLink(env, dashboardTitle(base.dashboard)),
    notifyOnNoData: base.noData.kind === "notify",
  });
  const tags = [
    `env:${env.name}`,
    `service:${base.service}`,
    `team:${env.team}`,
    `tier:${tier}`,
    ...(base.extraTags ?? []),
  ];
  const { min, max } = env.oncallPriority;

  return {
    id,
    name: `[${env.name}] ${name}`,
    type: "query alert",
    query,
    thresholds,
    message,
    tags,
    ...(tier === "oncall"
      ? { priority: Math.min(max, Math.max(min, base.priority)) }
      : {}),
    noData: base.noData,
    ...(readsCloudwatch(query.expression)
      ? { evaluationDelaySeconds: CLOUDWATCH_DELAY_SECONDS }
      : {}),
    ...(base.newGroupDelaySeconds !== undefined
      ? { newGroupDelaySeconds: base.newGroupDelaySeconds }
      : {}),
    ...(base.requireFullWindow !== undefined
      ? { requireFullWindow: base.requireFullWindow }
      : {}),
    ...(base.renotifyIntervalMinutes !== undefined
      ? { renotifyIntervalMinutes: base.renotifyIntervalMinutes }
      : {}),
    ...(override
      ? {
          thresholdOrigin: {
            file: env.file,
            key: id,
            lines: env.thresholdLines?.[id]?.keys ?? {},
            written,
          },
        }
      : {}),
    ...(base.ignoreChecks ? { ignoreChecks: base.ignoreChecks } : {}),
    ...importIdField(importIdFor(base.importIds, env)),
  };
}

const importIdField = (id: number | undefined) =>
  id !== undefined ? { importId: id } : {};

/**
 * Adopts existing Datadog monitors into what a factory built: the spec
 * whose id is a key of `importIds` gets the Datadog id given for this
 * environment. It works the same on the several specs of one factory
 * call: `adopt(ctx, chainRpcHealth(ctx, p), { "chain-rpc-errors-1":
 * { "mainnet-prod": 123 } })` adopts one of them.
 */
export function adopt<S extends MonitorSpec | readonly MonitorSpec[]>(
  ctx: MonitorContext,
  specs: S,
  importIds: Readonly<Record<string, ImportIds>>,
): S {
  const one = (spec: MonitorSpec): MonitorSpec => ({
    ...spec,
    ...importIdField(importIdFor(importIds[spec.id], ctx.env)),
  });
  return (
    Array.isArray(specs) ? specs.map(one) : one(specs as MonitorSpec)
  ) as S;
}

/** The id, display name and runbook slug after the instance options. */
function resolveInstance(base: MonitorBase) {
  const instance = base.instance ?? {};
  const suffix = base.instanceSuffix;
  const id = instance.id
    ? `${instance.id}${suffix ? `-${suffix.id}` : ""}`
    : base.id;
  const name = instance.name
    ? `${instance.name}${suffix ? ` ${suffix.name}` : ""}`
    : base.name;
  return { id, name, runbook: instance.runbook ?? base.runbook ?? id };
}

/**
 * The title behind a `dashboard` key. `monitorSpec` is called from
 * monitor files directly, where tsx does not check the key's type.
 *
 * @throws FactoryOptionsError naming the field and the known keys.
 */
function dashboardTitle(key: string): string {
  const parsed = safeParse(DASHBOARD_KEY, key);
  if (parsed.success) return DASHBOARDS[parsed.data];
  throw new FactoryOptionsError(
    "monitorSpec",
    parsed.problems.map((p) => ({ ...p, path: ["dashboard"] })),
  );
}

const DASHBOARD_KEY = oneOf(
  Object.keys(DASHBOARDS) as (keyof typeof DASHBOARDS)[],
);

function scaleThresholds(t: Thresholds, factor: number): Thresholds {
  if (factor === 1) return t;
  return Object.fromEntries(
    Object.entries(t).map(([k, v]) => [
      k,
      Number((v * factor).toPrecision(12)),
    ]),
  ) as unknown as Thresholds;
}

interface MessageParts {
  readonly summary: string;
  readonly impact: string;
  readonly runbook: string;
  readonly dashboard: string;
  readonly notifyOnNoData: boolean;
}

/**
 * The notification text: what is wrong, the impact, the links, then the
 * handles for each state. Oncall pages on alert (and on no data when the
 * monitor notifies on it); warnings and recoveries go to chat.
 */
export function composeMessage(
  ctx: MonitorContext,
  parts: MessageParts,
): string {
  const route = ctx.env.notifications[ctx.tier];
  const block = (state: string, handles: readonly string[]) =>
    handles.length ? [`{{#${state}}}${handles.join(" ")}{{/${state}}}`] : [];

  return [
    parts.summary.trim(),
    "",
    `Impact: ${parts.impact.trim()}`,
    `Runbook: ${parts.runbook}`,
    `Dashboard: ${parts.dashboard}`,
    "",
    ...block("is_alert", route.alert),
    ...block("is_warning", route.warning),
    ...block("is_recovery", route.recovery),
    ...(parts.notifyOnNoData ? block("is_no_data", route.alert) : []),
  ].join("\n");
}

/** Whether any series in the expression is a CloudWatch metric. */
export function readsCloudwatch(expression: Expression): boolean {
  switch (expression.kind) {
    case "series":
      return expression.metric.startsWith("aws.");
    case "binary":
      return (
        readsCloudwatch(expression.left) || readsCloudwatch(expression.right)
      );
    case "call":
      return expression.args.some(
        (a) => a.kind !== "string" && a.kind !== "named" && readsCloudwatch(a),
      );
    case "number":
      return false;
  }
}

/** The `env:<name>` filter every agent metric query starts from. */
export const envFilter = (ctx: MonitorContext) => ({ env: ctx.env.name });
