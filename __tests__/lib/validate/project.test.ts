import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/model/diagnostic.js";
import { planAt, tempProject } from "../../support/project.js";

describe("threshold-override-unknown", () => {
  it("names the file, the line and the id a typo was meant to be", async () => {
    const root = tempProject({
      edit: {
        "testnet-prod.yaml": (y) =>
          y.replace(
            "thresholds: {}",
            "thresholds:\n  gateway-latency-p9:\n    warning: 2500",
          ),
      },
    });
    const result = await planAt(root);

    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'config/environments/testnet-prod.yaml:35 [threshold-override-unknown]: thresholds.gateway-latency-p9: expected the id of a monitor in testnet-prod, got "gateway-latency-p9"; did you mean "gateway-latency-p99"?',
    ]);
  });
});
