import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, tempProject } from "../support/project.js";

const tsx = join(repoRoot, "node_modules/.bin/tsx");
const check = (cwd: string, ...args: string[]) =>
  spawnSync(tsx, [join(repoRoot, "scripts/check.ts"), ...args], {
    cwd,
    encoding: "utf8",
  });

describe("npm run check", () => {
  it("passes the repository's monitors and writes nothing", () => {
    const root = tempProject();
    const run = check(root);

    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(
      /^checked \d+ monitors in 6 stacks with \d+ checks each: 0 error\(s\), 0 warning\(s\) in [\d.]+s\n$/,
    );
    expect(existsSync(join(root, "cdktf.out"))).toBe(false);
  });

  it("prints every problem sorted, exits 1 and writes nothing", () => {
    const root = tempProject({
      edit: {
        "testnet-prod.yaml": (y) =>
          y.replace(
            "thresholds: {}",
            "thresholds: { gateway-latency-p99: { critical: 800, warning: 900 } }",
          ),
      },
      monitors: {
        "bad-tags.ts": `
          import { defineMonitor } from "LIB/model/definition.js";
          import { redisUnavailable } from "LIB/factories/redis-unavailable.js";
          export default defineMonitor({
            tier: "dev",
            build: (ctx) => ({ ...redisUnavailable(ctx), id: "redis-copy",
              name: "copy", tags: ["Env:x"] }),
          });`,
      },
    });
    const run = check(root);
    const lines = run.stderr.trim().split("\n");
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const example = lines.find((l) => l.includes("[threshold-order]"));

    expect(run.status).toBe(1);
    // One line for the same mistake in every environment's dev stack.
    expect(lines.filter((l) => l.includes("[tag-format]"))).toEqual([
      expect.stringMatching(
        /^error: mainnet-prod-dev\/redis-copy \(monitors\/bad-tags\.ts\) \[tag-format\]: .* \(also in testnet-prod-dev, testnet-stagef-dev\)$/,
      ),
    ]);
    expect(example).toBeDefined();
    expect(readme, "README's example problem").toContain(
      example!.replace(/^error: /, ""),
    );
    expect(run.stderr).not.toContain("nothing was written");
    const files = lines.map((l) => /\(([^)]+)\)/.exec(l)?.[1]);
    expect(files).toEqual([
      "monitors/bad-tags.ts",
      "monitors/gateway-latency-p99.ts, config/environments/testnet-prod.yaml:34",
    ]);
    expect(run.stdout).toMatch(/: [1-9]\d* error\(s\)/);
    expect(existsSync(join(root, "cdktf.out"))).toBe(false);
  });

  it("says which environments a config error kept from being checked", () => {
    const root = tempProject({
      edit: { "testnet-prod.yaml": (y) => y.replace("chains:", "chainz:") },
    });
    const run = check(root);

    expect(run.status).toBe(1);
    expect(run.stderr).toContain("config/environments/testnet-prod.yaml:");
    expect(run.stdout).toMatch(
      /in 4 stacks .*; not built or checked until their errors are fixed: config\/environments\/testnet-prod\.yaml$/m,
    );
  });

  it("blames a monitor file that does not load, not its threshold override", () => {
    const root = tempProject({
      edit: {
        "testnet-prod.yaml": (y) =>
          y.replace(
            "thresholds: {}",
            "thresholds: { db-pool-waiting: { critical: 30 } }",
          ),
      },
      monitors: { "db-pool-waiting.ts": "export default {,};" },
    });
    const run = check(root);

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /monitors\/db-pool-waiting\.ts:1:\d+ .*\[definition-load\]/,
    );
    expect(run.stderr).not.toContain("threshold-override-unknown");
    expect(run.stdout).not.toContain("not built or checked");
  });

  it("refuses an unknown flag with the usage line", () => {
    const run = check(repoRoot, "--lst");

    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "error: Unknown option '--lst'\nusage: npm run check [-- --list]\n",
    );
  });

  it("lists the checks with --list", () => {
    const run = check(repoRoot, "--list");

    expect(run.status).toBe(0);
    expect(run.stdout).toContain("- `threshold-order`: ");
  });
});
