import { describe, expect, it } from "vitest";
import { replaceSection } from "../../bench/report-section.js";

const readme = [
  "# Benchmarks",
  "",
  "<!-- bench:synth:begin -->",
  "old numbers",
  "<!-- bench:synth:end -->",
  "",
  "## Evaluator",
  "",
  "kept as written",
  "",
].join("\n");

describe("replaceSection", () => {
  it("replaces its own section and keeps the others", () => {
    const next = replaceSection(readme, "bench:synth", "new numbers\n");

    expect(next).toBe(readme.replace("old numbers", "new numbers"));
  });

  it("appends the section with its markers when they are missing", () => {
    expect(replaceSection("# Benchmarks\n", "bench:synth", "numbers")).toBe(
      "# Benchmarks\n\n<!-- bench:synth:begin -->\nnumbers\n<!-- bench:synth:end -->\n",
    );
  });

  it("leaves a section with another name alone", () => {
    const next = replaceSection(readme, "bench:other", "x");

    expect(next.startsWith(readme.trimEnd())).toBe(true);
    expect(next).toContain("old numbers");
  });
});
