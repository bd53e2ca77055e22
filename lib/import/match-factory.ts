import { alb5xxRate } from "../factories/alb-5xx-rate.js";
import { chainWatcherStalled } from "../factories/chain-watcher-stalled.js";
import { circuitBreakerOpen } from "../factories/circuit-breaker-open.js";
import { ecsRunningTasks } from "../factories/ecs-running-tasks.js";
import { gatewayLatencyP99 } from "../factories/gateway-latency-p99.js";
import { operatorPoolEmpty } from "../factories/operator-pool-empty.js";
import { quorumFailures } from "../factories/quorum-failures.js";
import { rawMonitor } from "../factories/raw-monitor.js";
import { redisUnavailable } from "../factories/redis-unavailable.js";
import { txSubmissionExhausted } from "../factories/tx-submission-exhausted.js";
import type { MonitorContext } from "../model/definition.js";
import type { ServiceName } from "../model/environment.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";
import type { Argument, Expression } from "../query/ast.js";
import { windowMinutes } from "../query/builder.js";
import { formatQuery } from "../query/format.js";
import type { ImportedMonitor } from "./convert-monitor.js";

type Params = Record<string, unknown>;

/** How to try one factory against an imported monitor. */
interface FactoryMatcher {
  /** The factory's export name and its module under `lib/`. */
  readonly name: string;
  readonly module: string;
  readonly build: (ctx: MonitorContext, params: Params) => MonitorSpec;
  /** Parameter sets worth trying, read from the imported monitor. */
  readonly candidates: (facts: Facts, ctx: MonitorContext) => Params[];
}

/** What the matchers read from an imported metric monitor. */
interface Facts {
  readonly windowMinutes: number;
  readonly thresholds: Thresholds;
  readonly priority?: number;
  readonly expression: Expression;
}

const common = (f: Facts) => ({
  windowMinutes: f.windowMinutes,
  ...(f.priority !== undefined ? { priority: f.priority } : {}),
});
const scaled = (t: Thresholds, factor: number) =>
  Object.fromEntries(
    Object.entries(t).map(([k, v]) => [
      k,
      Number((v * factor).toPrecision(12)),
    ]),
  ) as unknown as Thresholds;

/**
 * The factories an import can recognise. `chainRpcHealth` is not among
 * them: one call builds two monitors per chain, so adopting one UI monitor
 * into it is a hand edit with `adopt()`.
 */
const MATCHERS: readonly FactoryMatcher[] = [
  {
    name: "ecsRunningTasks",
    module: "factories/ecs-running-tasks.js",
    build: (ctx, p) => ecsRunningTasks(ctx, p as never),
    candidates: (f, ctx) =>
      Object.keys(ctx.env.services).map((service) => ({
        service: service as ServiceName,
        missingTasks: f.thresholds,
        ...common(f),
      })),
  },
  {
    name: "gatewayLatencyP99",
    module: "factories/gateway-latency-p99.js",
    build: (ctx, p) => gatewayLatencyP99(ctx, p as never),
    candidates: (f) => [
      { p99LatencyMs: scaled(f.thresholds, 1000), ...common(f) },
    ],
  },
  {
    name: "quorumFailures",
    module: "factories/quorum-failures.js",
    build: (ctx, p) => quorumFailures(ctx, p as never),
    candidates: (f) => [{ failures: f.thresholds, ...common(f) }],
  },
  {
    name: "circuitBreakerOpen",
    module: "factories/circuit-breaker-open.js",
    build: (ctx, p) => circuitBreakerOpen(ctx, p),
    candidates: (f) => [common(f)],
  },
  {
    name: "alb5xxRate",
    module: "factories/alb-5xx-rate.js",
    build: (ctx, p) => alb5xxRate(ctx, p as never),
    candidates: (f) => {
      const floor = clampFloor(f.expression);
      return [
        {
          errorRatePercent: f.thresholds,
          ...(floor !== undefined
            ? { minRequestsPerMinute: floor / f.windowMinutes }
            : {}),
          ...common(f),
        },
      ];
    },
  },
  {
    name: "chainWatcherStalled",
    module: "factories/chain-watcher-stalled.js",
    build: (ctx, p) => chainWatcherStalled(ctx, p),
    candidates: (f) => [common(f)],
  },
  {
    name: "operatorPoolEmpty",
    module: "factories/operator-pool-empty.js",
    build: (ctx, p) => operatorPoolEmpty(ctx, p),
    candidates: (f) => [
      {
        ...(f.thresholds.warning !== undefined
          ? { warnAtOperators: f.thresholds.warning }
          : {}),
        ...common(f),
      },
    ],
  },
  {
    name: "redisUnavailable",
    module: "factories/redis-unavailable.js",
    build: (ctx, p) => redisUnavailable(ctx, p),
    candidates: (f) => [{ windowMinutes: f.windowMinutes }],
  },
  {
    name: "txSubmissionExhausted",
    module: "factories/tx-submission-exhausted.js",
    build: (ctx, p) => txSubmissionExhausted(ctx, p),
    candidates: (f) => [{ exhausted: f.thresholds, ...common(f) }],
  },
];

/** A factory call that rebuilds an imported monitor's query. */
export interface FactoryMatch {
  readonly name: string;
  readonly module: string;
  /** Only the parameters that change what the factory builds. */
  readonly params: Params;
  /** What the factory builds in the import's environment and tier. */
  readonly spec: MonitorSpec;
  /** The same call in any environment and tier. */
  readonly build: (ctx: MonitorContext) => MonitorSpec;
}

/**
 * The first factory that builds the imported monitor's type, query and
 * thresholds exactly, in the environment and tier it is imported into.
 * Name, message, tags and options may still differ: the caller keeps the
 * imported ones as overrides.
 */
export function matchFactory(
  monitor: ImportedMonitor,
  ctx: MonitorContext,
): FactoryMatch | undefined {
  const facts = factsOf(monitor);
  if (!facts) return undefined;
  const imported = rawMonitor(ctx, { id: "imported", ...monitor.params });
  const wanted = formatQuery(monitor.parsed as never);

  for (const matcher of MATCHERS) {
    for (const params of matcher.candidates(facts, ctx)) {
      const spec = tryBuild(matcher, ctx, params);
      if (
        !spec ||
        spec.type !== imported.type ||
        textOf(spec) !== wanted ||
        !sameJson(sorted(spec.thresholds), sorted(imported.thresholds))
      ) {
        continue;
      }
      const minimal = minimalParams(matcher, ctx, params, spec);
      return {
        name: matcher.name,
        module: matcher.module,
        params: minimal,
        spec,
        build: (c) => matcher.build(c, minimal),
      };
    }
  }
  return undefined;
}

function factsOf(monitor: ImportedMonitor): Facts | undefined {
  const tree = monitor.parsed;
  const critical = monitor.params.thresholds?.critical;
  if (tree.kind !== "metric-monitor" || critical === undefined) {
    return undefined;
  }
  const reducer = tree.reducer;
  if (reducer.kind !== "time") return undefined;
  return {
    windowMinutes: windowMinutes(reducer.window),
    thresholds: monitor.params.thresholds as Thresholds,
    ...(monitor.params.priority !== undefined
      ? { priority: monitor.params.priority }
      : {}),
    expression: tree.expression,
  };
}

function tryBuild(
  matcher: FactoryMatcher,
  ctx: MonitorContext,
  params: Params,
): MonitorSpec | undefined {
  try {
    return matcher.build(ctx, params);
  } catch {
    // A factory rejecting these parameters simply does not match.
    return undefined;
  }
}

/** Drops each parameter the factory's default makes redundant. */
function minimalParams(
  matcher: FactoryMatcher,
  ctx: MonitorContext,
  params: Params,
  spec: MonitorSpec,
): Params {
  let kept = { ...params };
  for (const key of Object.keys(params)) {
    const { [key]: _dropped, ...without } = kept;
    const rebuilt = tryBuild(matcher, ctx, without);
    if (rebuilt && sameJson(rebuilt, spec)) kept = without;
  }
  return kept;
}

/** The number in `clamp_min(<requests>, n)`, the ALB traffic floor. */
function clampFloor(expression: Expression | Argument): number | undefined {
  switch (expression.kind) {
    case "call": {
      const floor = expression.args[1];
      if (expression.name === "clamp_min" && floor?.kind === "number") {
        return floor.value;
      }
      return firstDefined(expression.args.map(clampFloor));
    }
    case "binary":
      return firstDefined([
        clampFloor(expression.left),
        clampFloor(expression.right),
      ]);
    default:
      return undefined;
  }
}

const firstDefined = (values: (number | undefined)[]) =>
  values.find((v) => v !== undefined);

const textOf = (spec: MonitorSpec) =>
  spec.query.kind === "raw" ? spec.query.text : formatQuery(spec.query);

const sorted = (o: object) =>
  Object.fromEntries(
    Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

const sameJson = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);
