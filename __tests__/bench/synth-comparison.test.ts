import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RawProject } from "../../bench/raw-project.js";
import {
  prepareSides,
  timeCheckCost,
  verifySameOutput,
} from "../../bench/synth-comparison.js";
import { useCompiledApp } from "../support/bench-build.js";
import { tempDir } from "../support/project.js";

const monitorCount = (outdir: string) =>
  readdirSync(join(outdir, "stacks")).reduce((n, stack) => {
    const json = JSON.parse(
      readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"),
    ) as { resource?: { datadog_monitor?: object } };
    return n + Object.keys(json.resource?.datadog_monitor ?? {}).length;
  }, 0);

describe("ours against the raw-cdktf baseline", () => {
  const build = useCompiledApp();

  it("synthesizes the same 20 monitors both ways", () => {
    const dir = tempDir();
    const sides = prepareSides(dir, build(), 20);

    expect(() => verifySameOutput(sides, dir)).not.toThrow();
    expect(monitorCount(sides.oursOut)).toBe(20);
    expect(monitorCount(sides.rawOut)).toBe(20);
    expect(sides.stacks).toBe(10);
  });

  it("synthesizes the same stacks with and without the checks", () => {
    const dir = tempDir();
    const sides = prepareSides(dir, build(), 20);

    const cost = timeCheckCost(sides, 1, dir);
    expect(cost.checked).toHaveLength(1);
    expect(cost.unchecked).toHaveLength(1);
    expect(cost.unchecked[0]!.cpuMs).toBeGreaterThan(0);
    expect(monitorCount(sides.oursOut)).toBe(20);
  });

  it("refuses to time sides whose output differs", () => {
    const dir = tempDir();
    const sides = prepareSides(dir, build(), 20);
    const rawJson = join(dir, "raw.json");
    const raw = JSON.parse(readFileSync(rawJson, "utf8")) as RawProject;
    const first = raw.stacks[0]!.monitors[0]!;
    (first.config as { query: string }).query += " ";
    writeFileSync(rawJson, JSON.stringify(raw));

    expect(() => verifySameOutput(sides, dir)).toThrow(
      `${raw.stacks[0]!.name}.resource.datadog_monitor.${first.id}.query`,
    );
  });
});
