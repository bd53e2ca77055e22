import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/monitors.js";

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const temp = mkdtempSync(join(tmpdir(), "simulate-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function simulate(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [TSX, "scripts/simulate.ts", ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function seriesFile(name: string, text: string): string {
  const path = join(temp, name);
  writeFileSync(path, text);
  return path;
}

describe("npm run simulate", () => {
  it("prints the timeline and notifications and writes an SVG with every element", () => {
    const out = join(temp, "alb.svg");
    const run = simulate(
      "testnet-prod/alb-5xx-rate",
      "--series",
      "examples/series/alb-5xx-outage.yaml",
      "--out",
      out,
    );

    expect(run.stderr).toBe(`wrote ${out}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "testnet-prod-oncall/alb-5xx-rate (monitors/alb-5xx-rate.ts)",
    );
    expect(run.stdout).toContain("40m WARN -> ALERT (value 5.5)");
    expect(run.stdout).toContain(
      "40m * WARN -> ALERT: @pagerduty-gateway-testnet (pages)",
    );
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<polyline class="series"');
    expect(svg).toContain('<line class="threshold-critical"');
    expect(svg).toContain('<line class="threshold-warning"');
    expect(svg.match(/<rect class="state-alert"/g)).toHaveLength(1);
    expect(svg.match(/<rect class="state-warn"/g)).toHaveLength(2);
  });

  it("shades a grouped monitor's NO DATA period in that group's panel", () => {
    const out = join(temp, "pool.svg");
    const run = simulate(
      "mainnet-prod-oncall/operator-pool-empty",
      "--series",
      "examples/series/operator-pool-chain-outage.yaml",
      "--out",
      out,
    );
    expect(run.code).toBe(0);
    const svg = readFileSync(out, "utf8");
    expect(svg.match(/<g class="group"/g)).toHaveLength(2);
    expect(svg).toContain('data-group="chain_id:8453"');
    expect(svg.match(/<rect class="state-no-data"/g)).toHaveLength(1);
  });

  // The pull-request workflow simulates every example by its monitor: field.
  it.each(
    readdirSync(join(ROOT, "examples/series")).filter((f) =>
      f.endsWith(".yaml"),
    ),
  )("examples/series/%s names its monitor and simulates", (name) => {
    const out = join(temp, `example-${name}.svg`);
    const run = simulate("--series", `examples/series/${name}`, "--out", out);
    expect(run.stderr).toBe(`wrote ${out}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^notifications:/m);
  });

  it("takes the monitor from the series file when the command line names none", () => {
    const out = join(temp, "from-file.svg");
    const run = simulate(
      "--series",
      "examples/series/operator-pool-chain-outage.yaml",
      "--out",
      out,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "mainnet-prod-oncall/operator-pool-empty (monitors/operator-pool-empty.ts)",
    );
    expect(existsSync(out)).toBe(true);
  });

  it.each([
    [
      "a misspelt metric",
      "metric: gateway.operator_pool_sise",
      "no series for gateway.operator_pool_size; the query reads gateway.operator_pool_size",
    ],
    [
      "tags the scope does not select",
      "metric: gateway.operator_pool_size\n    tags: { env: testnet-prod, chain_id: 1 }",
      "no series gave the query a value; check their tags against its scope: max(last_5m):min:gateway.operator_pool_size{env:mainnet-prod} by {chain_id} <= 0",
    ],
  ])("warns when %s leaves the timeline empty", (_, entry, warning) => {
    const file = seriesFile(
      `unmatched-${warning.length}.yaml`,
      `monitor: mainnet-prod/operator-pool-empty\nseries:\n  - ${entry}\n    points: "0x20"\n`,
    );
    const run = simulate("--series", file, "--out", join(temp, "u.svg"));

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${file}: ${warning}`);
  });

  it("reports every problem of a series file in one run, each with its line", () => {
    const file = seriesFile(
      "three-problems.yaml",
      [
        "monitor: alb-5xx-rate",
        "colour: red",
        "series:",
        "  - metric: aws.applicationelb.request_count",
        "    points: '1x10 30xx20'",
      ].join("\n"),
    );
    const run = simulate("--series", file);
    const lines = run.stderr.trim().split("\n");

    expect(run.code).toBe(1);
    expect(lines).toEqual([
      `error: ${file}:1 [series-schema]: monitor: expected <env>/<monitor-id>, got "alb-5xx-rate"`,
      `error: ${file}:2 [series-schema]: colour: unknown key; expected one of description, fromMinute, monitor, series, toMinute`,
      `error: ${file}:5 [series-schema]: series[0].points: token 2: expected a number, "_" or ".", got "30x" (in "30xx20")`,
      "3 error(s); nothing was written",
    ]);
  });

  const ok = "examples/series/alb-5xx-outage.yaml";
  it.each([
    [
      "an unknown environment",
      ["testnet-prd/alb-5xx-rate", "--series", ok],
      'simulate [simulate-target]: target.env: expected an environment among mainnet-prod, testnet-prod, testnet-stagef, got "testnet-prd"; did you mean "testnet-prod"?',
    ],
    [
      "an unknown monitor id",
      ["testnet-prod/alb-5xx", "--series", ok],
      "simulate [simulate-target]: target.id: expected a monitor id of testnet-prod (",
    ],
    [
      "a missing series file",
      ["testnet-prod/alb-5xx-rate", "--series", "examples/series/none.yaml"],
      "examples/series/none.yaml [series-file]: expected a readable series file, got ENOENT",
    ],
    [
      "malformed YAML",
      ["testnet-prod/alb-5xx-rate", "--series", "BAD_YAML"],
      "[series-yaml]: expected valid YAML, got",
    ],
    [
      "a schema error",
      ["testnet-prod/alb-5xx-rate", "--series", "BAD_SCHEMA"],
      "[series-schema]: series[0].lateMinutes: expected a number >= 0, got -5",
    ],
    [
      "bad point notation",
      ["testnet-prod/alb-5xx-rate", "--series", "BAD_POINTS"],
      ':3 [series-schema]: series[0].points: token 2: expected a number, "_" or ".", got "lots"',
    ],
    [
      "no target on the command line or in the file",
      ["--series", "NO_MONITOR"],
      "simulate [simulate-target]: target: expected <env>/<monitor-id> on the command line or as monitor: in the series file, got neither",
    ],
    [
      "two targets",
      ["testnet-prod/alb-5xx-rate", "testnet-prod/x", "--series", ok],
      'error: simulate: expected at most one <env>/<monitor-id>, got "testnet-prod/alb-5xx-rate", "testnet-prod/x"',
    ],
    [
      "a malformed monitor in the file",
      ["--series", "BAD_MONITOR"],
      "[series-schema]: monitor: expected <env>/<monitor-id>",
    ],
  ])(
    "rejects %s with a clear message, exit 1 and no SVG",
    (_, args, expected) => {
      const files: Record<string, string> = {
        BAD_YAML: seriesFile("bad.yaml", "series:\n  - metric: [unclosed\n"),
        BAD_SCHEMA: seriesFile(
          "schema.yaml",
          "series:\n  - metric: x\n    points: '1'\n    lateMinutes: -5\n    colour: red\n",
        ),
        NO_MONITOR: seriesFile(
          "no-monitor.yaml",
          "series:\n  - metric: aws.applicationelb.request_count\n    points: '1'\n",
        ),
        BAD_MONITOR: seriesFile(
          "bad-monitor.yaml",
          "monitor: alb-5xx-rate\nseries:\n  - metric: aws.applicationelb.request_count\n    points: '1'\n",
        ),
        BAD_POINTS: seriesFile(
          "points.yaml",
          "series:\n  - metric: aws.applicationelb.request_count\n    points: '1 lots'\n",
        ),
      };
      const out = join(temp, `bad-${Math.random()}.svg`);
      const run = simulate(...args.map((a) => files[a] ?? a), "--out", out);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(expected);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    },
  );
});
