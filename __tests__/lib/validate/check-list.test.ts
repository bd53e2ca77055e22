import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checksMarkdown } from "../../../lib/validate/check-list.js";
import { MONITOR_CHECKS } from "../../../lib/validate/index.js";
import { repoRoot } from "../../support/project.js";

describe("the README's list of checks", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");

  it("is what the checks say about themselves", () => {
    expect(
      readme,
      "README.md is out of date; paste `npm run check -- --list` under ## Checks",
    ).toContain(checksMarkdown());
  });

  it("names every per-monitor check once", () => {
    for (const { id } of MONITOR_CHECKS) {
      expect(readme.split(`- \`${id}\`:`)).toHaveLength(2);
    }
  });
});
