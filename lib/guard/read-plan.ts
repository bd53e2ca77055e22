import { existsSync, readFileSync } from "node:fs";
import { type Diagnostic, quote } from "../model/diagnostic.js";
import { isRecord } from "../synth-output/read-synth-output.js";

/** What Terraform will do to one resource instance, in one word. */
export type PlanAction =
  "create" | "update" | "replace" | "delete" | "no-op" | "read" | "forget";

/** One entry of a plan's `resource_changes`, reduced to what checks need. */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly mode: "managed" | "data";
  readonly action: PlanAction;
  /** Attribute values before the change; null when the resource is new. */
  readonly before: unknown;
  readonly after: unknown;
  /** Why Terraform replaces or deletes it, e.g. `replace_because_cannot_update`. */
  readonly actionReason?: string;
  /** Attribute paths that force the replacement, e.g. `type`. */
  readonly replacePaths: readonly string[];
}

/**
 * The action lists Terraform writes and their one-word meaning.
 * https://developer.hashicorp.com/terraform/internals/json-format#change-representation
 */
const ACTIONS: Readonly<Record<string, PlanAction>> = {
  "no-op": "no-op",
  create: "create",
  read: "read",
  update: "update",
  delete: "delete",
  forget: "forget",
  "delete,create": "replace",
  "create,delete": "replace",
};

/**
 * Reads the JSON that `terraform show -json <planfile>` prints. Every
 * problem is reported with the field path; a state file or any other
 * JSON is refused with what to run instead.
 */
export function readPlan(file: string): {
  value?: PlannedChange[];
  diagnostics: Diagnostic[];
} {
  const fail = (path: string, message: string, hint?: string) => ({
    diagnostics: [problem(file, path, message, hint)],
  });
  if (!existsSync(file)) return fail("", "expected a plan JSON file, got none");

  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(
      "",
      `expected JSON, got a parse error: ${reason}`,
      "write it with terraform show -json <planfile> > plan.json",
    );
  }
  return parsePlan(json, file);
}

/** Checks and reduces an already parsed plan document. */
export function parsePlan(
  json: unknown,
  where: string,
): { value?: PlannedChange[]; diagnostics: Diagnostic[] } {
  const version = isRecord(json) ? json.format_version : undefined;
  if (!isRecord(json) || typeof version !== "string") {
    return {
      diagnostics: [
        problem(
          where,
          "format_version",
          `expected a plan's format version, got ${quote(version)}`,
          "write it with terraform show -json <planfile> > plan.json",
        ),
      ],
    };
  }
  if (!version.startsWith("1.")) {
    return {
      diagnostics: [
        problem(
          where,
          "format_version",
          `expected version 1.x, got ${quote(version)}`,
        ),
      ],
    };
  }
  if (!("planned_values" in json) && !("resource_changes" in json)) {
    return {
      diagnostics: [
        problem(
          where,
          "resource_changes",
          "expected a plan, got a document without planned changes",
          "a state file is not a plan: run terraform plan -out tfplan, then terraform show -json tfplan",
        ),
      ],
    };
  }

  const list = json.resource_changes ?? [];
  if (!Array.isArray(list)) {
    return {
      diagnostics: [
        problem(
          where,
          "resource_changes",
          `expected a list, got ${quote(list)}`,
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const value = list.flatMap((entry, i) => {
    const read = readChange(entry, `resource_changes[${i}]`);
    diagnostics.push(
      ...read.problems.map((p) => problem(where, p.path, p.message)),
    );
    return read.change ? [read.change] : [];
  });
  return diagnostics.length ? { diagnostics } : { value, diagnostics };
}

function readChange(
  entry: unknown,
  path: string,
): { change?: PlannedChange; problems: { path: string; message: string }[] } {
  if (!isRecord(entry)) {
    return {
      problems: [{ path, message: `expected an object, got ${quote(entry)}` }],
    };
  }
  const problems: { path: string; message: string }[] = [];
  for (const key of ["address", "type", "name"]) {
    if (typeof entry[key] !== "string") {
      problems.push({
        path: `${path}.${key}`,
        message: `expected a string, got ${quote(entry[key])}`,
      });
    }
  }
  if (entry.mode !== "managed" && entry.mode !== "data") {
    problems.push({
      path: `${path}.mode`,
      message: `expected "managed" or "data", got ${quote(entry.mode)}`,
    });
  }
  const change = isRecord(entry.change) ? entry.change : undefined;
  const actions = change?.actions;
  const action =
    Array.isArray(actions) && actions.every((a) => typeof a === "string")
      ? ACTIONS[actions.join(",")]
      : undefined;
  if (!action) {
    problems.push({
      path: `${path}.change.actions`,
      message: `expected one of ${Object.keys(ACTIONS)
        .map((a) => `[${a}]`)
        .join(", ")}, got ${quote(actions)}`,
    });
  }
  if (problems.length || !change || !action) return { problems };

  return {
    change: {
      address: entry.address as string,
      type: entry.type as string,
      name: entry.name as string,
      mode: entry.mode as "managed" | "data",
      action,
      before: change.before ?? null,
      after: change.after ?? null,
      ...(typeof entry.action_reason === "string"
        ? { actionReason: entry.action_reason }
        : {}),
      replacePaths: Array.isArray(change.replace_paths)
        ? change.replace_paths.map((p) =>
            Array.isArray(p) ? p.join(".") : String(p),
          )
        : [],
    },
    problems,
  };
}

function problem(
  where: string,
  path: string,
  message: string,
  hint?: string,
): Diagnostic {
  return {
    level: "error",
    where,
    check: "plan-input",
    path,
    message,
    ...(hint ? { hint } : {}),
  };
}
