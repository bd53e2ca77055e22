import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { guard } from "../../scripts/guard.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const plans = "__tests__/fixtures/plans";

/** Runs the real script the way CI does: exit code and both streams. */
const run = (...args: string[]) =>
  spawnSync(`${root}node_modules/.bin/tsx`, ["scripts/guard.ts", ...args], {
    cwd: root,
    encoding: "utf8",
  });

/** Runs it in-process with captured output. */
async function capture(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await guard(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run guard", () => {
  it("exits 0 and prints the report for a safe plan", () => {
    const result = run(`${plans}/create-update.json`);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("**passed**");
    expect(result.stderr).toBe("");
  });

  it("exits 1 when a paging monitor would be replaced", () => {
    const result = run(
      `${plans}/replace-paging.json`,
      "--stack",
      "mainnet-prod-oncall",
    );

    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      "mainnet-prod-oncall/alb-5xx-rate  <why it may be destroyed>",
    );
  });

  it("exits 2 on a file that is not a plan, with a message and no stack trace", () => {
    const result = run(`${plans}/not-json.txt`);

    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^error: __tests__\/fixtures\/plans\/not-json\.txt \[plan-input\]: expected JSON/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it.each([
    {
      name: "no plan file",
      args: [],
      message: "error: expected exactly one plan file",
    },
    {
      name: "two plan files",
      args: ["a.json", "b.json"],
      message: "error: expected exactly one plan file",
    },
    {
      name: "a limit that is not a number",
      args: [`${plans}/delete.json`, "--max-destroy", "many"],
      message: 'error: --max-destroy: expected a whole number, got "many"',
    },
    {
      name: "an unknown option",
      args: [`${plans}/delete.json`, "--force"],
      message: "error: Unknown option '--force'",
    },
    {
      name: "a missing allow file",
      args: [`${plans}/delete.json`, "--allow", "nowhere.txt"],
      message:
        "error: nowhere.txt [allow-file]: expected an allow file, got none",
    },
  ])("exits 2 on $name", async ({ args, message }) => {
    const result = await capture(...args);

    expect(result.code).toBe(2);
    expect(result.err.split("\n")[0]).toContain(message);
  });

  it("reads the allow file and the limit from the command line", async () => {
    const result = await capture(
      `${plans}/delete.json`,
      "--allow",
      "__tests__/fixtures/plans/allow.txt",
      "--max-destroy",
      "1",
      "--stack",
      "mainnet-prod-oncall",
    );

    expect(result.code).toBe(0);
    expect(result.out).toContain(
      "allowed by __tests__/fixtures/plans/allow.txt:2: monitor retired with the operator pool (#51)",
    );
  });
});
