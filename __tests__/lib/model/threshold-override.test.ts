import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/model/diagnostic.js";
import { applyOverride } from "../../../lib/model/threshold-override.js";
import { planAt, tempProject } from "../../support/project.js";

describe("applyOverride", () => {
  const defaults = { critical: 3000, warning: 2000, criticalRecovery: 2500 };

  it.each([
    [
      "keeps what the override leaves out",
      { warning: 2500 },
      { critical: 3000, warning: 2500, criticalRecovery: 2500 },
    ],
    [
      "replaces every key it sets",
      { critical: 4000, warning: 3500 },
      { critical: 4000, warning: 3500, criticalRecovery: 2500 },
    ],
    [
      "removes a key set to null",
      { warning: null, criticalRecovery: null },
      { critical: 3000 },
    ],
    [
      "adds a key the factory did not set",
      { warningRecovery: 1500 },
      { ...defaults, warningRecovery: 1500 },
    ],
  ])("%s", (_, override, expected) => {
    expect(applyOverride(defaults, override)).toEqual(expected);
  });
});

/** testnet-prod with the given `thresholds:` block, planned with the repo's monitors. */
async function planWith(thresholds: string) {
  const root = tempProject({
    edit: {
      "testnet-prod.yaml": (y) =>
        y.replace("thresholds: {}", `thresholds:\n${thresholds}`),
    },
  });
  const result = await planAt(root);
  const latency = result.plan.stacks
    .find((s) => s.name === "testnet-prod-oncall")!
    .monitors.find((m) => m.spec.id === "gateway-latency-p99")!.spec;
  return { result, latency };
}

describe("threshold overrides from an environment file", () => {
  it("merges a partial override over the factory's thresholds", async () => {
    const { result, latency } = await planWith(
      "  gateway-latency-p99: { warning: 2500 }",
    );

    expect(result.diagnostics).toEqual([]);
    expect(latency.thresholds).toEqual({ critical: 3, warning: 2.5 });
  });

  it("removes the factory's warning with warning: null", async () => {
    const { result, latency } = await planWith(
      "  gateway-latency-p99: { warning: null }",
    );

    expect(result.diagnostics).toEqual([]);
    expect(latency.thresholds).toEqual({ critical: 3 });
  });

  it("reports a wrong order at the YAML key, line and numbers as written", async () => {
    const { result } = await planWith(
      "  gateway-latency-p99:\n    critical: 1500\n    warning: 2500 # ms",
    );

    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "testnet-prod-oncall/gateway-latency-p99 (monitors/gateway-latency-p99.ts, config/environments/testnet-prod.yaml:37) [threshold-order]: thresholds.gateway-latency-p99.warning: expected < 1500 (thresholds.gateway-latency-p99.critical, alerting >), got 2500; a warning fires before the alert, between normal values and critical; values as written in config/environments/testnet-prod.yaml",
    ]);
  });

  it("reports an override of critical alone against the factory's warning", async () => {
    const { result } = await planWith(
      "  gateway-latency-p99: { critical: 1500 }",
    );

    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      "testnet-prod-oncall/gateway-latency-p99 (monitors/gateway-latency-p99.ts, config/environments/testnet-prod.yaml:35) [threshold-order]: thresholds.gateway-latency-p99.critical: expected > 2000 (the monitor's warning, alerting >), got 1500; a warning fires before the alert, between normal values and critical; values as written in config/environments/testnet-prod.yaml",
    ]);
  });
});
