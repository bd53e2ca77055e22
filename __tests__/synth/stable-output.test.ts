import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthesize } from "../../lib/render/app.js";
import {
  monitorsOf,
  planAt,
  repoRoot,
  synthToJson,
  tempDir,
  tempProject,
} from "../support/project.js";

const files = (outdir: string) =>
  readdirSync(join(outdir, "stacks"))
    .sort()
    .map((s) => readFileSync(join(outdir, "stacks", s, "cdk.tf.json"), "utf8"));

describe("synthesized output", () => {
  it("is byte-identical across two synths of the same input", async () => {
    const [a, b] = [tempDir(), tempDir()];
    synthesize((await planAt(repoRoot)).plan, { outdir: a });
    synthesize((await planAt(repoRoot)).plan, { outdir: b });

    expect(files(a).length).toBe(6);
    expect(files(b)).toEqual(files(a));
  });

  it("picks up a new monitor file with no other edit", async () => {
    const root = tempProject({
      monitors: {
        "db-pool-waiting.ts": `
          import { defineMonitor } from "LIB/model/definition.js";
          import { redisUnavailable } from "LIB/factories/redis-unavailable.js";
          export default defineMonitor({
            tier: "dev",
            build: (ctx) => ({ ...redisUnavailable(ctx), id: "db-pool-waiting", name: "DB pool waiting" }),
          });`,
      },
    });
    const output = synthToJson(await planAt(root));

    expect(Object.keys(monitorsOf(output, "testnet-prod-dev")).sort()).toEqual([
      "db-pool-waiting",
      "redis-unavailable",
    ]);
    expect(
      monitorsOf(output, "testnet-prod-dev")["db-pool-waiting"]?.name,
    ).toBe("DB pool waiting");
  });

  it("keeps the resource id when a monitor's display name changes", async () => {
    const renamed = tempProject({
      monitors: {
        "circuit-breaker-open.ts": `
          import { defineMonitor } from "LIB/model/definition.js";
          import { circuitBreakerOpen } from "LIB/factories/circuit-breaker-open.js";
          export default defineMonitor({
            tier: "oncall",
            build: (ctx) => ({ ...circuitBreakerOpen(ctx), name: "Breaker tripped" }),
          });`,
      },
    });
    const before = monitorsOf(
      synthToJson(await planAt(repoRoot)),
      "mainnet-prod-oncall",
    );
    const after = monitorsOf(
      synthToJson(await planAt(renamed)),
      "mainnet-prod-oncall",
    );

    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after["circuit-breaker-open"]?.name).toBe("Breaker tripped");
    expect({ ...after["circuit-breaker-open"], name: "" }).toEqual({
      ...before["circuit-breaker-open"],
      name: "",
    });
  });

  it("escapes Terraform sequences and trims names and messages", async () => {
    const root = tempProject({
      monitors: {
        "runbook-snippet.ts": `
          import { defineMonitor } from "LIB/model/definition.js";
          import { redisUnavailable } from "LIB/factories/redis-unavailable.js";
          export default defineMonitor({
            tier: "dev",
            build: (ctx) => {
              const spec = redisUnavailable(ctx);
              return { ...spec, id: "snippet", name: "  Costs \${HOME} %{x}  ",
                message: "\\n run: kubectl logs \${POD} {{value}}\\n" + spec.message + "\\n\\n" };
            },
          });`,
      },
    });
    const m = monitorsOf(synthToJson(await planAt(root)), "testnet-prod-dev")[
      "snippet"
    ]!;

    expect(m.name).toBe("Costs $${HOME} %%{x}");
    expect(m.message.startsWith("run: kubectl logs $${POD} {{value}}\n")).toBe(
      true,
    );
    expect(m.message.endsWith("{{/is_recovery}}")).toBe(true);
  });
});
