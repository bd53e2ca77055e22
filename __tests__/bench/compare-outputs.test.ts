import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareOutputs,
  withoutMetadata,
} from "../../bench/compare-outputs.js";
import { tempDir } from "../support/project.js";

/** An output folder with the given stacks' Terraform JSON. */
function outdir(stacks: Record<string, unknown>): string {
  const dir = tempDir();
  for (const [name, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, "stacks", name), { recursive: true });
    writeFileSync(
      join(dir, "stacks", name, "cdk.tf.json"),
      JSON.stringify(json),
    );
  }
  return dir;
}

const monitor = (critical: string, path: string) => ({
  "//": { metadata: { path } },
  resource: {
    datadog_monitor: {
      m: { "//": { path }, monitor_thresholds: { critical } },
    },
  },
});

describe("withoutMetadata", () => {
  it("drops // keys at any depth and keeps everything else", () => {
    expect(withoutMetadata(monitor("5", "a/m"))).toEqual({
      resource: {
        datadog_monitor: { m: { monitor_thresholds: { critical: "5" } } },
      },
    });
  });
});

describe("compareOutputs", () => {
  it("finds nothing when only metadata differs", () => {
    const ours = outdir({ s: monitor("5", "ours/m") });
    const raw = outdir({ s: monitor("5", "raw/m") });

    expect(compareOutputs(ours, raw)).toEqual([]);
  });

  it("names the field that differs and a stack only one side has", () => {
    const ours = outdir({ s: monitor("5", "p"), extra: {} });
    const raw = outdir({ s: monitor("6", "p") });

    expect(compareOutputs(ours, raw)).toEqual([
      "extra: only in ours",
      's.resource.datadog_monitor.m.monitor_thresholds.critical: ours "5", raw "6"',
    ]);
  });
});
