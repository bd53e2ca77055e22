import { quote } from "../../model/diagnostic.js";
import { formatWindow } from "../../query/format.js";
import type { Finding, MonitorCheck } from "../check.js";
import {
  monitorOptions,
  OPTION_ATTRIBUTES,
  optionNumber,
} from "../monitor-options.js";
import { queryFacts } from "../query-facts.js";

/**
 * `no_data_timeframe` at least twice the evaluation window, as Datadog
 * recommends: a sparse series shorter than that reports "no data" between
 * its points. Only a monitor that notifies on no data uses the timeframe
 * (the API returns one on every monitor, so an import may carry it).
 * https://docs.datadoghq.com/monitors/guide/monitor_api_options/
 */
export const noDataTimeframe: MonitorCheck = {
  id: "no-data-timeframe",
  description:
    "`no_data_timeframe` is whole minutes, at least twice the evaluation window",
  run: ({ spec }) => {
    const options = monitorOptions(spec);
    const set = options.noDataTimeframe;
    if (!set || options.notifyNoData?.value !== true) return [];
    const { path } = set;
    const value = optionNumber(set.value);

    if (value === undefined || !Number.isInteger(value) || value < 1) {
      return [
        {
          path,
          message: `expected whole minutes, at least 1, got ${quote(set.value)}`,
        },
      ];
    }
    const facts = queryFacts(spec);
    if (!facts || value >= 2 * facts.windowMinutes) return [];
    return [
      {
        path,
        message:
          `expected at least ${2 * facts.windowMinutes} minutes (twice the` +
          ` ${formatWindow(facts.window)} window), got ${value}`,
        hint: "a shorter timeframe reports no data between the points of a sparse series",
      },
    ];
  },
};

const NO_DATA_ATTRIBUTES = [
  OPTION_ATTRIBUTES.notifyNoData,
  OPTION_ATTRIBUTES.noDataTimeframe,
  OPTION_ATTRIBUTES.onMissingData,
] as const;

/**
 * No-data settings that contradict each other:
 * - a no-data option in `extraOptions` next to `noData` (two decisions);
 * - `on_missing_data` together with `notify_no_data`/`no_data_timeframe`
 *   (the newer setting replaces the older pair);
 * - `default_zero()` in the query with an `on_missing_data` other than
 *   `default`: the query says silence is zero, the option says silence is
 *   something to show or resolve.
 * https://docs.datadoghq.com/monitors/guide/on_missing_data/
 */
export const noDataConflict: MonitorCheck = {
  id: "no-data-conflict",
  description:
    "no-data settings agree: one decision, `on_missing_data` without `notify_no_data`/`no_data_timeframe`, `default_zero()` only with `on_missing_data: default`",
  run: ({ spec }) => {
    const out: Finding[] = [];
    const options = monitorOptions(spec);
    const extra = spec.extraOptions ?? {};

    if (spec.noData) {
      for (const attribute of NO_DATA_ATTRIBUTES) {
        if (extra[attribute] === undefined) continue;
        out.push({
          path: `extraOptions.${attribute}`,
          message: `expected the no-data decision only in noData, got ${attribute} here too`,
          hint: "drop the extra option and state the decision in noData",
        });
      }
    } else {
      out.push(...optionConflicts(options));
    }

    const missing = options.onMissingData;
    if (
      missing &&
      missing.value !== "default" &&
      queryFacts(spec)?.usesDefaultZero
    ) {
      out.push({
        path: missing.path,
        message: `expected "default" with default_zero() in the query, got ${quote(missing.value)}`,
        hint: "drop default_zero() or let on_missing_data stay default",
      });
    }
    return out;
  },
};

function optionConflicts(
  options: ReturnType<typeof monitorOptions>,
): Finding[] {
  const { onMissingData, notifyNoData, noDataTimeframe } = options;
  const older = notifyNoData ?? noDataTimeframe;
  if (!onMissingData || !older) return [];
  return [
    {
      path: older.path,
      message: `expected no ${older.path.slice(older.path.indexOf(".") + 1)} with on_missing_data, got ${quote(older.value)}`,
      hint: "on_missing_data replaces notify_no_data and no_data_timeframe",
    },
  ];
}
