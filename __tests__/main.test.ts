import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempProject } from "./support/project.js";

const tsx = join(repoRoot, "node_modules/.bin/tsx");
const synth = (cwd: string, ...args: string[]) =>
  spawnSync(tsx, [join(repoRoot, "main.ts"), ...args], {
    cwd,
    encoding: "utf8",
  });

describe("main.ts", () => {
  it("writes every stack and reports progress on stderr", () => {
    const root = tempProject();
    const run = synth(root);

    expect(run.status).toBe(0);
    expect(readdirSync(join(root, "cdktf.out/stacks")).sort()).toHaveLength(6);
    expect(run.stderr).toMatch(
      /^synth testnet-prod-oncall: 17 monitors, 0 dashboards$/m,
    );
    expect(run.stderr).toMatch(
      /^synth testnet-prod-dev: 1 monitor, 0 dashboards$/m,
    );
    expect(run.stdout).toBe("");
  });

  it("refuses an unknown flag and writes nothing", () => {
    const root = tempProject();
    const run = synth(root, "--bootstrp");

    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "error: Unknown option '--bootstrp'\nusage: npm run synth [-- --bootstrap]\n",
    );
    expect(existsSync(join(root, "cdktf.out"))).toBe(false);
  });

  it("adds the state-bootstrap stack only when asked", () => {
    const root = tempProject();
    const run = synth(root, "--bootstrap");

    expect(run.stderr).toMatch(
      /^synth state-bootstrap: 2 state buckets, 1 lock table$/m,
    );
    expect(
      existsSync(join(root, "cdktf.out/stacks/state-bootstrap/cdk.tf.json")),
    ).toBe(true);
  });

  it("stops on bad input with every problem, exit 1, no trace and no output", () => {
    const root = tempProject({
      edit: {
        "testnet-prod.yaml": (y) => y.replace("id: 84532", "id: base"),
        "mainnet-prod.yaml": (y) =>
          y.replace(
            "dynamodbTable: gateway-monitoring-tflock",
            "dynamodbTable: gateway-monitoring-tflock\n  key: shared.tfstate",
          ),
      },
      monitors: {
        "copy-of-breaker.ts": `
          import { defineMonitor } from "LIB/model/definition.js";
          import { circuitBreakerOpen } from "LIB/factories/circuit-breaker-open.js";
          export default defineMonitor({ tier: "oncall", build: (ctx) => circuitBreakerOpen(ctx) });`,
      },
    });
    const run = synth(root);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error: config/environments/testnet-prod.yaml:11 [config-schema]: chains[1].id: expected a number, got "base"',
    );
    expect(run.stderr).toContain(
      "[state-key-shared]: backend: expected a state location of its own for mainnet-prod-dev",
    );
    expect(run.stderr).toContain(
      "error: mainnet-prod-oncall/circuit-breaker-open (monitors/copy-of-breaker.ts) [unique-id]: id:",
    );
    expect(run.stderr).toMatch(/\d+ error\(s\); nothing was written\n$/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(root, "cdktf.out"))).toBe(false);
  });

  it("reports a monitor file without a definition by name", () => {
    const root = tempProject({
      monitors: { "empty.ts": "export const x = 1;" },
    });
    const run = synth(root);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "error: monitors/empty.ts [definition-load]: default: expected a default export made by defineMonitor(...), got no default export",
    );
  });

  it("reports a syntax error with its file, line, column and esbuild's message", () => {
    const root = tempProject({
      monitors: {
        "broken.ts": [
          'import { defineMonitor } from "LIB/model/definition.js";',
          "export default defineMonitor({",
          '  tier: "oncall",',
          "  build: (ctx) => { const x: number = ; return []; },",
          "});",
        ].join("\n"),
      },
    });
    const run = synth(root);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error: monitors/broken.ts:4:38 [definition-load]: expected a module that loads, got Unexpected ";"\n',
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("names the line of an error thrown while a monitor file is imported", () => {
    const root = tempProject({
      monitors: {
        "throws.ts": [
          'import { metrics } from "LIB/catalog/metrics.js";',
          "",
          "const waiting = (metrics as Record<string, { name: string }>)",
          "  .dbPoolWaitng!.name;",
          "export default waiting;",
        ].join("\n"),
      },
    });
    const run = synth(root);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "error: monitors/throws.ts:4:18 [definition-load]: expected a module that loads, got TypeError: Cannot read properties of undefined (reading 'name')\n",
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
