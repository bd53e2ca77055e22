import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/model/diagnostic.js";
import { reviewOutputs } from "../../../lib/review/review-outputs.js";

const fixtures = fileURLToPath(
  new URL("../../fixtures/review/", import.meta.url),
);
const pair = (name: string) =>
  reviewOutputs(join(fixtures, name, "base"), join(fixtures, name, "head"));

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

/** A synth output folder with the given stack files, in a temp dir. */
function synthOutput(stacks: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "review-"));
  temps.push(dir);
  for (const [name, text] of Object.entries(stacks)) {
    mkdirSync(join(dir, "stacks", name), { recursive: true });
    writeFileSync(join(dir, "stacks", name, "cdk.tf.json"), text);
  }
  mkdirSync(join(dir, "stacks"), { recursive: true });
  return dir;
}

describe("reviewOutputs", () => {
  it("renders a whole pull request exactly as the golden file", () => {
    const result = pair("pull-request");

    expect(result.diagnostics).toEqual([]);
    expect(result.markdown).toBe(
      readFileSync(join(fixtures, "pull-request/expected.md"), "utf8"),
    );
  });

  it("starts with the one-line summary, paging first", () => {
    const first = pair("pull-request").markdown!.split("\n")[0];

    expect(first).toBe(
      "**Monitor review:** 3 paging monitors changed (1 renamed), 1 added, " +
        "2 removed, 1 other monitor changed, 1 added, 1 dashboard changed " +
        "(1 renamed), 1 added, 1 stack added, 1 removed, mainnet-prod-dev " +
        "settings changed, legacy no longer pages @pagerduty-legacy, " +
        "mainnet-prod pages 1 more handle (@opsgenie-gateway-mainnet), " +
        "testnet-stagef pages 1 more handle (@pagerduty-gateway-testnet)",
    );
  });

  it("shows a new display name on the same id as a rename, not remove and add", () => {
    expect(pair("rename-only").markdown).toBe(
      [
        "**Monitor review:** 1 paging monitor changed (1 renamed)",
        "",
        "### mainnet-prod-oncall",
        "",
        "#### Paging monitors",
        "",
        "- **renamed** `chain-block-lag-1` `[mainnet-prod] Block lag high on ethereum` → `[mainnet-prod] Ethereum block lag high`",
        "",
      ].join("\n"),
    );
  });

  it("says so when nothing changed and lists the stacks it compared", () => {
    expect(pair("unchanged").markdown).toBe(
      "**Monitor review:** no monitor or dashboard changes\n\n" +
        "Unchanged stacks: `mainnet-prod-dev`, `mainnet-prod-oncall`\n",
    );
  });

  it("gives byte-identical output on every run", () => {
    expect(pair("pull-request").markdown).toBe(pair("pull-request").markdown);
  });

  it("shows what Datadog receives, not Terraform's escapes", () => {
    const stack = (query: string) =>
      JSON.stringify({
        resource: {
          datadog_monitor: {
            m: {
              name: "M",
              type: "query alert",
              query,
              message: "run $${POD}",
            },
          },
        },
      });
    const base = synthOutput({ "x-dev": stack("avg(last_5m):a{*} > 1") });
    const head = synthOutput({ "x-dev": stack("avg(last_5m):a{*} > 2") });

    const markdown = reviewOutputs(base, head).markdown!;

    expect(markdown).toContain("    - avg(last_5m):a{*} > 1\n");
    expect(markdown).not.toContain("$${");
  });

  it("says when an added monitor adopts an existing Datadog monitor", () => {
    const head = synthOutput({
      "x-oncall": JSON.stringify({
        import: [{ id: "12345", to: "datadog_monitor.m" }],
        resource: {
          datadog_monitor: {
            m: {
              name: "M",
              type: "query alert",
              query: "avg(last_5m):a{*} > 1",
            },
          },
        },
      }),
    });

    expect(reviewOutputs(synthOutput({}), head).markdown).toContain(
      "- **added** `m` `M`\n  - type: `query alert`\n" +
        "  - query: `avg(last_5m):a{*} > 1`\n  - tags: (none)\n" +
        "  - imports Datadog monitor: `12345`\n",
    );
  });

  it("reports every unreadable input at once and renders nothing", () => {
    const base = synthOutput({
      "a-oncall": "{ not json",
      "b-oncall": JSON.stringify({
        resource: {
          datadog_monitor: { m: { name: "M", type: "query alert" } },
          datadog_dashboard_json: { d: { dashboard: "{ nope" } },
        },
      }),
    });
    const missing = join(base, "nowhere");

    const result = reviewOutputs(base, missing);

    expect(result.markdown).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${base}/nowhere [synth-output]: expected a synth output folder, got nothing there`,
      expect.stringMatching(
        new RegExp(
          `^${base}/stacks/a-oncall/cdk.tf.json \\[synth-output\\]: expected JSON, got a parse error: `,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${base}/stacks/b-oncall/cdk.tf.json \\[synth-resource\\]: resource.datadog_dashboard_json.d.dashboard: expected a JSON document, got a parse error: `,
        ),
      ),
      `${base}/stacks/b-oncall/cdk.tf.json [synth-resource]: resource.datadog_monitor.m.query: expected a string, got nothing`,
    ]);
  });
});
