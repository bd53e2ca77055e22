import { metrics, type MetricDefinition } from "../catalog/metrics.js";
import type { DashboardContext } from "../model/definition.js";
import type { Environment, Tier } from "../model/environment.js";
import { dashboardLink } from "../model/links.js";
import type { MonitorSpec, Thresholds } from "../model/monitor.js";
import type {
  Comparator,
  Expression,
  MetricMonitorQuery,
} from "../query/ast.js";
import { expr, scope, windowMinutes } from "../query/builder.js";
import { formatNumber } from "../model/format-number.js";
import { variableTerms } from "./template-variables.js";
import {
  group,
  type Marker,
  note,
  timeseries,
  type Widget,
  type WidgetLink,
} from "./widget.js";

/**
 * Graphs derived from monitor specs, so a dashboard cannot drift from
 * what pages: the graph is built from the spec's own query tree and its
 * resolved thresholds in the same synth. Change a threshold (in the
 * monitor file or an environment override) and the marker moves with it.
 */

/** Which monitors of the environment to graph; all conditions must hold. */
export interface MonitorSelector {
  readonly tier?: Tier;
  /** The `service:<name>` tag. */
  readonly service?: string;
  /** A whole `key:value` tag the monitor carries. */
  readonly tag?: string;
  /** Monitors whose message links to this dashboard (title, no env). */
  readonly linksTo?: string;
}

type PlacedSpec = DashboardContext["monitors"][number];

/** The monitors a selector picks, in definition order. */
export function selectMonitors(
  ctx: DashboardContext,
  selector: MonitorSelector,
): PlacedSpec[] {
  const link = selector.linksTo && dashboardLink(ctx.env, selector.linksTo);
  return ctx.monitors.filter(
    ({ spec, tier }) =>
      (selector.tier === undefined || tier === selector.tier) &&
      (selector.service === undefined ||
        spec.tags.includes(`service:${selector.service}`)) &&
      (selector.tag === undefined || spec.tags.includes(selector.tag)) &&
      (!link || spec.message.includes(link)),
  );
}

/** One graph per selected monitor. */
export function monitorGraphs(
  ctx: DashboardContext,
  selector: MonitorSelector,
): Widget[] {
  return selectMonitors(ctx, selector).map(({ spec }) =>
    monitorGraph(ctx.env, spec),
  );
}

/**
 * A group titled `title` with one graph per selected monitor, as a list
 * to spread into a dashboard's widgets: empty when nothing is selected,
 * so a dashboard never shows an empty group.
 */
export function monitorGraphGroup(
  ctx: DashboardContext,
  title: string,
  selector: MonitorSelector,
): Widget[] {
  const graphs = monitorGraphs(ctx, selector);
  return graphs.length ? [group(title, graphs)] : [];
}

/** Time aggregators `moving_rollup` can reproduce. */
const ROLLUPS = new Set(["avg", "sum", "min", "max"]);

/**
 * The graph of one monitor: its query expression, narrowed by the
 * dashboard's `$chain_id` and `$service` where the metric carries the tag
 * and the monitor does not already filter on it, with the critical and
 * warning thresholds as markers and a link to its runbook. The line is
 * what the monitor evaluates (`evaluated`), so it meets a marker exactly
 * when the monitor would change state.
 *
 * A monitor without a query tree (a raw query) gets a note saying so.
 */
export function monitorGraph(env: Environment, spec: MonitorSpec): Widget {
  const title = graphTitle(env, spec);
  if (spec.query.kind === "raw") {
    return note(
      `**${title}**: raw query, not graphed\n\n\`${spec.query.text}\``,
      {
        size: { width: 4, height: 2 },
        background: "yellow",
      },
    );
  }
  const runbook = runbookOf(spec);
  const links: WidgetLink[] = runbook
    ? [{ label: "Runbook", url: runbook }]
    : [];

  return timeseries(title, [evaluated(spec.query)], {
    markers: thresholdMarkers(spec.thresholds, spec.query.comparator),
    links,
  });
}

/**
 * The series the monitor compares with its threshold, point by point:
 * each point is the time aggregation over the monitor's window ending
 * there. Datadog evaluates a query with arithmetic and an `.as_count()`
 * series by aggregating each series first and then doing the arithmetic
 * (https://docs.datadoghq.com/monitors/guide/as-count-in-monitor-evaluations/),
 * so such a query gets a `moving_rollup` per series (functions such as
 * `clamp_min` then apply to the window totals); any other query gets one
 * around the whole expression. Percentile and change monitors have no
 * `moving_rollup` equivalent and are drawn unrolled.
 */
export function evaluated(query: MetricMonitorQuery): Expression {
  const expression = withVariables(query.expression);
  const { reducer } = query;
  if (reducer.kind !== "time" || !ROLLUPS.has(reducer.aggregator)) {
    return expression;
  }
  const rollup = (e: Expression) =>
    expr.call("moving_rollup", e, windowMinutes(reducer.window) * 60, {
      kind: "string",
      value: reducer.aggregator,
    });
  const perSeries = expression.kind !== "series" && countsIn(expression);
  return perSeries ? mapSeries(expression, rollup) : rollup(expression);
}

function countsIn(e: Expression): boolean {
  switch (e.kind) {
    case "series":
      return e.modifiers.some((m) => m.name === "as_count");
    case "binary":
      return countsIn(e.left) || countsIn(e.right);
    case "call":
      return e.args.some(
        (a) => a.kind !== "string" && a.kind !== "named" && countsIn(a),
      );
    case "number":
      return false;
  }
}

/** Replaces every series of an expression. */
function mapSeries(
  e: Expression,
  f: (series: Expression) => Expression,
): Expression {
  switch (e.kind) {
    case "series":
      return f(e);
    case "binary":
      return { ...e, left: mapSeries(e.left, f), right: mapSeries(e.right, f) };
    case "call":
      return {
        ...e,
        args: e.args.map((a) =>
          a.kind === "string" || a.kind === "named" ? a : mapSeries(a, f),
        ),
      };
    case "number":
      return e;
  }
}

/** The runbook URL a monitor's message links to (`Runbook: <url>`). */
export function runbookOf(spec: MonitorSpec): string | undefined {
  return /^Runbook: (\S+)$/m.exec(spec.message)?.[1];
}

/** Critical and warning thresholds as `y = <n>` markers. */
export function thresholdMarkers(
  thresholds: Thresholds,
  comparator: Comparator,
): Marker[] {
  const marker = (severity: Marker["severity"], value: number): Marker => ({
    value,
    severity,
    label: `${severity} ${comparator} ${formatNumber(value)}`,
  });
  return [
    marker("critical", thresholds.critical),
    ...(thresholds.warning !== undefined
      ? [marker("warning", thresholds.warning)]
      : []),
  ];
}

/** `[env] Name on chain {{chain_id.name}}` → `Name on chain <chain_id>`. */
function graphTitle(env: Environment, spec: MonitorSpec): string {
  return spec.name
    .replace(`[${env.name}] `, "")
    .replace(/\{\{\s*([\w.-]+?)(?:\.name)?\s*\}\}/g, "<$1>");
}

const CATALOG = new Map<string, MetricDefinition>(
  Object.values(metrics).map((m) => [m.name, m]),
);

/** Adds the dashboard's variables to every series that takes them. */
function withVariables(expression: Expression): Expression {
  return mapSeries(expression, (series) => {
    if (series.kind !== "series") return series;
    const extra = variableTerms(CATALOG.get(series.metric), series.scope);
    if (!extra.length) return series;
    const base = series.scope.kind === "all" ? [] : [series.scope];
    return { ...series, scope: scope.and(...base, ...extra) };
  });
}
