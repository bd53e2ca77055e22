import { existsSync, readFileSync } from "node:fs";
import type { Diagnostic } from "../model/diagnostic.js";

/** One line of the allow file: a resource the plan may destroy, and why. */
export interface AllowEntry {
  /** `<stack>/<resource>` or `<resource>`; the resource as name or address. */
  readonly id: string;
  readonly reason: string;
  /** `<file>:<line>`, for messages. */
  readonly where: string;
}

/**
 * Reads the allow file a pull request edits to accept a destroy or a
 * replacement: one entry per line, the id, whitespace, then the reason.
 * `#` starts a comment line; blank lines are skipped. A line without a
 * reason is an error: the reason is the point of the file.
 *
 *     mainnet-prod-oncall/alb-5xx-rate  type change to query alert (#42)
 */
export function readAllowList(file: string): {
  value?: AllowEntry[];
  diagnostics: Diagnostic[];
} {
  if (!existsSync(file)) {
    return {
      diagnostics: [problem(file, "expected an allow file, got none")],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const value: AllowEntry[] = [];

  readFileSync(file, "utf8")
    .split("\n")
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      const where = `${file}:${i + 1}`;
      const match = /^(\S+)\s+(.*\S)\s*$/.exec(line);
      if (!match) {
        diagnostics.push(
          problem(
            where,
            `expected "<id> <reason>", got ${JSON.stringify(line)}`,
            "say why it may be destroyed",
          ),
        );
        return;
      }
      value.push({ id: match[1]!, reason: match[2]!, where });
    });
  return diagnostics.length ? { diagnostics } : { value, diagnostics };
}

function problem(where: string, message: string, hint?: string): Diagnostic {
  return {
    level: "error",
    where,
    check: "allow-file",
    path: "",
    message,
    ...(hint ? { hint } : {}),
  };
}
