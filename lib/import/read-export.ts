import type { Diagnostic } from "../model/diagnostic.js";

/** One monitor object from the input and where it sits in the file. */
export interface ExportedMonitor {
  /** `""` for a single monitor, `[2]` for the third of a list. */
  readonly path: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * Reads monitor JSON as Datadog exports it: one monitor (the UI's
 * "Export" or `GET /api/v1/monitor/{id}`) or an array of them
 * (`GET /api/v1/monitor`). Only the outer shape is checked here; each
 * monitor's fields are checked by `convertMonitor`.
 */
export function readExport(
  text: string,
  file: string,
): { monitors: ExportedMonitor[]; diagnostics: Diagnostic[] } {
  const problem = (path: string, message: string): Diagnostic => ({
    level: "error",
    where: file,
    check: "import-input",
    path,
    message,
  });

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition(text, error);
    return {
      monitors: [],
      diagnostics: [problem("", `expected JSON, got a syntax error${where}`)],
    };
  }

  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) {
    return {
      monitors: [],
      diagnostics: [problem("", "expected at least one monitor, got []")],
    };
  }
  const monitors: ExportedMonitor[] = [];
  const diagnostics: Diagnostic[] = [];
  list.forEach((value: unknown, i) => {
    const path = Array.isArray(data) ? `[${i}]` : "";
    if (isMonitorLike(value)) {
      monitors.push({ path, value });
      return;
    }
    const search =
      typeof value === "object" && value !== null && "monitors" in value;
    diagnostics.push({
      ...problem(
        path,
        `expected a Datadog monitor (an object with "type" and "query"), got ${describe(value)}`,
      ),
      ...(search
        ? {
            hint: "the search API lists summaries; export with GET /api/v1/monitor instead",
          }
        : {}),
    });
  });
  return { monitors, diagnostics };
}

function isMonitorLike(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    "type" in value &&
    "query" in value
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value !== "object") return `a ${typeof value}`;
  const keys = Object.keys(value).slice(0, 5);
  return keys.length
    ? `an object with ${keys.map((k) => `"${k}"`).join(", ")}`
    : "an empty object";
}

/** ` at line L, column C` from a JSON.parse error, when it says where. */
function jsonErrorPosition(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  const match = /position (\d+)/.exec(message);
  // Node names the token and quotes the text after it; keep the first.
  const reason = message.split(/ in JSON| at position|, "|\n/)[0] ?? "";
  const detail = reason ? ` (${reason.trim()})` : "";
  if (!match) return detail;
  const offset = Number(match[1]);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return ` at line ${line}, column ${column}${detail}`;
}
