import { SERVICE_NAMES } from "../../config/schema.js";
import { metrics } from "../catalog/metrics.js";
import type { MonitorContext } from "../model/definition.js";
import type { ServiceName } from "../model/environment.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";
import { expr, monitorQuery, series } from "../query/builder.js";
import { type MonitorInstance, monitorSpec } from "./common.js";
import { type Schema, oneOf, optional } from "../config/schema-kit.js";
import {
  factoryOptions,
  optionsSchema,
  thresholdsOption,
  minutesOption,
  priorityOption,
} from "./options.js";

export interface EcsRunningTasksParams extends MonitorInstance {
  /** The service, as named under `services` in the environment config. */
  readonly service: ServiceName;
  /**
   * Missing tasks (desired minus running) that alert.
   * @default critical: 30% of the desired count (at least 1); warning: 1
   */
  readonly missingTasks?: Thresholds;
  /** @default 10 */
  readonly windowMinutes?: number;
  /** @default 2 */
  readonly priority?: number;
}

const OPTIONS: Schema<EcsRunningTasksParams> = optionsSchema({
  service: oneOf(SERVICE_NAMES),
  missingTasks: optional(thresholdsOption),
  windowMinutes: optional(minutesOption),
  priority: optional(priorityOption),
});

/**
 * Alerts when an ECS service runs fewer tasks than it wants for a whole
 * window: `min(desired - running)` over the window is at least the
 * threshold, so a rolling deploy's brief dip does not alert.
 */
export function ecsRunningTasks(
  ctx: MonitorContext,
  params: EcsRunningTasksParams,
): MonitorSpec {
  params = factoryOptions("ecsRunningTasks", OPTIONS, params);
  const service = ctx.env.services[params.service];
  const slug = service.ecsService;
  const critical = Math.max(1, Math.ceil(service.desiredCount * 0.3));
  const defaults: Thresholds =
    critical > 1 ? { critical, warning: 1 } : { critical };
  const filter = {
    clustername: ctx.env.ecsCluster,
    servicename: service.ecsService,
  };
  const windowMinutes = params.windowMinutes ?? 10;

  return monitorSpec(ctx, {
    id: `ecs-running-tasks-${slug}`,
    name: `ECS ${slug} running fewer tasks than desired`,
    service: slug,
    summary:
      `ECS service ${slug} in ${ctx.env.ecsCluster} has been missing` +
      ` {{value}} task(s) for ${windowMinutes} minutes` +
      ` (alerts at {{threshold}}).`,
    impact: `less ${slug} capacity; the rest of the fleet takes its load.`,
    dashboard: "overview",
    thresholds: params.missingTasks ?? defaults,
    query: (t) =>
      monitorQuery({
        aggregator: "min",
        windowMinutes,
        expression: expr.sub(
          series(metrics.ecsDesiredTasks, { space: "max", filter }),
          series(metrics.ecsRunningTasks, { space: "max", filter }),
        ),
        comparator: ">=",
        threshold: t.critical,
      }),
    priority: params.priority ?? 2,
    noData: {
      kind: "ignore",
      reason: "CloudWatch gaps are integration lag, not missing tasks",
    },
    requireFullWindow: false,
    instance: params,
  });
}
