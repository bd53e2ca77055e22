import { describe, expect, it } from "vitest";
import {
  type Diagnostic,
  formatDiagnostic,
  mergeAcrossStacks,
  sortDiagnostics,
} from "../../../lib/model/diagnostic.js";

const at = (where: string, file?: string): Diagnostic => ({
  level: "error",
  where,
  ...(file ? { file } : {}),
  check: "c",
  path: "",
  message: "m",
});

describe("sortDiagnostics", () => {
  it("sorts by file, then line and column as numbers", () => {
    const sorted = sortDiagnostics([
      at("config/environments/testnet-prod.yaml:11"),
      at("config/environments/mainnet-prod.yaml:40"),
      at("config/environments/testnet-prod.yaml:9"),
      at("monitors/x.ts:12:5"),
      at("config/environments/testnet-prod.yaml"),
      at("monitors/x.ts:2:30"),
      at("testnet-prod-oncall/a", "monitors/a.ts"),
    ]);

    expect(sorted.map((d) => d.file ?? d.where)).toEqual([
      "config/environments/mainnet-prod.yaml:40",
      "config/environments/testnet-prod.yaml",
      "config/environments/testnet-prod.yaml:9",
      "config/environments/testnet-prod.yaml:11",
      "monitors/a.ts",
      "monitors/x.ts:2:30",
      "monitors/x.ts:12:5",
    ]);
  });
});

describe("mergeAcrossStacks", () => {
  const d = (where: string, message = "expected a, got b"): Diagnostic => ({
    level: "error",
    where,
    file: "monitors/x.ts",
    check: "tag-format",
    path: "tags[0]",
    message,
  });

  it("keeps one line per monitor problem and names the other stacks", () => {
    const merged = mergeAcrossStacks([
      d("mainnet-prod-dev/x"),
      d("testnet-prod-dev/x"),
      d("testnet-prod-dev/x", "expected a, got c"),
      d("testnet-stagef-dev/x"),
      d("testnet-prod-dev/y"),
    ]);

    expect(merged.map(formatDiagnostic)).toEqual([
      "mainnet-prod-dev/x (monitors/x.ts) [tag-format]: tags[0]: expected a, got b (also in testnet-prod-dev, testnet-stagef-dev)",
      "testnet-prod-dev/x (monitors/x.ts) [tag-format]: tags[0]: expected a, got c",
      "testnet-prod-dev/y (monitors/x.ts) [tag-format]: tags[0]: expected a, got b",
    ]);
  });

  it("leaves file-level problems alone", () => {
    const yaml: Diagnostic = {
      level: "error",
      where: "config/environments/a.yaml:3",
      check: "config-schema",
      path: "name",
      message: "expected kebab-case, got X",
    };
    expect(mergeAcrossStacks([yaml, { ...yaml }])).toHaveLength(2);
  });
});
