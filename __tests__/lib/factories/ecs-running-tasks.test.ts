import { describe, expect, it } from "vitest";
import { ecsRunningTasks } from "../../../lib/factories/ecs-running-tasks.js";
import { aContext, queryOf } from "../../support/context.js";

describe("ecsRunningTasks", () => {
  it.each([
    ["gateway", 10, { critical: 3, warning: 1 }],
    ["operator", 4, { critical: 2, warning: 1 }],
    ["chainWatcher", 2, { critical: 1 }],
  ] as const)(
    "scales the default thresholds for %s (%i desired)",
    (service, _desired, thresholds) => {
      expect(ecsRunningTasks(aContext(), { service }).thresholds).toEqual(
        thresholds,
      );
    },
  );

  it("compares desired and running tasks of one service over the window", () => {
    const spec = ecsRunningTasks(aContext(), {
      service: "chainWatcher",
      windowMinutes: 15,
    });

    expect(spec.id).toBe("ecs-running-tasks-chain-watcher");
    expect(queryOf(spec)).toBe(
      "min(last_15m):max:aws.ecs.service.desired{clustername:gateway-testnet-prod,servicename:chain-watcher}" +
        " - max:aws.ecs.service.running{clustername:gateway-testnet-prod,servicename:chain-watcher} >= 1",
    );
    expect(spec.evaluationDelaySeconds).toBe(900);
    expect(spec.noData?.kind).toBe("ignore");
  });

  it("takes explicit thresholds", () => {
    const spec = ecsRunningTasks(aContext(), {
      service: "gateway",
      missingTasks: { critical: 5 },
    });

    expect(queryOf(spec)).toMatch(/ >= 5$/);
  });
});
