import { pagingHandlesIn } from "../../model/handles.js";
import type { MonitorCheck } from "../check.js";

/** Dev monitors never page: no paging handle anywhere in the message. */
export const devNoPaging: MonitorCheck = {
  id: "dev-no-paging",
  description: "a dev-tier monitor names no paging handle in its message",
  run: ({ spec, tier }) => {
    if (tier !== "dev") return [];
    return pagingHandlesIn(spec.message).map((handle) => ({
      path: "message",
      message: `expected no paging handle in a dev monitor, got "${handle}"`,
      hint: "move the monitor to the oncall tier or notify chat only",
    }));
  },
};

const ALERT_BLOCK = /\{\{#is_alert\}\}([\s\S]*?)\{\{\/is_alert\}\}/;

/** Oncall monitors wake someone: a paging handle in the alert block. */
export const oncallPagingHandle: MonitorCheck = {
  id: "oncall-paging-handle",
  description: "an oncall monitor pages a handle when it alerts",
  run: ({ spec, tier }) => {
    if (tier !== "oncall") return [];
    const alertBlock = ALERT_BLOCK.exec(spec.message);
    if (alertBlock && pagingHandlesIn(alertBlock[1] ?? "").length > 0)
      return [];
    return [
      {
        path: "message",
        message:
          "expected a paging handle inside {{#is_alert}}...{{/is_alert}}, got none",
        hint: "set notifications.oncall.alert in the environment config",
      },
    ];
  },
};
