import { describe, expect, it } from "vitest";
import {
  type Diagnostic,
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
