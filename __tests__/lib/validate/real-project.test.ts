import { describe, expect, it } from "vitest";
import { planProject } from "../../../lib/pipeline.js";
import { repoRoot } from "../../support/project.js";

describe("the repository's own monitors", () => {
  it("pass every check in every stack", async () => {
    const result = await planProject({ root: repoRoot });
    const monitors = result.plan.stacks.flatMap((s) => s.monitors);

    expect(result.diagnostics).toEqual([]);
    expect(result.plan.stacks).toHaveLength(6);
    expect(monitors.length).toBeGreaterThan(40);
  });
});
