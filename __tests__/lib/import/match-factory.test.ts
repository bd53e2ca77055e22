import { describe, expect, it } from "vitest";
import { alb5xxRate } from "../../../lib/factories/alb-5xx-rate.js";
import { gatewayLatencyP99 } from "../../../lib/factories/gateway-latency-p99.js";
import { convertMonitor } from "../../../lib/import/convert-monitor.js";
import { matchFactory } from "../../../lib/import/match-factory.js";
import { planImport } from "../../../lib/import/plan-import.js";
import type { MonitorSpec } from "../../../lib/model/monitor.js";
import { aContext, queryOf } from "../../support/context.js";
import { repoEnvironments } from "../../support/project.js";

const ctx = aContext("testnet-prod", "oncall");

/** What Datadog would export for a spec, with a hand-edited message. */
const exportOf = (spec: MonitorSpec, message = spec.message) => ({
  id: 31337,
  name: spec.name,
  type: spec.type,
  query: queryOf(spec),
  message,
  tags: spec.tags,
  priority: spec.priority,
  options: {
    thresholds: {
      critical: spec.thresholds.critical,
      warning: spec.thresholds.warning,
    },
    notify_no_data: false,
    evaluation_delay: spec.evaluationDelaySeconds ?? 0,
  },
});

const imported = (json: Record<string, unknown>) =>
  convertMonitor({ path: "", value: json }, "export.json").monitor!;

describe("matchFactory", () => {
  it.each([
    [
      "gatewayLatencyP99, thresholds back in milliseconds",
      gatewayLatencyP99(ctx, {
        p99LatencyMs: { critical: 2500, warning: 1500 },
      }),
      { p99LatencyMs: { critical: 2500, warning: 1500 } },
    ],
    [
      "alb5xxRate, with its traffic floor and a non-default window",
      alb5xxRate(ctx, {
        errorRatePercent: { critical: 5 },
        minRequestsPerMinute: 20,
        windowMinutes: 15,
      }),
      {
        errorRatePercent: { critical: 5 },
        minRequestsPerMinute: 20,
        windowMinutes: 15,
      },
    ],
  ])(
    "recognises %s, keeping only non-default parameters",
    (_t, spec, params) => {
      const match = matchFactory(imported(exportOf(spec)), ctx);

      expect(match?.params).toEqual(params);
      expect(match?.spec).toEqual(spec);
    },
  );

  it("does not match a query no factory builds", () => {
    const spec = gatewayLatencyP99(ctx, { p99LatencyMs: { critical: 2500 } });
    const json = {
      ...exportOf(spec),
      query: queryOf(spec).replace("p99:", "p95:"),
    };

    expect(matchFactory(imported(json), ctx)).toBeUndefined();
  });
});

describe("a matched import's file", () => {
  it("calls the factory, adopts the id and keeps only what differs", () => {
    const spec = gatewayLatencyP99(ctx, { p99LatencyMs: { critical: 2500 } });
    const result = planImport({
      file: "export.json",
      text: JSON.stringify(
        exportOf(spec, `${spec.message}\nEdited in the UI.`),
      ),
      environments: repoEnvironments(),
      env: "testnet-prod",
      monitorsDir: "monitors",
      exists: () => false,
    });

    expect(result.diagnostics).toEqual([]);
    expect(result.files[0]).toMatchObject({
      factory: "gatewayLatencyP99",
      id: "gateway-latency-p99",
      tier: "oncall",
      todos: [],
    });
    const text = result.files[0]!.text;
    expect(text).toContain(
      "...gatewayLatencyP99(ctx, { p99LatencyMs: { critical: 2500 } }),",
    );
    const kept = text.slice(text.indexOf("// Kept from Datadog"));
    expect(kept.slice(0, kept.indexOf("\n}")).split("\n")).toEqual([
      "// Kept from Datadog where it differs from the factory:",
      `message: ${JSON.stringify(`${spec.message}\nEdited in the UI.`)},`,
    ]);
    expect(text).toContain(
      "adopt(ctx, {\n...gatewayLatencyP99(ctx, { p99LatencyMs: { critical: 2500 } }),",
    );
    expect(text).toContain(
      '{ "gateway-latency-p99": { "testnet-prod": 31337 } })',
    );
  });
});
