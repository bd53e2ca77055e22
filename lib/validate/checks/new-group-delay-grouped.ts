import type { MonitorCheck } from "../check.js";
import { monitorOptions } from "../monitor-options.js";
import { queryFacts } from "../query-facts.js";

/**
 * `new_group_delay` only means something on a multi-alert monitor ("The
 * option is available with multi alert mode"); on a query without
 * `by {...}` it suggests the grouping was lost.
 * https://docs.datadoghq.com/monitors/configuration/#new-group-delay
 */
export const newGroupDelayGrouped: MonitorCheck = {
  id: "new-group-delay-grouped",
  description:
    "`new_group_delay` is set only on monitors whose query groups by a tag",
  run: ({ spec }) => {
    const set = monitorOptions(spec).newGroupDelay;
    const facts = queryFacts(spec);
    if (!set || !facts || facts.groupBy.length > 0) return [];
    return [
      {
        path: set.path,
        message: "expected a query grouped by a tag, got one without by {...}",
        hint: "group the query or drop the new group delay",
      },
    ];
  },
};
