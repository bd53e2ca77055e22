import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/model/diagnostic.js";
import { readSynthOutput } from "../../../lib/synth-output/read-synth-output.js";

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "synth-"));
  temps.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("readSynthOutput", () => {
  it("reads every stack in name order and skips stray files", () => {
    const dir = folder({
      "stacks/b-dev/cdk.tf.json": '{"resource":{}}',
      "stacks/a-oncall/cdk.tf.json": "{}",
      "stacks/notes.txt": "not a stack",
    });

    const { value, diagnostics } = readSynthOutput(dir);

    expect(diagnostics).toEqual([]);
    expect(value.stacks.map((s) => s.name)).toEqual(["a-oncall", "b-dev"]);
    expect(value.stacks[1]!.json).toEqual({ resource: {} });
  });

  it("reports a stack folder without its file and a file that is not an object", () => {
    const dir = folder({
      "stacks/a-oncall/metadata.json": "{}",
      "stacks/b-dev/cdk.tf.json": "[1, 2]",
    });

    const { value, diagnostics } = readSynthOutput(dir);

    expect(value.stacks).toEqual([]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${dir}/stacks/a-oncall [synth-output]: cdk.tf.json: expected a file, got none`,
      `${dir}/stacks/b-dev/cdk.tf.json [synth-output]: expected a JSON object, got [1,2]`,
    ]);
  });
});
