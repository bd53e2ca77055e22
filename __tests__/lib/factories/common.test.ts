import { describe, expect, it } from "vitest";
import {
  composeMessage,
  monitorSpec,
  readsCloudwatch,
} from "../../../lib/factories/common.js";
import { metrics } from "../../../lib/catalog/metrics.js";
import { expr, monitorQuery, series } from "../../../lib/query/builder.js";
import { aContext } from "../../support/context.js";

const base = {
  id: "example",
  name: "Example",
  service: "gateway",
  summary: "  Something broke on {{chain_id.name}}.  ",
  impact: "users wait.",
  dashboard: "overview" as const,
  thresholds: { critical: 10, warning: 5 },
  query: (t: { critical: number }) =>
    monitorQuery({
      aggregator: "avg",
      windowMinutes: 5,
      expression: series(metrics.redisUp),
      comparator: ">",
      threshold: t.critical,
    }),
  priority: 1,
  noData: { kind: "notify" as const, afterMinutes: 10 },
};

describe("monitorSpec", () => {
  it("clamps the priority into the environment's oncall range", () => {
    expect(monitorSpec(aContext("testnet-stagef"), base).priority).toBe(3);
    expect(monitorSpec(aContext("mainnet-prod"), base).priority).toBe(1);
  });

  it("gives dev monitors no priority and routes them to chat only", () => {
    const spec = monitorSpec(aContext("testnet-prod", "dev"), base);

    expect(spec.priority).toBeUndefined();
    expect(spec.message).toContain(
      "{{#is_alert}}@slack-gateway-dev{{/is_alert}}",
    );
    expect(spec.message).not.toContain("pagerduty");
  });

  it("tags with env, service, team and tier", () => {
    expect(monitorSpec(aContext(), base).tags).toEqual([
      "env:testnet-prod",
      "service:gateway",
      "team:gateway",
      "tier:oncall",
    ]);
  });

  it("pages on no data when the monitor notifies on it", () => {
    const message = composeMessage(aContext(), {
      summary: "s",
      impact: "i",
      runbook: "r",
      dashboard: "d",
      notifyOnNoData: true,
    });

    expect(message.split("\n").at(-1)).toBe(
      "{{#is_no_data}}@pagerduty-gateway-testnet{{/is_no_data}}",
    );
  });

  it("adds the CloudWatch evaluation delay only to aws.* queries", () => {
    expect(
      readsCloudwatch(expr.sub(series(metrics.ecsDesiredTasks).build(), 1)),
    ).toBe(true);
    expect(readsCloudwatch(expr.call("abs", series(metrics.albRequests)))).toBe(
      true,
    );
    expect(readsCloudwatch(series(metrics.redisUp).build())).toBe(false);
    expect(
      monitorSpec(aContext(), base).evaluationDelaySeconds,
    ).toBeUndefined();
  });
});
