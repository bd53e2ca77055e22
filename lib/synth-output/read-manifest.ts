import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, quote } from "../model/diagnostic.js";
import { isRecord } from "./read-synth-output.js";

/**
 * The stack names in a synth output's `manifest.json`, sorted. CI builds its
 * per-stack matrix from this list, so adding an environment adds its jobs.
 */
export function readStackManifest(dir: string): {
  value: string[];
  diagnostics: Diagnostic[];
} {
  const file = join(dir, "manifest.json");
  const fail = (path: string, message: string, hint?: string) => ({
    value: [],
    diagnostics: [
      {
        level: "error" as const,
        where: file,
        check: "synth-manifest",
        path,
        message,
        ...(hint ? { hint } : {}),
      },
    ],
  });

  if (!existsSync(file)) {
    return fail("", "expected a manifest, got no file", "run npm run synth");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail("", `expected JSON, got a parse error: ${reason}`);
  }
  const stacks = isRecord(parsed) ? parsed.stacks : undefined;
  if (!isRecord(stacks)) {
    return fail("stacks", `expected an object of stacks, got ${quote(stacks)}`);
  }
  return { value: Object.keys(stacks).sort(), diagnostics: [] };
}
