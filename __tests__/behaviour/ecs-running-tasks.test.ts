import { beforeAll, describe, expect, it } from "vitest";
import {
  evaluate,
  type EvaluationResult,
  type SeriesInput,
} from "../../lib/evaluate/index.js";
import type { PlacedMonitor } from "../../lib/model/monitor.js";
import "../support/evaluate-matchers.js";
import { contextFor, specsFrom } from "../support/monitors.js";

const ENV = "testnet-prod";
const cluster = contextFor(ENV).env.ecsCluster;
const tasks = (
  kind: "desired" | "running",
  service: string,
  points: string,
  lateMinutes = 0,
): SeriesInput => ({
  metric: `aws.ecs.service.${kind}`,
  tags: { clustername: cluster, servicename: service },
  points,
  lateMinutes,
});

/** The gateway wants 10 tasks; everything else is healthy. */
function fleet(gatewayRunning: string, lateMinutes = 0): SeriesInput[] {
  const services = {
    gateway: 10,
    operator: 4,
    "chain-watcher": 2,
    challenger: 2,
    transporter: 2,
    aggregator: 2,
  };
  return Object.entries(services).flatMap(([name, desired]) => [
    tasks("desired", name, `${desired}x60`, lateMinutes),
    tasks(
      "running",
      name,
      name === "gateway" ? gatewayRunning : `${desired}x60`,
      lateMinutes,
    ),
  ]);
}

describe("monitors/ecs-running-tasks.ts", () => {
  let placed: PlacedMonitor[];
  const run = (series: SeriesInput[]) =>
    Object.fromEntries(
      placed.map((m) => [m.spec.id, evaluate(m.spec, series)]),
    ) as Record<string, EvaluationResult>;
  beforeAll(async () => {
    placed = await specsFrom("ecs-running-tasks.ts", ENV);
  });

  it("builds one monitor per service with a 15-minute CloudWatch delay", () => {
    expect(placed.map((m) => m.spec.id)).toHaveLength(6);
    expect(new Set(placed.map((m) => m.spec.evaluationDelaySeconds))).toEqual(
      new Set([900]),
    );
  });

  // missing 4 of 10 tasks from minute 20 to 39; the window is 10 minutes
  // and ends 15 minutes before each step
  it("pages when the gateway misses 4 of its 10 tasks for the whole window, and recovers", () => {
    const results = run(fleet("10x20 6x20 10x20"));
    const gateway = results["ecs-running-tasks-gateway"]!;
    expect(gateway).toAlert({ from: "45m", until: "56m" });
    expect(gateway).toRecover({ at: "56m" });
    expect(gateway).toPage();
    for (const [id, result] of Object.entries(results)) {
      if (id !== "ecs-running-tasks-gateway") expect(result).toStayOk();
    }
  });

  it("warns without paging when one task is missing", () => {
    const gateway = run(fleet("10x20 9x20 10x20"))[
      "ecs-running-tasks-gateway"
    ]!;
    expect(gateway).toWarn();
    expect(gateway).not.toPage();
  });

  it("stays quiet through a rolling deploy that dips for 4 minutes", () => {
    expect(
      run(fleet("10x20 5x4 10x36"))["ecs-running-tasks-gateway"],
    ).toStayOk();
  });

  it("does not flap when CloudWatch metrics arrive 10 minutes late", () => {
    const onTime = run(fleet("10x20 6x20 10x20"))["ecs-running-tasks-gateway"]!;
    const late = run(fleet("10x20 6x20 10x20", 10))[
      "ecs-running-tasks-gateway"
    ]!;
    expect(late.groups).toEqual(onTime.groups);
    const healthy = run(fleet("10x60", 10));
    for (const result of Object.values(healthy)) expect(result).toStayOk();
  });
});
