import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/model/diagnostic.js";
import { readAllowList } from "../../../lib/guard/read-allow-list.js";

const temps: string[] = [];
afterEach(() => {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

function allowFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "allow-"));
  temps.push(dir);
  const file = join(dir, "guard-allow.txt");
  writeFileSync(file, text);
  return file;
}

describe("readAllowList", () => {
  it("reads ids and reasons, skipping comments and blank lines", () => {
    const file = allowFile(
      "# header\n\nmainnet-prod-oncall/alb-5xx-rate   type change (#42)\n" +
        "datadog_dashboard_json.old  replaced by gateway-overview\n",
    );

    expect(readAllowList(file).value).toEqual([
      {
        id: "mainnet-prod-oncall/alb-5xx-rate",
        reason: "type change (#42)",
        where: `${file}:3`,
      },
      {
        id: "datadog_dashboard_json.old",
        reason: "replaced by gateway-overview",
        where: `${file}:4`,
      },
    ]);
  });

  it("refuses every entry without a reason, by line", () => {
    const file = allowFile("a  fine\nb\n  c  \n");

    expect(readAllowList(file).diagnostics.map(formatDiagnostic)).toEqual([
      `${file}:2 [allow-file]: expected "<id> <reason>", got "b"; say why it may be destroyed`,
      `${file}:3 [allow-file]: expected "<id> <reason>", got "c"; say why it may be destroyed`,
    ]);
  });

  it("refuses a missing file", () => {
    expect(
      readAllowList("/nonexistent/allow.txt").diagnostics.map(formatDiagnostic),
    ).toEqual([
      "/nonexistent/allow.txt [allow-file]: expected an allow file, got none",
    ]);
  });
});
