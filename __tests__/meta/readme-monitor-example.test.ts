import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { planAt, repoRoot, tempProject } from "../support/project.js";

/** The code blocks of one language in the README's "Add a monitor" section. */
function examples(lang: string): string[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf("## Add a monitor: one file");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const fence = new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g");
  return [...section.matchAll(fence)].map((m) => m[1]!);
}

/** Definition files import `../lib/`; a copy elsewhere needs the full path. */
const relocate = (text: string) => text.replaceAll('"../lib/', '"LIB/');

it("synths the README's monitor examples and YAML override as written", async () => {
  const [factoryExample, customExample] = examples("ts");
  const [yaml] = examples("yaml");
  expect(factoryExample).toContain("id:");
  expect(customExample).toContain("monitorSpec(ctx,");
  expect(yaml).toMatch(/^thresholds:\n/);

  const root = tempProject({
    edit: {
      "mainnet-prod.yaml": (y) => y.replace(/^thresholds:\n(  .*\n)*/m, yaml!),
    },
    monitors: {
      "example.ts": relocate(factoryExample!),
      "custom.ts": relocate(customExample!),
    },
  });
  const result = await planAt(root);
  const dev = result.plan.stacks.find((s) => s.name === "mainnet-prod-dev")!;
  const spec = (id: string) => dev.monitors.find((m) => m.spec.id === id)?.spec;

  expect(result.diagnostics).toEqual([]);
  expect(spec("gateway-latency-p99-strict")).toMatchObject({
    name: "[mainnet-prod] Gateway P99 latency above 1s on chain {{chain_id.name}}",
    thresholds: { critical: 1 },
  });
  expect(spec("gateway-latency-p99-strict")?.message).toContain(
    "/mainnet/gateway-latency-p99\n",
  );
  expect(spec("db-pool-waiting")?.thresholds).toEqual({
    critical: 20,
    warning: 5,
  });
});
