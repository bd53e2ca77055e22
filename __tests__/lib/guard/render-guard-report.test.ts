import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { guardPlan } from "../../../lib/guard/guard-plan.js";
import { readPlan } from "../../../lib/guard/read-plan.js";
import {
  renderGuardReport,
  renderPlanSummary,
} from "../../../lib/guard/render-guard-report.js";

const plans = fileURLToPath(new URL("../../fixtures/plans/", import.meta.url));
const plan = (name: string) => readPlan(`${plans}${name}.json`).value!;

describe("renderGuardReport", () => {
  it("says what is blocked and gives the allow lines to add", () => {
    const result = guardPlan(plan("replace-paging"), {
      maxDestroy: 5,
      allow: [],
      stack: "mainnet-prod-oncall",
    });
    const report = renderGuardReport(result, {
      planFile: "plan.json",
      stack: "mainnet-prod-oncall",
      maxDestroy: 5,
    });

    expect(report).toBe(
      [
        "### Plan guard: mainnet-prod-oncall",
        "",
        "plan.json: 2 to replace",
        "",
        "| action | resource | pages today | verdict |",
        "| --- | --- | --- | --- |",
        "| replace | `datadog_monitor.alb-5xx-rate` | `@pagerduty-gateway-mainnet` `tier:oncall` | **blocked** [paging-monitor-replace]: replaced because `type` cannot change in place |",
        "| replace | `datadog_dashboard_json.gateway-overview` |  | destroy, within the limit of 5 |",
        "",
        "**blocked**: 1 paging monitor would be destroyed or replaced",
        "",
        "If this is intended, add these lines to .github/guard-allow.txt in the pull request, each with the reason:",
        "",
        "```",
        "mainnet-prod-oncall/alb-5xx-rate  <why it may be destroyed>",
        "```",
        "",
      ].join("\n"),
    );
  });

  it("passes with the allow entry quoted and warns about stale entries", () => {
    const allow = [
      { id: "alb-5xx-rate", reason: "type change (#42)", where: "allow.txt:3" },
      { id: "gone", reason: "old", where: "allow.txt:4" },
    ];
    const result = guardPlan(plan("replace-paging"), { maxDestroy: 1, allow });
    const report = renderGuardReport(result, {
      planFile: "plan.json",
      maxDestroy: 1,
    });

    expect(report).toContain(
      "| replace | `datadog_monitor.alb-5xx-rate` | `@pagerduty-gateway-mainnet` `tier:oncall` | allowed by allow.txt:3: type change (#42) |",
    );
    expect(report).toContain(
      "**passed**: no paging monitor is destroyed or replaced, and 1 of at most 1 unlisted destroys",
    );
    expect(report).toContain(
      "warning: allow.txt:4: gone matches nothing destroyed here; remove it once deployed",
    );
  });
});

describe("renderPlanSummary", () => {
  it("lists each change with the attributes an update touches", () => {
    const changes = plan("create-update");
    const { counts } = guardPlan(changes, { maxDestroy: 0, allow: [] });

    expect(
      renderPlanSummary(changes, "Drift: mainnet-prod-oncall", counts),
    ).toBe(
      [
        "### Drift: mainnet-prod-oncall",
        "",
        "1 to create, 1 to update, 1 unchanged",
        "",
        "| action | resource | attributes |",
        "| --- | --- | --- |",
        "| update | `datadog_monitor.gateway-latency-p99` | `monitor_thresholds`, `query` |",
        "| create | `datadog_monitor.operator-restarts` |  |",
        "",
      ].join("\n"),
    );
  });
});
