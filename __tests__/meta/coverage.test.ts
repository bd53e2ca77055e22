import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/project.js";

const sources = (dir: string) =>
  readdirSync(join(repoRoot, dir)).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".d.ts"),
  );

describe("test coverage by file", () => {
  const files = ["lib/factories", "lib/validate/checks"].flatMap((dir) =>
    sources(dir).map((file) => [dir, file] as const),
  );

  it.each(files)("%s/%s has a unit test", (dir, file) => {
    const test = join(
      repoRoot,
      "__tests__",
      dir,
      file.replace(/\.ts$/, ".test.ts"),
    );
    expect(existsSync(test), `${test} is missing`).toBe(true);
  });
});

describe("README", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const scripts = (
    JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;

  it("gives the two fresh-machine commands", () => {
    expect(readme).toContain("npm ci && npm run synth");
    expect(readme).toContain("npm test");
  });

  it("only mentions npm scripts that exist", () => {
    const mentioned = [...readme.matchAll(/npm run ([a-z:-]+)/g)].map(
      (m) => m[1]!,
    );

    expect(mentioned.length).toBeGreaterThan(2);
    for (const name of new Set(mentioned))
      expect(scripts, `npm run ${name}`).toHaveProperty(name);
  });

  it("is what .ci/run runs", () => {
    const ci = readFileSync(join(repoRoot, ".ci/run"), "utf8");

    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
