import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../../lib/model/diagnostic.js";
import { parsePlan, readPlan } from "../../../lib/guard/read-plan.js";

const plans = fileURLToPath(new URL("../../fixtures/plans/", import.meta.url));
const change = (actions: unknown) => ({
  address: "datadog_monitor.m",
  mode: "managed",
  type: "datadog_monitor",
  name: "m",
  change: { actions, before: null, after: null },
});

describe("readPlan", () => {
  it.each([
    { name: "a create", actions: ["create"], action: "create" },
    { name: "an in-place update", actions: ["update"], action: "update" },
    {
      name: "a destroy-then-create replacement",
      actions: ["delete", "create"],
      action: "replace",
    },
    {
      name: "a create-before-destroy replacement",
      actions: ["create", "delete"],
      action: "replace",
    },
    { name: "a destroy", actions: ["delete"], action: "delete" },
    { name: "a no-op", actions: ["no-op"], action: "no-op" },
    { name: "a data read", actions: ["read"], action: "read" },
    { name: "a forget from state", actions: ["forget"], action: "forget" },
  ])("reads $name", ({ actions, action }) => {
    const plan = { format_version: "1.2", resource_changes: [change(actions)] };

    expect(parsePlan(plan, "plan.json").value?.[0]?.action).toBe(action);
  });

  it("keeps the replace reason and the attributes that force it", () => {
    const [monitor] = readPlan(`${plans}replace-paging.json`).value!;

    expect(monitor).toMatchObject({
      address: "datadog_monitor.alb-5xx-rate",
      action: "replace",
      actionReason: "replace_because_cannot_update",
      replacePaths: ["type"],
    });
  });

  it("reads a plan with no changes at all", () => {
    expect(readPlan(`${plans}empty.json`)).toEqual({
      value: [],
      diagnostics: [],
    });
  });

  it.each([
    {
      name: "a missing file",
      file: "missing.json",
      expected:
        "missing.json [plan-input]: expected a plan JSON file, got none",
    },
    {
      name: "the human-readable plan output",
      file: "not-json.txt",
      expected:
        /^not-json\.txt \[plan-input\]: expected JSON, got a parse error: .*; write it with terraform show -json <planfile> > plan\.json$/,
    },
    {
      name: "a state file",
      file: "state.json",
      expected:
        "state.json [plan-input]: resource_changes: expected a plan, got a document without planned changes; " +
        "a state file is not a plan: run terraform plan -out tfplan, then terraform show -json tfplan",
    },
  ])("refuses $name with what to run instead", ({ file, expected }) => {
    const result = readPlan(`${plans}${file}`);
    const messages = result.diagnostics.map((d) =>
      formatDiagnostic(d).replace(plans, ""),
    );

    expect(result.value).toBeUndefined();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(expected);
  });

  it("reports every malformed change with its field path", () => {
    const result = readPlan(`${plans}bad-actions.json`);

    expect(result.diagnostics.map((d) => `${d.path}: ${d.message}`)).toEqual([
      'resource_changes[0].change.actions: expected one of [no-op], [create], [read], [update], [delete], [forget], [delete,create], [create,delete], got ["destroy"]',
      'resource_changes[1].mode: expected "managed" or "data", got "resource"',
    ]);
  });

  it("refuses a future major format version", () => {
    const result = parsePlan(
      { format_version: "2.0", resource_changes: [] },
      "p.json",
    );

    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'p.json [plan-input]: format_version: expected version 1.x, got "2.0"',
    ]);
  });
});
