import { describe, expect, it } from "vitest";
import { convertMonitor } from "../../../lib/import/convert-monitor.js";

/** A monitor as GET /api/v1/monitor/{id} returns it. */
const apiMonitor = (overrides: Record<string, unknown> = {}) => ({
  id: 4242001,
  org_id: 99,
  name: "[testnet-prod] Redis latency high",
  type: "query alert",
  query: "avg(last_10m):avg:gateway.redis.latency{env:testnet-prod} > 0.5",
  message: "Redis is slow. @slack-gateway-dev",
  tags: ["team:gateway", "env:testnet-prod"],
  options: {
    thresholds: { critical: 0.5, warning: 0.3, critical_recovery: null },
    notify_no_data: false,
    no_data_timeframe: null,
    include_tags: true,
    require_full_window: true,
    new_host_delay: 300,
    new_group_delay: 0,
    notify_audit: false,
    renotify_interval: 0,
    timeout_h: 0,
    escalation_message: "",
    silenced: {},
    locked: false,
  },
  priority: null,
  restricted_roles: null,
  draft_status: "published",
  creator: { email: "a@example.com", handle: "a", name: "A" },
  created: "2026-01-01T00:00:00.000000+00:00",
  modified: "2026-01-01T00:00:00.000000+00:00",
  overall_state: "OK",
  overall_state_modified: "2026-01-01T00:00:00+00:00",
  deleted: null,
  multi: false,
  matching_downtimes: [],
  ...overrides,
});

const convert = (value: Record<string, unknown>) =>
  convertMonitor({ path: "", value }, "export.json");
const withOptions = (options: Record<string, unknown>) =>
  apiMonitor({ options: { thresholds: { critical: 0.5 }, ...options } });

describe("convertMonitor", () => {
  it("drops read-only fields and Datadog's defaults, keeping what matters", () => {
    const { monitor, diagnostics } = convert(apiMonitor());

    expect(diagnostics).toEqual([]);
    expect(monitor?.importId).toBe(4242001);
    expect(monitor?.params).toEqual({
      name: "[testnet-prod] Redis latency high",
      type: "query alert",
      query: "avg(last_10m):avg:gateway.redis.latency{env:testnet-prod} > 0.5",
      thresholds: { critical: 0.5, warning: 0.3 },
      message: "Redis is slow. @slack-gateway-dev",
      tags: ["env:testnet-prod", "team:gateway"],
    });
  });

  it.each([
    [
      "options that differ from the provider's defaults",
      {
        include_tags: false,
        require_full_window: false,
        new_host_delay: 600,
        timeout_h: 1,
        renotify_interval: 60,
        renotify_statuses: ["warn", "alert"],
        evaluation_delay: 900,
        new_group_delay: 120,
      },
      {
        requireFullWindow: false,
        renotifyIntervalMinutes: 60,
        evaluationDelaySeconds: 900,
        newGroupDelaySeconds: 120,
        options: {
          include_tags: false,
          new_host_delay: 600,
          timeout_h: 1,
          renotify_statuses: ["alert", "warn"],
        },
      },
    ],
    [
      "numbers written as strings",
      {
        renotify_interval: "30",
        no_data_timeframe: "20",
        notify_no_data: true,
      },
      {
        renotifyIntervalMinutes: 30,
        noData: { kind: "notify", afterMinutes: 20 },
      },
    ],
    [
      "no data without a timeframe: Datadog's twice the window",
      { notify_no_data: true, no_data_timeframe: null },
      { noData: { kind: "notify", afterMinutes: 20 } },
    ],
    [
      "on_missing_data over the older pair",
      {
        on_missing_data: "show_and_notify_no_data",
        notify_no_data: false,
        no_data_timeframe: 10,
      },
      {
        noData: {
          kind: "missing-data",
          onMissingData: "show_and_notify_no_data",
        },
      },
    ],
    ["on_missing_data left at default", { on_missing_data: "default" }, {}],
    [
      "anomaly windows and a scheduling block",
      {
        threshold_windows: {
          trigger_window: "last_15m",
          recovery_window: "last_15m",
        },
        scheduling_options: {
          evaluation_window: { day_starts: "04:00", month_starts: 1 },
        },
      },
      {
        options: {
          monitor_threshold_windows: {
            trigger_window: "last_15m",
            recovery_window: "last_15m",
          },
          scheduling_options: {
            evaluation_window: { day_starts: "04:00", month_starts: 1 },
          },
        },
      },
    ],
  ])("keeps %s", (_title, options, expected) => {
    const { monitor, diagnostics } = convert(withOptions(options));

    expect(diagnostics).toEqual([]);
    const { name, type, query, thresholds, message, tags, ...rest } =
      monitor!.params;
    expect(rest).toEqual(expected);
  });

  it.each([
    [
      "an unsupported type",
      { type: "synthetics alert" },
      "type",
      'expected a monitor type this project supports ("query alert", ',
    ],
    [
      "a query the parser rejects",
      { query: "avg(last_5m):avg:x{env:prod > 1" },
      "query",
      'expected a valid "query alert" query, got ',
    ],
    [
      "a threshold that is not a number",
      { options: { thresholds: { critical: "high" } } },
      "options.thresholds.critical",
      'expected a number, got "high"',
    ],
    [
      "an option the resource does not manage",
      { options: { thresholds: { critical: 0.5 }, frobnicate: true } },
      "options.frobnicate",
      "expected an option the datadog_monitor resource manages",
    ],
    [
      "a priority out of range",
      { priority: 7 },
      "priority",
      "expected a whole number from 1 to 5, got 7",
    ],
    [
      "a variable provider 3.82.0 cannot express",
      {
        options: {
          thresholds: { critical: 0.5 },
          variables: [{ data_source: "data_quality_metrics", name: "q" }],
        },
      },
      "options.variables[0].data_source",
      'got "data_quality_metrics"',
    ],
  ])("rejects %s", (_title, overrides, path, message) => {
    const { monitor, diagnostics } = convert(apiMonitor(overrides));

    expect(monitor).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ level: "error", path });
    expect(diagnostics[0]!.message).toContain(message);
  });

  it("warns that an export without an id adopts nothing", () => {
    const { monitor, diagnostics } = convert(apiMonitor({ id: undefined }));

    expect(monitor?.importId).toBeUndefined();
    expect(diagnostics).toMatchObject([{ level: "warning", path: "id" }]);
  });
});
