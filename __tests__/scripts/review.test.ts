import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { review } from "../../scripts/review.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pair = "__tests__/fixtures/review/pull-request";
const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

async function capture(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await review(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run review", () => {
  it("prints the review and writes the same text to --out", async () => {
    const dir = mkdtempSync(join(tmpdir(), "review-out-"));
    temps.push(dir);
    const out = join(dir, "review.md");

    const result = await capture(
      "--base",
      `${pair}/base`,
      "--head",
      `${pair}/head`,
      "--out",
      out,
    );

    const expected = readFileSync(`${pair}/expected.md`, "utf8");
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(expected);
    expect(`${result.out}\n`).toBe(expected);
  });

  it("exits 2 without a stack trace when a folder is missing", () => {
    const result = spawnSync(
      `${root}node_modules/.bin/tsx`,
      ["scripts/review.ts", "--base", "nowhere", "--head", `${pair}/head`],
      { cwd: root, encoding: "utf8" },
    );

    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "error: nowhere [synth-output]: expected a synth output folder, got nothing there\n" +
        "1 problem(s) in the input\n",
    );
  });

  it("cuts the --out file to --out-limit at a stack boundary, not stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "review-out-"));
    temps.push(dir);
    const out = join(dir, "review.md");

    const result = await capture(
      ...["--base", `${pair}/base`, "--head", `${pair}/head`],
      ...["--out", out, "--out-limit", "1500"],
    );

    const written = readFileSync(out, "utf8");
    expect(result.code).toBe(0);
    expect(written.length).toBeLessThanOrEqual(1500);
    expect(written).toMatch(
      /^\*\*Monitor review:\*\* 3 paging monitors changed/,
    );
    expect(written).toMatch(
      /\n_\d+ more stack sections left out to fit; the job summary has the whole review\._\n$/,
    );
    expect(`${result.out}\n`).toBe(readFileSync(`${pair}/expected.md`, "utf8"));
  });

  it("exits 2 and shows the usage when --head is missing", async () => {
    const result = await capture("--base", `${pair}/base`);

    expect(result.code).toBe(2);
    expect(result.err).toBe(
      "error: --base and --head are both required\n" +
        "usage: npm run review -- --base <cdktf.out> --head <cdktf.out> [--out <file> [--out-limit <chars>]]",
    );
  });
});
