import { describe, expect, it } from "vitest";
import { validatePlan } from "../../../lib/validate/index.js";
import {
  aMonitorSpec,
  aPlacedMonitor,
  aStackPlan,
} from "../../support/builders.js";

const adopted = (id: string, importId: number | undefined, env: string) => {
  const spec = aMonitorSpec({
    id,
    name: `monitor ${id}`,
    ...(importId !== undefined ? { importId } : {}),
  });
  return aStackPlan([aPlacedMonitor(spec, { env })], { env });
};

const importProblems = (...stacks: ReturnType<typeof adopted>[]) =>
  validatePlan({
    environments: [...new Set(stacks.map((s) => s.env))],
    stacks,
  }).filter((d) => d.check === "import-id-unique");

describe("import-id-unique", () => {
  it("rejects one Datadog id adopted in two stacks", () => {
    const problems = importProblems(
      adopted("a", 123, "testnet-prod"),
      adopted("a", 123, "mainnet-prod"),
    );

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      where: "mainnet-prod-oncall/a",
      path: "importId",
      message:
        "expected a Datadog id adopted by one monitor in one stack, got 123 also adopted by testnet-prod-oncall/a",
    });
  });

  it("accepts distinct ids and monitors without one", () => {
    expect(
      importProblems(
        adopted("a", 123, "testnet-prod"),
        adopted("a", 124, "mainnet-prod"),
        adopted("b", undefined, "testnet-stagef"),
      ),
    ).toEqual([]);
  });
});
