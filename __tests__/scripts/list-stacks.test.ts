import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listStacks } from "../../scripts/list-stacks.js";

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

function synthOutput(manifest?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "stacks-"));
  temps.push(dir);
  mkdirSync(dir, { recursive: true });
  if (manifest !== undefined)
    writeFileSync(join(dir, "manifest.json"), manifest);
  return dir;
}

async function capture(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await listStacks(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const manifest = JSON.stringify({
  version: "0.21.0",
  stacks: { "b-oncall": {}, "a-dev": {}, "a-oncall": {}, "b-dev": {} },
});

describe("npm run stacks", () => {
  it.each([
    {
      name: "every stack, sorted",
      args: [],
      expected: '["a-dev","a-oncall","b-dev","b-oncall"]',
    },
    {
      name: "the paging stacks only",
      args: ["--tier", "oncall"],
      expected: '["a-oncall","b-oncall"]',
    },
    {
      name: "the dev stacks only",
      args: ["--tier", "dev"],
      expected: '["a-dev","b-dev"]',
    },
  ])(
    "prints $name as a JSON list for a CI matrix",
    async ({ args, expected }) => {
      const result = await capture("--out", synthOutput(manifest), ...args);

      expect(result.code).toBe(0);
      expect(result.out).toBe(expected);
    },
  );

  it("exits 2 when there is no manifest, telling to synth first", async () => {
    const dir = synthOutput();
    const result = await capture("--out", dir);

    expect(result.code).toBe(2);
    expect(result.err.split("\n")[0]).toBe(
      `error: ${dir}/manifest.json [synth-manifest]: expected a manifest, got no file; run npm run synth`,
    );
  });

  it("exits 2 on an unknown tier", async () => {
    const result = await capture("--tier", "prod");

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      'error: --tier: expected one of oncall, dev, got "prod"',
    );
  });
});
