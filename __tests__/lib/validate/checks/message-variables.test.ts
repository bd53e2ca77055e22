import { describe, expect, it } from "vitest";
import type { MonitorSpec } from "../../../../lib/model/monitor.js";
import { messageVariables } from "../../../../lib/validate/checks/message-variables.js";
import {
  aMetricQuery,
  aMonitorSpec,
  findingsOf,
  problemsOf,
} from "../../../support/builders.js";

const saying = (extra: string, overrides: Partial<MonitorSpec> = {}) =>
  aMonitorSpec({
    message: `${aMonitorSpec().message}\n${extra}`,
    ...overrides,
  });

describe("message-variables", () => {
  it.each<[string, MonitorSpec]>([
    ["a grouped tag", saying("{{chain_id.name}}")],
    ["a grouped tag in brackets", saying("{{[chain_id].name}}")],
    [
      "a dotted key in brackets",
      saying("{{[host.name].name}}", {
        query: aMetricQuery({
          by: ["host.name"],
          filter: { env: "testnet-prod", chain_id: 1 },
        }),
        name: "x",
      }),
    ],
    ["a filtered tag", saying("{{env.name}}")],
    ["a tag with spaces inside the braces", saying("{{ chain_id.name }}")],
    [
      "any host tag on a query grouped by host",
      saying("{{role.name}} {{host.ip}}", {
        query: aMetricQuery({ by: ["host", "chain_id"] }),
      }),
    ],
    [
      "built-ins",
      saying(
        "{{warn_threshold}} {{comparator}} {{last_triggered_at}} {{{value}}}",
      ),
    ],
    [
      "helpers",
      saying(
        "{{eval \"last_triggered_at_epoch-600000\"}} {{local_time 'last_triggered_at' 'UTC'}}",
      ),
    ],
    [
      "a match on a grouped tag",
      saying('{{#is_match "chain_id.name" "1"}}x{{/is_match}}'),
    ],
    [
      "a tag a raw query groups by",
      saying("{{breaker.name}}", {
        query: {
          kind: "raw",
          text: "avg(last_5m):avg:x{env:prod} by {chain_id,breaker} > 10",
        },
      }),
    ],
  ])("accepts %s", (_, spec) => {
    expect(problemsOf(spec)).toEqual([]);
  });

  it.each<[string, MonitorSpec, string]>([
    [
      "a tag the query does not group by",
      saying("{{breaker.name}}"),
      "message",
    ],
    [
      "such a tag in the name",
      aMonitorSpec({ name: "Breaker {{breaker.name}} open" }),
      "name",
    ],
    ["a near miss of a grouped tag", saying("{{chain.name}}"), "message"],
    ["a misspelt built-in", saying("{{valeu}}"), "message"],
    [
      "a tag a raw query lacks",
      saying("{{breaker.name}}", {
        query: {
          kind: "raw",
          text: "avg(last_5m):avg:x{env:prod} by {chain_id} > 10",
        },
      }),
      "message",
    ],
    ["a grouped tag without .name", saying("{{chain_id}}"), "message"],
    [
      "a dotted key without brackets",
      saying("{{host.name}}", {
        query: aMetricQuery({
          by: ["host.name"],
          filter: { env: "testnet-prod", chain_id: 1 },
        }),
        name: "x",
      }),
      "message",
    ],
    ["an unknown helper", saying("{{round value 2}}"), "message"],
    [
      "a match on a tag the query lacks",
      saying('{{#is_match "breaker.name" "rpc"}}x{{/is_match}}'),
      "message",
    ],
  ])("rejects %s", (_, spec, path) => {
    expect(problemsOf(spec)).toEqual([
      expect.objectContaining({ check: "message-variables", path }),
    ]);
  });

  it("lists the tags the query has", () => {
    const spec = aMonitorSpec({ message: "{{breaker.name}}" });

    expect(findingsOf(messageVariables, spec)).toEqual([
      {
        path: "message",
        message:
          "expected a tag the query groups by or filters on (chain_id, env), got {{breaker.name}} at line 1, column 1",
        hint: "add breaker to the query's by {...} or drop the variable; it renders empty",
      },
    ]);
  });
});
