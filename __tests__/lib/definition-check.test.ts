import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../lib/model/diagnostic.js";
import { planProject } from "../../lib/pipeline.js";
import { repoRoot, tempProject } from "../support/project.js";

const monitor = (fields: string) => `
  import { defineMonitor } from "LIB/model/definition.js";
  import { operatorPoolEmpty } from "LIB/factories/operator-pool-empty.js";
  export default defineMonitor({ ${fields}
    build: (ctx) => operatorPoolEmpty(ctx, { id: "pool-copy" }) });`;

/** Plans a project with only the given monitor files (and no dashboards). */
async function problems(files: Record<string, string>, dashboards = {}) {
  const root = tempProject({ withRepoMonitors: false, monitors: files });
  const dir = join(root, "dashboards");
  mkdirSync(dir);
  for (const [name, text] of Object.entries(dashboards))
    writeFileSync(
      join(dir, name),
      String(text).replaceAll("LIB/", `${repoRoot}/lib/`),
    );
  const result = await planProject({ root });
  return result.diagnostics
    .filter((d) => d.check === "definition-schema")
    .map(formatDiagnostic);
}

describe("definition shape at load", () => {
  it.each([
    {
      name: "a tier that does not exist",
      fields: `tier: "prod",`,
      expected: [
        'monitors/x.ts:4 [definition-schema]: tier: expected one of oncall, dev, got "prod"',
      ],
    },
    {
      name: "an environment that config does not define",
      fields: `tier: "oncall", environments: ["testnet-prod", "mainnet-prd"],`,
      expected: [
        'monitors/x.ts:4 [definition-schema]: environments[1]: expected one of mainnet-prod, testnet-prod, testnet-stagef, got "mainnet-prd"; did you mean "mainnet-prod"?',
      ],
    },
    {
      name: "a misspelt key",
      fields: `tier: "oncall", enviroments: ["mainnet-prod"],`,
      expected: [
        'monitors/x.ts:4 [definition-schema]: enviroments: unknown key; expected one of build, environments, tier; did you mean "environments"?',
      ],
    },
    {
      name: "no tier and an empty environment list, both at once",
      fields: `environments: [],`,
      expected: [
        // tier is not written, so it has no line to point at
        "monitors/x.ts [definition-schema]: tier: expected one of oncall, dev, got nothing",
        "monitors/x.ts:4 [definition-schema]: environments: expected length >= 1, got []",
      ],
    },
  ])(
    "reports $name with the file, line and field",
    async ({ fields, expected }) => {
      expect(await problems({ "x.ts": monitor(fields) })).toEqual(expected);
    },
  );

  it("reports a build that is not a function", async () => {
    const text = `
      import { defineMonitor } from "LIB/model/definition.js";
      export default defineMonitor({ tier: "dev", build: 3 });`;

    expect(await problems({ "x.ts": text })).toEqual([
      "monitors/x.ts:3 [definition-schema]: build: expected a function (ctx) => spec, got 3",
    ]);
  });

  it("keeps a wrong monitor out of every stack and builds the rest", async () => {
    const root = tempProject({
      withRepoMonitors: false,
      monitors: {
        "bad.ts": monitor(`tier: "prod",`),
        "good.ts": monitor(`tier: "dev", environments: ["mainnet-prod"],`),
      },
    });
    const result = await planProject({ root, dashboards: join(root, "none") });
    const counts = result.plan.stacks.map(
      (s) => `${s.name}:${s.monitors.length}`,
    );

    expect(counts).toEqual([
      "mainnet-prod-oncall:0",
      "mainnet-prod-dev:1",
      "testnet-prod-oncall:0",
      "testnet-prod-dev:0",
      "testnet-stagef-oncall:0",
      "testnet-stagef-dev:0",
    ]);
  });

  it("checks dashboard definitions the same way", async () => {
    const board = `
      import { defineDashboard } from "LIB/model/definition.js";
      export default defineDashboard({ tier: "dev", environments: ["testnet"], build: () => [] });`;

    expect(await problems({}, { "board.ts": board })).toEqual([
      'dashboards/board.ts:3 [definition-schema]: environments[0]: expected one of mainnet-prod, testnet-prod, testnet-stagef, got "testnet"',
      "dashboards/board.ts:3 [definition-schema]: tier: unknown key; expected one of build, environments",
    ]);
  });
});
