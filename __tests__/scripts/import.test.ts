import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { check } from "prettier";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { importMonitors } from "../../scripts/import.js";
import {
  monitorsOf,
  planAt,
  repoRoot,
  synthToJson,
  tempProject,
} from "../support/project.js";

/** A project root whose monitors/ reach the repository's lib/ as ../lib. */
function project(): string {
  const root = tempProject();
  symlinkSync(join(repoRoot, "lib"), join(root, "lib"));
  return root;
}

const monitor = (overrides: Record<string, unknown> = {}) => ({
  id: 4242001,
  name: "[testnet-prod] Redis latency high",
  type: "query alert",
  query: "avg(last_10m):avg:gateway.redis.latency{env:testnet-prod} > 0.5",
  message: "Redis is slow. @slack-gateway-dev",
  tags: ["env:testnet-prod", "team:gateway"],
  options: {
    thresholds: { critical: 0.5, warning: 0.3 },
    include_tags: true,
    notify_no_data: false,
    require_full_window: false,
  },
  overall_state: "OK",
  ...overrides,
});

async function run(root: string, input: unknown, ...args: string[]) {
  const text = typeof input === "string" ? input : JSON.stringify(input);
  writeFileSync(join(root, "export.json"), text);
  const out: string[] = [];
  const err: string[] = [];
  const code = await importMonitors(["export.json", ...args], root, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Files in monitors/ besides the repository's own. */
const written = (root: string) => {
  const own = new Set(readdirSync(join(repoRoot, "monitors")));
  return readdirSync(join(root, "monitors")).filter((f) => !own.has(f));
};
const FILE = "monitors/redis-latency-high.ts";

/**
 * Type errors of a generated file, as tsc reports them. The text is served
 * as if it sat in the repository's monitors/ (nothing is written there),
 * so it is checked against the real lib/ with the project's options.
 */
function typeErrors(text: string): string[] {
  const file = join(repoRoot, "monitors/__imported__.ts");
  const config = ts.getParsedCommandLineOfConfigFile(
    join(repoRoot, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => f === file || ts.sys.fileExists(f);
  host.getSourceFile = (f, language) =>
    f === file
      ? ts.createSourceFile(f, text, language)
      : getSourceFile(f, language);
  const program = ts.createProgram([file], config.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("npm run import", () => {
  it("writes a formatted file that type-checks, passes the checks and synthesizes an import block", async () => {
    const root = project();

    const result = await run(root, monitor(), "--env", "testnet-prod");

    expect(result).toMatchObject({
      code: 0,
      out: `wrote ${FILE} (dev, raw fields, adopts 4242001 in testnet-prod)`,
    });
    const text = readFileSync(join(root, FILE), "utf8");
    expect(await check(text, { parser: "typescript" })).toBe(true);
    expect(typeErrors(text)).toEqual([]);

    const plan = await planAt(root);
    expect(plan.diagnostics).toEqual([]);
    const output = synthToJson(plan);
    expect(
      monitorsOf(output, "testnet-prod-dev")["redis-latency-high"],
    ).toMatchObject({
      query: monitor().query,
      monitor_thresholds: { critical: "0.5", warning: "0.3" },
      require_full_window: false,
    });
    expect(output["testnet-prod-dev"]!.import).toEqual([
      { id: "4242001", to: "datadog_monitor.redis-latency-high" },
    ]);
    for (const stack of ["mainnet-prod-dev", "testnet-stagef-dev"]) {
      expect(output[stack]!.import).toBeUndefined();
    }
  });

  it("never overwrites a file without --force", async () => {
    const root = project();
    await run(root, monitor(), "--env", "testnet-prod");
    writeFileSync(join(root, FILE), "// edited by hand\n");

    const refused = await run(root, monitor(), "--env", "testnet-prod");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(
      `export.json [import-input]: expected ${FILE} not to exist, got an existing file; pass --force to overwrite it`,
    );
    expect(readFileSync(join(root, FILE), "utf8")).toBe("// edited by hand\n");

    const forced = await run(
      root,
      monitor(),
      "--env",
      "testnet-prod",
      "--force",
    );
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, FILE), "utf8")).toContain("rawMonitor(ctx");
  });

  it.each([
    [
      "text that is not JSON",
      "{ not json",
      "export.json [import-input]: expected JSON, got a syntax error at line 1, column 3",
    ],
    [
      "JSON that is not a monitor",
      { dashboard: 1 },
      'export.json [import-input]: expected a Datadog monitor (an object with "type" and "query"), got an object with "dashboard"',
    ],
    [
      "an unsupported monitor type",
      monitor({ type: "synthetics alert" }),
      'export.json [import-input]: type: expected a monitor type this project supports ("query alert"',
    ],
    [
      "a query the parser rejects",
      monitor({
        query: "avg(last_10m):avg:gateway.redis.latency{env:testnet-prod > 0.5",
      }),
      'export.json [import-input]: query: expected a valid "query alert" query, got ',
    ],
  ])(
    "refuses %s, exits 2 and writes nothing",
    async (_title, input, message) => {
      const root = project();

      const result = await run(root, input, "--env", "testnet-prod");

      expect(result.code).toBe(2);
      expect(result.err).toContain(`error: ${message}`);
      expect(result.err).toContain("1 error(s); nothing was written");
      expect(result.err).not.toMatch(/\n\s+at /);
      expect(written(root)).toEqual([]);
    },
  );

  it("writes nothing when one monitor of many fails, and lists every problem", async () => {
    const root = project();

    const result = await run(
      root,
      [
        monitor(),
        monitor({ id: 2, name: "Other", type: "synthetics alert" }),
        monitor({ id: 3, name: "Third", priority: 9 }),
      ],
      "--env",
      "testnet-prod",
    );

    expect(result.code).toBe(2);
    expect(result.err).toContain("[1].type: expected a monitor type");
    expect(result.err).toContain(
      "[2].priority: expected a whole number from 1 to 5, got 9",
    );
    expect(result.err).toContain("2 error(s); nothing was written");
    expect(written(root)).toEqual([]);
  });

  it.each([
    [
      ["missing.json"],
      "error: missing.json: expected a readable file, got ENOENT",
    ],
    [
      ["export.json", "--tier", "pager"],
      'error: --tier: expected oncall or dev, got "pager"',
    ],
    [
      ["export.json", "--env", "prod"],
      'error: export.json [import-input]: --env: expected one of mainnet-prod, testnet-prod, testnet-stagef, got "prod"',
    ],
    [[], "error: expected exactly one input file"],
  ])("rejects the command line %j", async (argv, message) => {
    const root = project();
    writeFileSync(join(root, "export.json"), JSON.stringify(monitor()));
    const err: string[] = [];

    const code = await importMonitors(argv, root, {
      out: () => {},
      err: (l) => err.push(l),
    });

    expect(code).toBe(2);
    expect(err.join("\n")).toContain(message);
    expect(written(root)).toEqual([]);
  });

  it("runs as npm run import from the repository", () => {
    const result = spawnSync(
      "npx",
      ["tsx", "scripts/import.ts", "nothing.json"],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "nothing.json: expected a readable file, got ENOENT",
    );
  });
});
