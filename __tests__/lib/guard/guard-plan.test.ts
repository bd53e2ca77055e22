import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { guardPlan } from "../../../lib/guard/guard-plan.js";
import type { AllowEntry } from "../../../lib/guard/read-allow-list.js";
import { readPlan } from "../../../lib/guard/read-plan.js";

const plans = fileURLToPath(new URL("../../fixtures/plans/", import.meta.url));
const plan = (name: string) => readPlan(`${plans}${name}.json`).value!;
const allow = (id: string): AllowEntry => ({
  id,
  reason: "accepted",
  where: "allow.txt:1",
});
const verdicts = (name: string, options: Parameters<typeof guardPlan>[1]) =>
  guardPlan(plan(name), options).findings.map(
    (f) => `${f.change.address} ${f.verdict}${f.check ? ` ${f.check}` : ""}`,
  );

describe("guardPlan", () => {
  it.each([
    {
      name: "passes creates and updates, even of paging monitors",
      file: "create-update",
      options: { maxDestroy: 0, allow: [] },
      ok: true,
      expected: [
        "datadog_monitor.gateway-latency-p99 ok",
        "datadog_monitor.operator-restarts ok",
      ],
    },
    {
      name: "blocks replacing a paging monitor and counts a replaced dashboard",
      file: "replace-paging",
      options: { maxDestroy: 1, allow: [] },
      ok: false,
      expected: [
        "datadog_monitor.alb-5xx-rate blocked paging-monitor-replace",
        "datadog_dashboard_json.gateway-overview counted destroy-limit",
      ],
    },
    {
      name: "blocks destroying a monitor tagged tier:oncall without a paging handle",
      file: "delete",
      options: { maxDestroy: 5, allow: [] },
      ok: false,
      expected: [
        "datadog_monitor.operator-pool-empty blocked paging-monitor-destroy",
        "datadog_monitor.redis-unavailable counted destroy-limit",
        "datadog_dashboard_json.chain-health counted destroy-limit",
      ],
    },
    {
      name: "blocks every unlisted destroy once past the limit",
      file: "delete",
      options: { maxDestroy: 1, allow: [allow("operator-pool-empty")] },
      ok: false,
      expected: [
        "datadog_monitor.operator-pool-empty allowed paging-monitor-destroy",
        "datadog_monitor.redis-unavailable blocked destroy-limit",
        "datadog_dashboard_json.chain-health blocked destroy-limit",
      ],
    },
    {
      name: "lets listed resources through by stack id or by address",
      file: "delete",
      options: {
        maxDestroy: 1,
        stack: "mainnet-prod-oncall",
        allow: [
          allow("mainnet-prod-oncall/operator-pool-empty"),
          allow("datadog_monitor.redis-unavailable"),
        ],
      },
      ok: true,
      expected: [
        "datadog_monitor.operator-pool-empty allowed paging-monitor-destroy",
        "datadog_monitor.redis-unavailable allowed destroy-limit",
        "datadog_dashboard_json.chain-health counted destroy-limit",
      ],
    },
    {
      name: "ignores an entry for another stack",
      file: "replace-paging",
      options: {
        maxDestroy: 5,
        stack: "testnet-prod-oncall",
        allow: [allow("mainnet-prod-oncall/alb-5xx-rate")],
      },
      ok: false,
      expected: [
        "datadog_monitor.alb-5xx-rate blocked paging-monitor-replace",
        "datadog_dashboard_json.gateway-overview counted destroy-limit",
      ],
    },
    {
      name: "ignores a stack entry when the stack is not known",
      file: "replace-paging",
      options: {
        maxDestroy: 5,
        allow: [allow("mainnet-prod-oncall/alb-5xx-rate")],
      },
      ok: false,
      expected: [
        "datadog_monitor.alb-5xx-rate blocked paging-monitor-replace",
        "datadog_dashboard_json.gateway-overview counted destroy-limit",
      ],
    },
    {
      name: "skips no-ops and data reads",
      file: "no-op",
      options: { maxDestroy: 0, allow: [] },
      ok: true,
      expected: [],
    },
  ])("$name", ({ file, options, ok, expected }) => {
    expect(verdicts(file, options)).toEqual(expected);
    expect(guardPlan(plan(file), options).ok).toBe(ok);
  });

  it("names why a monitor pages: its handles and its tier tag", () => {
    const [monitor] = guardPlan(plan("replace-paging"), {
      maxDestroy: 5,
      allow: [],
    }).findings;

    expect(monitor!.pages).toEqual([
      "@pagerduty-gateway-mainnet",
      "tier:oncall",
    ]);
  });

  it("reports entries of this stack that matched nothing", () => {
    const stale = allow("mainnet-prod-oncall/gone");
    const result = guardPlan(plan("create-update"), {
      maxDestroy: 0,
      stack: "mainnet-prod-oncall",
      allow: [stale, allow("testnet-prod-oncall/other")],
    });

    expect(result.unusedAllows).toEqual([stale]);
    expect(result.counts).toMatchObject({
      create: 1,
      update: 1,
      "no-op": 1,
      delete: 0,
    });
  });
});
