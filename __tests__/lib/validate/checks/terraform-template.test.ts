import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import { terraformTemplate } from "../../../../lib/validate/checks/terraform-template.js";
import {
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const saying = (extra: string) =>
  aMonitorSpec({ message: `${aMonitorSpec().message}\n${extra}` });

describe("terraform-template", () => {
  it.each<[string, MonitorSpec]>([
    ["a shell variable in a runbook snippet", saying("kubectl logs ${POD}")],
    ["a shell default", saying("cd ${DIR:-/srv}")],
    ["a percent sign before text", saying("100%{{value}}")],
  ])("accepts %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string]>([
    ["a variable reference", saying("env ${var.env}"), "message"],
    ["a resource reference", saying("see ${datadog_monitor.db.id}"), "message"],
    ["a function call", saying("${lower(local.env)}"), "message"],
    ["a directive", saying("%{ if local.paging }page%{ endif }"), "message"],
    ["an escaped dollar", saying("kubectl logs $${POD}"), "message"],
    [
      "a reference in the name",
      aMonitorSpec({ name: "[${local.env}] latency" }),
      "name",
    ],
    [
      "a reference in a raw log query's search",
      aMonitorSpec({
        type: "log alert",
        query: {
          kind: "raw",
          text: 'logs("env:${var.env}").index("*").rollup("count").last("5m") > 10',
        },
      }),
      "query",
    ],
  ])("rejects %s", (_, spec, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check: "terraform-template", path }),
    ]);
  });

  it("tells an escaped sequence from a reference", () => {
    const spec = aMonitorSpec({ message: "run $${POD}" });

    expect(findingsOf(terraformTemplate, spec)).toEqual([
      {
        path: "message",
        message:
          'expected text for Datadog, got a pre-escaped template "$${POD}" at line 1, column 5',
        hint: "write ${ as is; rendering escapes it",
      },
    ]);
  });
});
