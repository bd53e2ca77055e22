import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDefinitions } from "../../lib/registry.js";
import { repoRoot, tempDir } from "../support/project.js";

const definition = `
  import { defineMonitor } from "${repoRoot}/lib/model/definition.js";
  export default defineMonitor({ tier: "dev", build: () => [] });`;

describe("loadDefinitions", () => {
  it("reads files in name order however they load, reporting each problem", async () => {
    const root = tempDir();
    const files: Record<string, string> = {
      "d-last.ts": definition,
      "b-broken.ts": 'throw new Error("boom\\nsecond line");',
      "a-first.ts": `await new Promise((r) => setTimeout(r, 50));${definition}`,
      "c-empty.ts": "export const x = 1;",
      "e.test.ts": "this file is skipped",
    };
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(root, name), text);

    const { value, diagnostics } = await loadDefinitions(root, "monitor", root);

    expect(value.map((v) => v.file)).toEqual(["a-first.ts", "d-last.ts"]);
    expect(diagnostics.map((d) => [d.where, d.message])).toEqual([
      ["b-broken.ts:1:7", "expected a module that loads, got boom"],
      [
        "c-empty.ts",
        "expected a default export made by defineMonitor(...), got no default export",
      ],
    ]);
  });
});
