import { describe, expect, it } from "vitest";
import { EvaluateError, evaluate } from "../../../lib/evaluate/index.js";
import type { MonitorSpec } from "../../../lib/model/monitor.js";
import type { MetricMonitorQuery } from "../../../lib/query/ast.js";
import { expr, series } from "../../../lib/query/builder.js";
import "../../support/evaluate-matchers.js";
import {
  aMetricMonitor,
  type MetricMonitorOptions,
  testMetric,
} from "../../support/monitors.js";

const up = testMetric("test.up");
const errors = testMetric("test.errors", "count");
const kinds = { metricKinds: { "test.errors": "count" } } as const;

const upMonitor = (o: Partial<MetricMonitorOptions> = {}) =>
  aMetricMonitor({
    aggregator: "max",
    windowMinutes: 5,
    expression: expr.of(series(up, { by: ["host"] })),
    comparator: "<",
    thresholds: { critical: 0.5 },
    ...o,
  });

const reasonsAt = (r: ReturnType<typeof evaluate>, group: string) =>
  r.groups.find((g) => g.group === group)!.steps.map((s) => s.reason);

describe("evaluation_delay", () => {
  it("shifts the window back: a 10-minute delay alerts 10 minutes later", () => {
    const series = [
      { metric: "test.up", tags: { host: "a" }, points: "1x10 0x10 1x20" },
    ];
    expect(evaluate(upMonitor(), series)).toAlert({
      group: "host:a",
      from: "15m",
      until: "21m",
    });
    expect(
      evaluate(upMonitor({ evaluationDelaySeconds: 600 }), series),
    ).toAlert({ group: "host:a", from: "25m", until: "31m" });
  });

  it("evaluates points that arrive 10 minutes late only once the delay covers them", () => {
    const late = [
      {
        metric: "test.up",
        tags: { host: "a" },
        points: "1x10 0x20",
        lateMinutes: 10,
      },
    ];
    const undelayed = evaluate(
      upMonitor({ noData: { kind: "notify", afterMinutes: 5 } }),
      late,
    );
    expect(undelayed).toStayOk();
    expect(new Set(reasonsAt(undelayed, "host:a"))).toEqual(
      new Set(["not-seen"]),
    );
    expect(
      evaluate(
        upMonitor({
          noData: { kind: "notify", afterMinutes: 5 },
          evaluationDelaySeconds: 600,
        }),
        late,
      ),
    ).toAlert({ group: "host:a", from: "25m" });
  });
});

describe("require_full_window", () => {
  const sparse = [
    { metric: "test.up", tags: { host: "a" }, points: "_x10 0 _x4 0 _x10" },
  ];

  it("skips windows whose first minute is empty or that miss more than three minutes", () => {
    const result = evaluate(upMonitor({ requireFullWindow: true }), sparse);
    expect(result).toStayOk();
    expect(reasonsAt(result, "host:a")).toContain("partial-window");
  });

  it("evaluates a single point when a full window is not required", () => {
    expect(evaluate(upMonitor({ requireFullWindow: false }), sparse)).toAlert({
      group: "host:a",
      from: "11m",
    });
  });

  it("uses ten-minute buckets for a window written in hours", () => {
    const hourly = aMetricMonitor({
      aggregator: "max",
      windowMinutes: 60,
      expression: expr.of(series(up)),
      comparator: "<",
      thresholds: { critical: 0.5 },
      requireFullWindow: true,
    });
    // a point every 10 minutes fills every 10-minute bucket; one-minute
    // buckets would leave nine of ten empty and skip every evaluation
    const result = evaluate(hourly, [
      { metric: "test.up", points: "0 _x9 ".repeat(7) },
    ]);
    expect(result).toAlert({ from: "51m" });
  });
});

describe("missing data", () => {
  const stops = [{ metric: "test.up", tags: { host: "a" }, points: "0x10" }];

  it("notify: goes NO DATA once the no-data timeframe has no point, keeping the state until then", () => {
    const result = evaluate(
      upMonitor({ noData: { kind: "notify", afterMinutes: 10 } }),
      stops,
      { toMinute: 30 },
    );
    expect(result).toAlert({ group: "host:a", from: "1m", until: "20m" });
    expect(result).toBeNoData({ group: "host:a", from: "20m" });
  });

  it("ignore: skips evaluations and keeps the last state, an alert included", () => {
    const result = evaluate(upMonitor(), stops, { toMinute: 60 });
    expect(result.groups[0]!.steps.at(-1)).toMatchObject({
      state: "ALERT",
      reason: "no-data-kept",
    });
  });

  it("no decision (an imported monitor) reads as notify_no_data false", () => {
    const { noData: _, ...undecided } = upMonitor();
    const result = evaluate(undecided, stops, { toMinute: 60 });
    expect(result.notifyNoData).toBe(false);
    expect(result.groups).toEqual(
      evaluate(upMonitor(), stops, { toMinute: 60 }).groups,
    );
    expect(result.groups[0]!.steps.at(-1)?.reason).toBe("no-data-kept");
  });

  it.each([
    ["show_no_data shows NO DATA", "show_no_data", "NO DATA"],
    [
      "show_and_notify_no_data shows NO DATA",
      "show_and_notify_no_data",
      "NO DATA",
    ],
    ["resolve shows OK", "resolve", "OK"],
    ["default keeps the last state of a gauge query", "default", "ALERT"],
  ] as const)("on_missing_data %s", (_, onMissingData, state) => {
    const result = evaluate(
      upMonitor({ noData: { kind: "missing-data", onMissingData } }),
      stops,
      { toMinute: 20 },
    );
    expect(result.groups[0]!.steps.at(-1)?.state).toBe(state);
  });

  it("on_missing_data default evaluates an empty count query as 0", () => {
    const counter = aMetricMonitor({
      aggregator: "sum",
      windowMinutes: 5,
      expression: expr.of(series(errors, { space: "sum" }).asCount()),
      comparator: ">=",
      thresholds: { critical: 1 },
      noData: { kind: "missing-data", onMissingData: "default" },
    });
    const result = evaluate(
      counter,
      [{ metric: "test.errors", points: "_x5 2 _x10" }],
      kinds,
    );
    expect(result).toAlert({ from: "6m", until: "11m" });
    expect(result.groups[0]!.steps.at(-1)).toMatchObject({
      reason: "no-data-as-zero",
      value: 0,
    });
  });

  it("never reports NO DATA for a group that has not reported yet", () => {
    const result = evaluate(
      upMonitor({ noData: { kind: "notify", afterMinutes: 2 } }),
      [
        { metric: "test.up", tags: { host: "a" }, points: "1x20" },
        {
          metric: "test.up",
          tags: { host: "b" },
          points: "1x5",
          startMinute: 15,
        },
      ],
    );
    expect(result).toStayOk({ group: "host:b" });
    expect(
      reasonsAt(result, "host:b")
        .slice(0, 15)
        .every((r) => r === "not-seen"),
    ).toBe(true);
  });
});

describe("groups and schedule", () => {
  it("holds a new group in OK for its new_group_delay", () => {
    const result = evaluate(upMonitor({ newGroupDelaySeconds: 300 }), [
      { metric: "test.up", tags: { host: "a" }, points: "0x20" },
    ]);
    expect(result).toAlert({ group: "host:a", from: "6m" });
  });

  it("evaluates windows of a day every ten minutes", () => {
    const daily = aMetricMonitor({
      aggregator: "min",
      windowMinutes: 1440,
      expression: expr.of(series(up)),
      comparator: "<",
      thresholds: { critical: 0.5 },
    });
    const result = evaluate(daily, [{ metric: "test.up", points: "1x5 0x30" }]);
    expect(result).toAlert({ from: "11m" });
  });

  it("change() compares each point with the one N minutes before, then aggregates", () => {
    const spec = upMonitor({ comparator: ">", thresholds: { critical: 5 } });
    const query = spec.query as MetricMonitorQuery;
    const changing: MonitorSpec = {
      ...spec,
      query: {
        ...query,
        reducer: {
          kind: "change",
          fn: "change",
          inner: query.reducer as never,
          shift: "5m_ago",
        },
      },
    };
    const result = evaluate(changing, [
      { metric: "test.up", tags: { host: "a" }, points: "1x10 10x10" },
    ]);
    expect(result).toAlert({ group: "host:a", from: "11m", until: "20m" });
  });
});

describe("constructs the evaluator does not model", () => {
  const base = upMonitor();
  const query = base.query as MetricMonitorQuery;
  const withQuery = (q: Partial<MetricMonitorQuery>): MonitorSpec => ({
    ...base,
    query: { ...query, ...q },
  });
  const problems = (spec: MonitorSpec, kindsOf = {}) => {
    try {
      evaluate(
        spec,
        [{ metric: "test.up", tags: { host: "a" }, points: "1" }],
        { metricKinds: kindsOf },
      );
    } catch (error) {
      if (error instanceof EvaluateError)
        return error.diagnostics.map(
          (d) => `${d.check} ${d.path}: ${d.message}`,
        );
      throw error;
    }
    return [];
  };

  it.each<[string, MonitorSpec, string]>([
    [
      "anomalies() is an explicit error naming the function",
      withQuery({
        expression: expr.call(
          "anomalies",
          series(up),
          { kind: "string", value: "basic" },
          2,
        ),
      }),
      'evaluate-unsupported query.expression.name: expected a function the evaluator models (abs, clamp_max, clamp_min, default_zero), got "anomalies"',
    ],
    [
      "forecast() is an explicit error",
      withQuery({ expression: expr.call("forecast", series(up)) }),
      'got "forecast"',
    ],
    [
      "a calendar window is not modelled",
      withQuery({
        reducer: {
          kind: "time",
          aggregator: "max",
          window: { kind: "current", amount: 1, unit: "mo" },
        },
      }),
      'got "current_1mo"',
    ],
    [
      "an unknown modifier is named",
      withQuery({
        expression: {
          ...series(up).build(),
          modifiers: [{ name: "weighted", args: [] }],
        },
      }),
      'got "weighted"',
    ],
    [
      "a rollup below a minute is not modelled",
      withQuery({ expression: series(up).rollup("avg", 30).build() }),
      "got 30",
    ],
    [
      "a raw query that does not parse gives the parser's error and column",
      {
        ...base,
        query: { kind: "raw", text: "max(last_5m):max:test.up{* > 0.5" },
      },
      'evaluate-query query.text: expected a "}" to close this "{", got end of query (column 25)',
    ],
    [
      "a raw formula query is not modelled",
      {
        ...base,
        query: { kind: "raw", text: 'formula("query1").last("5m") > 0.5' },
      },
      "evaluate-unsupported query.text: expected a metric query, got a formula query",
    ],
    [
      "a forecast window is not modelled",
      withQuery({
        reducer: {
          kind: "time",
          aggregator: "max",
          window: { kind: "next", amount: 1, unit: "w" },
        },
      }),
      'expected a rolling last_ window, got "next_1w"',
    ],
    [
      "a recovery threshold with == has no documented direction",
      {
        ...withQuery({ comparator: "==" }),
        thresholds: { critical: 0.5, criticalRecovery: 1 },
      },
      'evaluate-unsupported thresholds.criticalRecovery: expected no recovery threshold with "==", got 1',
    ],
    [
      "an extraOptions override of an evaluation setting would be ignored",
      { ...base, extraOptions: { evaluation_delay: 900 } },
      'evaluate-unsupported extraOptions.evaluation_delay: expected evaluation settings in the spec\'s typed fields, got an override of "evaluation_delay"',
    ],
    [
      "a query threshold that differs from critical is rejected",
      withQuery({ threshold: 0.7 }),
      "expected the query's threshold 0.7, got 0.5",
    ],
    [
      "an evaluation delay in seconds is not modelled",
      { ...base, evaluationDelaySeconds: 90 },
      "got 90",
    ],
  ])("%s", (_, spec, expected) => {
    expect(problems(spec).join("\n")).toContain(expected);
  });

  it("reads a raw query with the query parser and evaluates it like the tree", () => {
    const text = "max(last_5m):max:test.up{*} by {host} < 0.5";
    const data = [
      { metric: "test.up", tags: { host: "a" }, points: "1x10 0x10 1x10" },
    ];
    const fromText = evaluate({ ...base, query: { kind: "raw", text } }, data);
    expect(fromText.query).toBe(text);
    expect(fromText.groups).toEqual(evaluate(base, data).groups);
    expect(fromText).toAlert({ group: "host:a", from: "15m", until: "21m" });
  });

  it("as_count() needs the sum aggregator, as Datadog requires", () => {
    const spec = aMetricMonitor({
      aggregator: "avg",
      windowMinutes: 5,
      expression: expr.of(series(errors).asCount()),
      comparator: ">",
      thresholds: { critical: 1 },
    });
    expect(problems(spec).join()).toContain(
      'expected sum with .as_count(), got "avg"',
    );
  });

  it("a count metric without as_count() or as_rate() is an error, not a guess", () => {
    const spec = aMetricMonitor({
      aggregator: "sum",
      windowMinutes: 5,
      expression: expr.of(series(errors)),
      comparator: ">",
      thresholds: { critical: 1 },
    });
    expect(problems(spec, { "test.errors": "count" }).join()).toContain(
      "expected .as_count() or .as_rate() on a count metric",
    );
  });

  it("reports every problem at once, series notation included", () => {
    const spec = withQuery({ expression: expr.call("outliers", series(up)) });
    try {
      evaluate(spec, [
        { metric: "test.up", points: "1 oops" },
        { metric: "test.up", points: "2", lateMinutes: -1 },
      ]);
      expect.unreachable();
    } catch (error) {
      expect((error as EvaluateError).diagnostics.map((d) => d.path)).toEqual([
        "query.expression.name",
        "series[0].points",
        "series[1].lateMinutes",
      ]);
      expect((error as Error).message).toContain(
        'test-monitor [evaluate-series]: series[0].points: token 2: expected a number, "_" or ".", got "oops"',
      );
    }
  });
});
