import { describe, expect, it } from "vitest";
import { planSummary } from "../../scripts/plan-summary.js";

async function capture(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await planSummary(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run plan-summary", () => {
  it("prints the plan's changes under the given title", async () => {
    const result = await capture(
      "__tests__/fixtures/plans/delete.json",
      "--title",
      "Drift: mainnet-prod-oncall",
    );

    expect(result.code).toBe(0);
    expect(result.out.split("\n").slice(0, 3)).toEqual([
      "### Drift: mainnet-prod-oncall",
      "",
      "3 to destroy",
    ]);
    expect(result.out).toContain(
      "| delete | `datadog_monitor.operator-pool-empty` | removed from the configuration |",
    );
  });

  it("exits 2 on a state file", async () => {
    const result = await capture("__tests__/fixtures/plans/state.json");

    expect(result.code).toBe(2);
    expect(result.err).toContain(
      "[plan-input]: resource_changes: expected a plan",
    );
  });
});
