import { describe, expect, it } from "vitest";
import type { Sample } from "../../bench/measure-process.js";
import {
  type BenchResults,
  checkShare,
  judgeTargets,
  renderReport,
} from "../../bench/render-report.js";

const samples = (ms: number, rssKb: number, cpuMs = ms): Sample[] =>
  [0.9, 1, 1.2].map((f) => ({ ms: ms * f, rssKb, cpuMs: cpuMs * f }));

const results: BenchResults = {
  date: "2025-01-01 00:00 UTC",
  command: "npm run bench",
  machine: {
    cpus: 2,
    model: "Test CPU",
    memoryGiB: 8,
    node: "v20.0.0",
    kernel: "6.0",
    load: 0.5,
  },
  loadAfter: 0.7,
  runs: 3,
  sizes: [
    {
      monitors: 100,
      stacks: 10,
      ours: samples(500, 120_000),
      raw: samples(400, 100_000),
    },
    {
      monitors: 1000,
      stacks: 10,
      ours: samples(1100, 110_000, 1200),
      raw: samples(1000, 100_000),
    },
    {
      monitors: 10000,
      stacks: 10,
      ours: samples(12000, 300_000),
      raw: samples(11000, 290_000),
    },
  ],
  real: { npmSynth: samples(1500, 0), cdktfSynth: samples(2500, 0) },
  checkCost: {
    monitors: 10000,
    checked: [6000, 6300, 6100].map((ms) => ({
      ms,
      rssKb: 300_000,
      cpuMs: ms,
    })),
    unchecked: [5800, 6000, 6050].map((ms) => ({
      ms,
      rssKb: 290_000,
      cpuMs: ms - 100,
    })),
  },
  parseCheck: {
    monitors: 10000,
    checkMs: [100, 120, 110],
    parseMs: [200, 240, 220],
    parseFailures: 0,
  },
  profiles: [],
};

describe("judgeTargets", () => {
  it("judges each target on the medians", () => {
    expect(
      judgeTargets(results).map((t) => [t.target, t.measured, t.met]),
    ).toEqual([
      ["time ours/raw ≤ 1.15 at 100", "wall 1.250×, CPU 1.250×", false],
      ["peak RSS ours/raw ≤ 1.15 at 100", "1.200×", false],
      ["time ours/raw ≤ 1.15 at 1,000", "wall 1.100×, CPU 1.200×", false],
      ["peak RSS ours/raw ≤ 1.15 at 1,000", "1.100×", true],
      ["time ours/raw ≤ 1.15 at 10,000", "wall 1.091×, CPU 1.091×", true],
      ["peak RSS ours/raw ≤ 1.15 at 10,000", "1.034×", true],
      [
        "ours at 1,000 costs ≤ 10× its time at 100",
        "wall 2.200×, CPU 2.400×",
        true,
      ],
      [
        "ours at 10,000 costs ≤ 10× its time at 1,000",
        "wall 10.909×, CPU 10.000×",
        false,
      ],
      ["`npm run synth` on this repository < 2.00 s", "1.50 s", true],
      [
        "checks add < 10% to the synth of 10,000 monitors (issue 3)",
        "wall 3.3%, CPU 5.1%",
        true,
      ],
    ]);
  });
});

describe("checkShare", () => {
  it("misses when the paired differences exceed a tenth of synth", () => {
    const checked = [1200, 1150, 1300].map((ms) => ({ ms, cpuMs: ms }));
    const unchecked = [1000, 1050, 1000].map((ms) => ({ ms, cpuMs: ms }));
    const withCost = {
      ...results,
      checkCost: { monitors: 10000, checked, unchecked },
    };

    expect(checkShare(withCost.checkCost)).toEqual({ wall: 0.2, cpu: 0.2 });
    expect(judgeTargets(withCost).at(-1)!.met).toBe(false);
  });
});

describe("renderReport", () => {
  it("gives the parse and check rates", () => {
    const report = renderReport(results);

    expect(report).toContain(
      "| parse every query (`parseQuery`) | 10,000 | 220.0 | 45,455 |",
    );
    expect(report).toContain(
      "| all checks (`validatePlan`, what synth runs) | 10,000 | 110.0 | 90,909 |",
    );
    expect(report).not.toContain("failed to parse");
    expect(report).toContain(
      "| checks add (median of paired differences) | 3.3% | 5.1% | |",
    );
  });
});
