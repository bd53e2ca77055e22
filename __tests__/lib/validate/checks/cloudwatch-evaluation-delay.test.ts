import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import { cloudwatchEvaluationDelay } from "../../../../lib/validate/checks/cloudwatch-evaluation-delay.js";
import {
  aMetricQuery,
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const onMetric = (metric: string, overrides: Partial<MonitorSpec> = {}) =>
  aMonitorSpec({ query: aMetricQuery({ metric }), ...overrides });

describe("cloudwatch-evaluation-delay", () => {
  it.each<[string, MonitorSpec]>([
    [
      "a CloudWatch metric delayed 15 minutes",
      onMetric("aws.ecs.service.running", { evaluationDelaySeconds: 900 }),
    ],
    ["an agent metric without delay", onMetric("gateway.redis_up")],
    [
      "an imported CloudWatch monitor with its delay in extraOptions",
      onMetric("aws.sqs.age", { extraOptions: { evaluation_delay: 1200 } }),
    ],
  ])("accepts %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string]>([
    [
      "a CloudWatch metric without delay",
      onMetric("aws.ecs.service.running"),
      "evaluationDelaySeconds",
    ],
    [
      "a CloudWatch metric delayed 5 minutes",
      onMetric("aws.applicationelb.request_count", {
        evaluationDelaySeconds: 300,
      }),
      "evaluationDelaySeconds",
    ],
    [
      "an imported CloudWatch monitor delayed a minute",
      onMetric("aws.sqs.age", { extraOptions: { evaluation_delay: 60 } }),
      "extraOptions.evaluation_delay",
    ],
  ])("rejects %s", (_, spec, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check: "cloudwatch-evaluation-delay", path }),
    ]);
  });

  it("names the metric", () => {
    const spec = onMetric("aws.ecs.service.running");

    expect(findingsOf(cloudwatchEvaluationDelay, spec)[0]?.message).toBe(
      'expected at least 900 seconds for CloudWatch metric "aws.ecs.service.running", got nothing',
    );
  });
});
