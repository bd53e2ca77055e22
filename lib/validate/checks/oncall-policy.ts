import type { Environment } from "../../model/environment.js";
import type { Finding, MonitorCheck } from "../check.js";

/**
 * What a monitor that wakes someone must carry (DESIGN.md, "Two tiers"):
 * a runbook link, owner tags and an explicit no-data decision. The
 * paging handle is `oncall-paging-handle`, the priority `priority-range`.
 */

const URL = /https?:\/\/[^\s<>()[\]"'`]+/g;
const RUNBOOK = /runbook/i;
const TRAILING_SLASHES = /\/+$/;

/** An oncall message links to a runbook. */
export const oncallRunbook: MonitorCheck = {
  id: "oncall-runbook",
  description:
    "an oncall message links to a runbook: a URL under the environment's `runbookBaseUrl`, or one on a line that says runbook",
  run: ({ spec, tier }, stack) => {
    if (tier !== "oncall" || hasRunbookLink(spec.message, stack.env)) {
      return [];
    }
    return [
      {
        path: "message",
        message: `expected a runbook link (under ${stack.env.runbookBaseUrl}), got none`,
        hint: "whoever is woken up needs the steps; add a Runbook: line",
      },
    ];
  },
};

function hasRunbookLink(message: string, env: Environment): boolean {
  const base = env.runbookBaseUrl.replace(TRAILING_SLASHES, "");
  for (const line of message.split("\n")) {
    const urls = line.match(URL);
    if (!urls) continue;
    if (RUNBOOK.test(line)) return true;
    if (urls.some((u) => u.startsWith(`${base}/`))) return true;
  }
  return false;
}

/** Tag keys that name an oncall monitor's owner. */
export const OWNER_TAG_KEYS = ["team", "service"] as const;

/** An oncall monitor names its owner in tags. */
export const oncallOwnerTags: MonitorCheck = {
  id: "oncall-owner-tags",
  description: "an oncall monitor has `team:` and `service:` tags",
  run: ({ spec, tier }) => {
    if (tier !== "oncall") return [];
    const out: Finding[] = [];
    for (const key of OWNER_TAG_KEYS) {
      const prefix = `${key}:`;
      if (
        spec.tags.some((t) => t.startsWith(prefix) && t.length > prefix.length)
      ) {
        continue;
      }
      out.push({
        path: "tags",
        message: `expected a ${prefix}<name> tag, got none`,
        hint: "the owner tags route the page and sort the monitor list",
      });
    }
    return out;
  },
};

const NO_DATA_OPTIONS = ["notify_no_data", "on_missing_data"] as const;

/**
 * An oncall monitor decides what silence means: `noData` (notify, ignore
 * with a reason, or `on_missing_data`), or for an imported monitor the
 * same decision in `extraOptions`. Without one Datadog stays silent when
 * the data stops, which on a paging monitor is rarely what was meant.
 */
export const oncallNoData: MonitorCheck = {
  id: "oncall-no-data",
  description:
    "an oncall monitor makes an explicit no-data decision; ignoring silence needs a reason",
  run: ({ spec, tier }) => {
    if (tier !== "oncall") return [];
    const noData = spec.noData;
    if (noData?.kind === "ignore" && !noData.reason.trim()) {
      return [
        {
          path: "noData.reason",
          message: "expected why silence is fine, got an empty reason",
        },
      ];
    }
    const extra = spec.extraOptions ?? {};
    if (noData || NO_DATA_OPTIONS.some((o) => extra[o] !== undefined)) {
      return [];
    }
    return [
      {
        path: "noData",
        message: "expected a no-data decision, got none",
        hint: "set noData: notify after N minutes, ignore with a reason, or on_missing_data",
      },
    ];
  },
};
