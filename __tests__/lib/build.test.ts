import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../lib/model/diagnostic.js";
import { planAt, tempProject } from "../support/project.js";

/** The diagnostics of a project holding only the given monitor files. */
async function report(monitors: Record<string, string>) {
  const root = tempProject({ withRepoMonitors: false, monitors });
  return (await planAt(root)).diagnostics
    .filter((d) => d.check === "definition-build")
    .map(formatDiagnostic);
}

const header = `import { defineMonitor } from "LIB/model/definition.js";
import { operatorPoolEmpty } from "LIB/factories/operator-pool-empty.js";
`;

describe("buildPlan errors", () => {
  it("reports every bad factory option once, with the file and line of the call", async () => {
    const text = `${header}
export default defineMonitor({
  tier: "oncall",
  build: (ctx) =>
    operatorPoolEmpty(ctx, { warnAtOperator: 3, priority: "1" } as never),
});`;

    expect(await report({ "x.ts": text })).toEqual([
      'mainnet-prod-oncall/? (monitors/x.ts:7:5) [definition-build]: options.priority: expected a number, got "1"',
      'mainnet-prod-oncall/? (monitors/x.ts:7:5) [definition-build]: options.warnAtOperator: unknown key; expected one of id, name, priority, runbook, warnAtOperators, windowMinutes; did you mean "warnAtOperators"?',
    ]);
  });

  it("names the monitor by the id its options ask for", async () => {
    const text = `${header}
export default defineMonitor({
  tier: "oncall",
  build: (ctx) =>
    operatorPoolEmpty(ctx, { id: "pool-low", warnAtOperator: 3 } as never),
});`;

    expect(await report({ "x.ts": text })).toEqual([
      'mainnet-prod-oncall/pool-low (monitors/x.ts:7:5) [definition-build]: options.warnAtOperator: unknown key; expected one of id, name, priority, runbook, warnAtOperators, windowMinutes; did you mean "warnAtOperators"?',
    ]);
  });

  it("names the line in the user's file where build threw", async () => {
    const text = `${header}
const metrics = {} as Record<string, { name: string }>;

export default defineMonitor({
  tier: "oncall",
  environments: ["testnet-prod"],
  build: (ctx) => [
    operatorPoolEmpty(ctx, { id: metrics.dbPoolWaitng!.name }),
  ],
});`;

    expect(await report({ "x.ts": text })).toEqual([
      "testnet-prod-oncall/? (monitors/x.ts:10:56) [definition-build]: build: expected the definition to build, got TypeError: Cannot read properties of undefined (reading 'name')",
    ]);
  });

  it.each([
    [
      "a forgotten return",
      "{ operatorPoolEmpty(ctx); }",
      "build(): expected a spec with an id (or a list of them), got nothing",
    ],
    [
      "a list with a hole",
      "[operatorPoolEmpty(ctx), undefined]",
      "build()[1]: expected a spec with an id (or a list of them), got nothing",
    ],
  ])("reports %s instead of crashing the checks", async (_, body, expected) => {
    const text = `${header}
export default defineMonitor({
  tier: "oncall",
  environments: ["testnet-prod"],
  build: (ctx) => ${body},
});`;

    expect(await report({ "x.ts": text })).toEqual([
      `testnet-prod-oncall/? (monitors/x.ts) [definition-build]: ${expected}; return what the factory gives`,
    ]);
  });
});
