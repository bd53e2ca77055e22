import { ecsRunningTasks } from "../lib/factories/ecs-running-tasks.js";
import { defineMonitor } from "../lib/model/definition.js";
import type { ServiceName } from "../lib/model/environment.js";

const SERVICES: readonly ServiceName[] = [
  "gateway",
  "operator",
  "chainWatcher",
  "challenger",
  "transporter",
  "aggregator",
];

/** Every ECS service keeps its desired task count. */
export default defineMonitor({
  tier: "oncall",
  build: (ctx) => SERVICES.map((service) => ecsRunningTasks(ctx, { service })),
});
