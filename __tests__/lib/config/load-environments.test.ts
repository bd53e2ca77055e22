import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnvironments } from "../../../lib/config/load-environments.js";
import { repoEnvironments, tempProject } from "../../support/project.js";

const load = (root: string) =>
  loadEnvironments(join(root, "config/environments"), root);

describe("loadEnvironments", () => {
  it("reads the repository's three environments with their chains", () => {
    const envs = repoEnvironments();

    expect(envs.map((e) => e.name)).toEqual([
      "mainnet-prod",
      "testnet-prod",
      "testnet-stagef",
    ]);
    expect(envs.map((e) => e.chains.map((c) => c.id))).toEqual([
      [1, 8453],
      [11155111, 84532],
      [11155111, 84532],
    ]);
    expect(
      envs.find((e) => e.name === "testnet-prod")?.services.gateway
        .desiredCount,
    ).toBe(10);
  });

  it("defaults the backend to local state per stack", () => {
    const stagef = repoEnvironments().find((e) => e.name === "testnet-stagef");

    expect(stagef?.backend).toEqual({
      type: "local",
      path: "terraform.{stack}.tfstate",
    });
  });

  const prod = "testnet-prod.yaml";
  it.each([
    {
      name: "malformed YAML",
      edit: (y: string) => y.replace("team: gateway", "team: [gateway"),
      check: "config-yaml",
      where: /testnet-prod\.yaml:\d+$/,
      path: "",
      message: /^expected valid YAML, got /,
    },
    {
      name: "an unknown key, with the near miss suggested",
      edit: (y: string) =>
        y.replace("team: gateway", "team: gateway\nteem: gateway"),
      check: "config-schema",
      where: /testnet-prod\.yaml:6$/,
      path: "teem",
      message: /^unknown key; expected one of alb, backend, chains/,
      hint: 'did you mean "team"?',
    },
    {
      name: "a chain id that is not a number",
      edit: (y: string) => y.replace("id: 84532", "id: base-sepolia"),
      check: "config-schema",
      where: /testnet-prod\.yaml:11$/,
      path: "chains[1].id",
      message: /^expected a number, got "base-sepolia"$/,
    },
    {
      name: "an oncall tier with no paging handle",
      edit: (y: string) =>
        y.replace(
          'alert: ["@pagerduty-gateway-testnet"]',
          'alert: ["@slack-gateway-alerts"]',
        ),
      check: "oncall-paging-handle",
      where: /testnet-prod\.yaml:\d+$/,
      path: "notifications.oncall.alert",
      message:
        /^expected at least one paging handle .*got \["@slack-gateway-alerts"\]$/,
    },
    {
      name: "a paging handle in the dev tier",
      edit: (y: string) =>
        y.replace(
          'warning: ["@slack-gateway-dev"]',
          'warning: ["@pagerduty-gateway-testnet"]',
        ),
      check: "dev-no-paging",
      where: /testnet-prod\.yaml:\d+$/,
      path: "notifications.dev.warning[0]",
      message:
        /^expected a non-paging handle, got "@pagerduty-gateway-testnet"$/,
    },
    {
      name: "the same chain listed twice",
      edit: (y: string) => y.replace("id: 84532", "id: 11155111"),
      check: "config-duplicate-chain",
      where: /testnet-prod\.yaml:11$/,
      path: "chains[1].id",
      message:
        /^expected a unique chain id, got 11155111 again \(first at chains\[0\]\)$/,
    },
    {
      name: "a name that differs from the file name",
      edit: (y: string) =>
        y.replace("name: testnet-prod", "name: testnet-production"),
      check: "config-name",
      where: /testnet-prod\.yaml:2$/,
      path: "name",
      message:
        /^expected "testnet-prod" \(the file name\), got "testnet-production"$/,
    },
    {
      name: "DynamoDB locking without a table",
      edit: (y: string) => y.replace("locking: lockfile", "locking: dynamodb"),
      check: "config-backend",
      where: /testnet-prod\.yaml:\d+$/,
      path: "backend.dynamodbTable",
      message: /^expected a table name when locking is dynamodb, got nothing$/,
    },
    {
      name: "an unknown backend type",
      edit: (y: string) => y.replace("type: s3", "type: gcs"),
      check: "config-schema",
      where: /testnet-prod\.yaml:\d+$/,
      path: "backend.type",
      message: /^expected one of local, s3, cloud, got "gcs"$/,
    },
  ])(
    "reports $name as exactly one error",
    ({ edit, check, where, path, message, hint }) => {
      const result = load(
        tempProject({ edit: { [prod]: edit }, withRepoMonitors: false }),
      );

      expect(result.diagnostics).toHaveLength(1);
      const [d] = result.diagnostics;
      expect(d).toMatchObject({ level: "error", check, path });
      expect(d!.where).toMatch(where);
      expect(d!.message).toMatch(message);
      if (hint) expect(d!.hint).toBe(hint);
      expect(result.value.map((e) => e.name)).toEqual([
        "mainnet-prod",
        "testnet-stagef",
      ]);
    },
  );

  it("reports problems in several files at once", () => {
    const result = load(
      tempProject({
        edit: {
          "testnet-prod.yaml": (y) => y.replace("id: 84532", 'id: "x"'),
          "mainnet-prod.yaml": (y) =>
            y.replace("site: datadoghq.com", "site: datadog.example"),
        },
        withRepoMonitors: false,
      }),
    );

    expect(result.diagnostics.map((d) => `${d.where} ${d.path}`)).toEqual([
      "config/environments/mainnet-prod.yaml:4 datadog.site",
      "config/environments/testnet-prod.yaml:11 chains[1].id",
    ]);
  });
});
