import { describe, expect, it } from "vitest";
import { planImport } from "../../../lib/import/plan-import.js";
import { repoEnvironments } from "../../support/project.js";

const monitor = (overrides: Record<string, unknown> = {}) => ({
  id: 4242001,
  name: "[testnet-prod] Redis latency high",
  type: "query alert",
  query: "avg(last_10m):avg:gateway.redis.latency{env:testnet-prod} > 0.5",
  message: "Redis is slow. @slack-gateway-dev",
  tags: ["env:testnet-prod", "team:gateway"],
  options: { thresholds: { critical: 0.5 } },
  ...overrides,
});

const plan = (input: unknown, request: Record<string, unknown> = {}) =>
  planImport({
    file: "export.json",
    text: typeof input === "string" ? input : JSON.stringify(input),
    environments: repoEnvironments(),
    monitorsDir: "monitors",
    exists: () => false,
    ...request,
  });

const errorsOf = (result: ReturnType<typeof plan>) =>
  result.diagnostics
    .filter((d) => d.level === "error")
    .map((d) => `${d.path}: ${d.message}`);

describe("planImport", () => {
  it("writes one file per monitor, adopting it in the --env it came from", () => {
    const result = plan([monitor()], { env: "testnet-prod" });

    expect(result.diagnostics).toEqual([]);
    expect(result.files).toMatchObject([
      {
        path: "monitors/redis-latency-high.ts",
        id: "redis-latency-high",
        tier: "dev",
        importId: 4242001,
        adoptIn: "testnet-prod",
        todos: [],
      },
    ]);
    expect(result.files[0]!.text).toContain('environments: ["testnet-prod"],');
    expect(result.files[0]!.text).toContain(
      'importIds: { "testnet-prod": 4242001 }',
    );
  });

  it("without --env keeps a raw monitor to the environment it names", () => {
    const result = plan(monitor());

    expect(result.files[0]).toMatchObject({ adoptIn: "testnet-prod" });
    // Its query, name and pager are testnet-prod's own text: applied to
    // every environment it would copy that monitor into mainnet-prod.
    expect(result.files[0]!.text).toContain('environments: ["testnet-prod"],');
  });

  it("keeps a raw monitor without an id to the environment it names", () => {
    const result = plan(monitor({ id: undefined }));

    expect(errorsOf(result)).toEqual([]);
    expect(result.files[0]!.text).toContain('environments: ["testnet-prod"],');
  });

  it("asks for --env when nothing ties the id to an environment", () => {
    const result = plan(monitor({ name: "Redis latency", tags: [] }));

    expect(result.files).toEqual([]);
    expect(errorsOf(result)).toEqual([
      "id: expected --env to say which environment monitor 4242001 lives in, got no env: tag or [env] prefix naming one",
    ]);
  });

  it("puts a paging monitor on the oncall tier with a TODO per policy gap", () => {
    const result = plan(
      monitor({ message: "Redis is slow. @pagerduty-gateway-testnet" }),
      { env: "testnet-prod" },
    );

    expect(result.files[0]).toMatchObject({
      tier: "oncall",
      todos: [
        "oncall-no-data",
        "oncall-owner-tags",
        "oncall-paging-handle",
        "oncall-runbook",
        "priority-range",
      ],
    });
    expect(result.files[0]!.text).toContain(
      '"oncall-runbook": "TODO(#6): imported as is; message: expected a runbook link',
    );
  });

  it("leaves a check failing in only some environments to npm run check, with a warning", () => {
    // Names no environment, so the file applies to every one.
    const result = plan(
      monitor({
        id: undefined,
        name: "Redis latency high",
        tags: ["team:gateway"],
        message: "@pagerduty-gateway-testnet",
        priority: 1,
      }),
    );

    expect(result.files[0]!.text).not.toContain("environments:");
    expect(result.files[0]!.todos).not.toContain("priority-range");
    expect(
      result.diagnostics.filter((d) => d.check === "priority-range"),
    ).toMatchObject([
      {
        level: "warning",
        where: "monitors/redis-latency-high.ts",
        path: "priority",
        message:
          "expected 2 to 4 for an oncall monitor in testnet-prod, got 1 (in testnet-prod, testnet-stagef only, so no opt-out; npm run check reports it)",
      },
    ]);
  });

  it("refuses a paging monitor on the dev tier", () => {
    const result = plan(
      monitor({ message: "@pagerduty-gateway-testnet wake up" }),
      { env: "testnet-prod", tier: "dev" },
    );

    expect(errorsOf(result)).toEqual([
      'message: expected no paging handle in a dev-tier monitor, got "@pagerduty-gateway-testnet"',
    ]);
  });

  it("reports every problem in the input at once and plans no file", () => {
    const result = plan(
      [
        monitor(),
        { hello: "world" },
        monitor({ id: 2, type: "synthetics alert" }),
        monitor({ id: 3, query: "avg(last_5m):avg:x{a:b} >" }),
        monitor(),
      ],
      { env: "testnet-prod" },
    );

    expect(result.files).toEqual([]);
    expect(errorsOf(result).map((e) => e.slice(0, e.indexOf(": ")))).toEqual([
      "[1]",
      "[2].type",
      "[3].query",
      "[4].id",
    ]);
  });

  it("points from the search API's summaries to the monitor API", () => {
    const result = plan({ monitors: [{ id: 1 }], metadata: {} });

    expect(result.diagnostics).toMatchObject([
      {
        path: "",
        hint: "the search API lists summaries; export with GET /api/v1/monitor instead",
      },
    ]);
  });

  it("refuses text that is not JSON", () => {
    expect(errorsOf(plan('{"id": 1,'))).toEqual([
      ": expected JSON, got a syntax error at line 1, column 10 (Expected double-quoted property name)",
    ]);
  });

  it("refuses to overwrite an existing file unless forced", () => {
    const exists = (p: string) => p === "monitors/redis-latency-high.ts";

    expect(errorsOf(plan(monitor(), { env: "testnet-prod", exists }))).toEqual([
      ": expected monitors/redis-latency-high.ts not to exist, got an existing file",
    ]);
    expect(
      plan(monitor(), { env: "testnet-prod", exists, force: true }).files,
    ).toHaveLength(1);
  });

  it("gives monitors with the same name distinct ids", () => {
    const result = plan([monitor(), monitor({ id: 7 })], {
      env: "testnet-prod",
    });

    expect(result.files.map((f) => f.id)).toEqual([
      "redis-latency-high",
      "redis-latency-high-7",
    ]);
  });
});
