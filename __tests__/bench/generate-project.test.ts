import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateProject, spread } from "../../bench/generate-project.js";
import { nodeCommand, timeProcess } from "../../bench/measure-process.js";
import type { RawProject } from "../../bench/raw-project.js";
import { useCompiledApp } from "../support/bench-build.js";
import { tempDir } from "../support/project.js";

describe("spread", () => {
  it.each([
    ["splits evenly when it can", 12, 4, [3, 3, 3, 3]],
    ["gives the remainder to the first parts", 10, 4, [3, 3, 2, 2]],
    ["leaves parts empty when there are too few", 3, 5, [1, 1, 1, 0, 0]],
  ])("%s", (_, total, parts, expected) => {
    expect(spread(total, parts)).toEqual(expected);
  });
});

describe("generateProject", () => {
  const build = useCompiledApp();

  /** Plans the project through our path and reads back what it built. */
  const planned = (root: string): RawProject => {
    const out = join(root, "raw.json");
    timeProcess(
      nodeCommand(build(), "bench/dump-raw-project.js", [root, out], root),
      root,
    );
    return JSON.parse(readFileSync(out, "utf8")) as RawProject;
  };

  it.each([20, 137])(
    "writes a project that builds exactly %i monitors",
    (monitors) => {
      const project = generateProject(tempDir(), build(), { monitors });
      const raw = planned(project.root);
      const perStack = Object.fromEntries(
        raw.stacks.map((s) => [s.name, s.monitors.length]),
      );

      expect(raw.stacks).toHaveLength(10);
      expect(perStack).toEqual(project.monitorsPerStack);
      expect(Object.values(perStack).reduce((a, b) => a + b)).toBe(monitors);
    },
  );

  it("uses every factory, in both tiers", () => {
    const project = generateProject(tempDir(), build(), { monitors: 100 });
    const ids = planned(project.root).stacks.flatMap((s) =>
      s.monitors.map((m) => m.id),
    );
    const factories = new Set(ids.map((id) => id.replace(/-f\d\d-\d+$/, "")));

    expect(factories).toEqual(
      new Set([
        "alb-5xx-rate",
        "chain-rpc-errors-1000",
        "chain-watcher-stalled",
        "circuit-breaker-open",
        "ecs-running-tasks-gateway",
        "gateway-latency-p99",
        "operator-pool-empty",
        "bls-quorum-failures",
        "redis-unavailable",
        "tx-submission-exhausted",
      ]),
    );
  });
});
