import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/model/diagnostic.js";
import { readStackManifest } from "../../../lib/synth-output/read-manifest.js";

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

function withManifest(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  temps.push(dir);
  writeFileSync(join(dir, "manifest.json"), text);
  return dir;
}

describe("readStackManifest", () => {
  it("lists the stacks by name", () => {
    const dir = withManifest('{"stacks":{"z-dev":{},"a-oncall":{}}}');

    expect(readStackManifest(dir)).toEqual({
      value: ["a-oncall", "z-dev"],
      diagnostics: [],
    });
  });

  it.each([
    {
      name: "broken JSON",
      text: "{",
      message: /expected JSON, got a parse error/,
    },
    {
      name: "no stacks object",
      text: '{"stacks":[]}',
      message: /stacks: expected an object of stacks, got \[\]$/,
    },
  ])("reports $name", ({ text, message }) => {
    const dir = withManifest(text);
    const { value, diagnostics } = readStackManifest(dir);

    expect(value).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(message),
    ]);
  });
});
