import { DASHBOARDS } from "../factories/common.js";
import type { DashboardContext } from "../model/definition.js";
import { dashboardLink } from "../model/links.js";
import {
  type MonitorSelector,
  runbookOf,
  selectMonitors,
} from "./monitor-graphs.js";
import { note, type NoteWidget } from "./widget.js";

/**
 * Links from a dashboard to the other dashboards and to runbooks, as the
 * first widget of every dashboard. Dashboards are found by title (the
 * same search links that paging messages use), so no dashboard id, and
 * no value from another stack, is needed.
 */

/** A runbook page named after the last part of its URL. */
export interface RunbookLink {
  readonly slug: string;
  readonly url: string;
}

/** The runbooks the selected monitors' messages link to, deduplicated. */
export function runbookLinks(
  ctx: DashboardContext,
  selector: MonitorSelector,
): RunbookLink[] {
  const urls = selectMonitors(ctx, selector).flatMap(({ spec }) => {
    const url = runbookOf(spec);
    return url ? [url] : [];
  });
  return [...new Set(urls)].sort().map((url) => ({
    slug: url.replace(/\/+$/, "").split("/").pop() ?? url,
    url,
  }));
}

/**
 * A note with what the dashboard shows, links to the other dashboards of
 * the environment and to the runbooks of the monitors it graphs.
 */
export function headerNote(
  ctx: DashboardContext,
  options: { title: string; summary: string; monitors: MonitorSelector },
): NoteWidget {
  const others = Object.values(DASHBOARDS)
    .filter((t) => t !== options.title)
    .map((t) => `[${t}](${dashboardLink(ctx.env, t)})`);
  const runbooks = runbookLinks(ctx, options.monitors).map(
    (r) => `[${r.slug}](${r.url})`,
  );

  return note(
    [
      options.summary.trim(),
      "",
      `**Dashboards:** ${others.join(" · ")}`,
      `**Runbooks:** ${runbooks.length ? runbooks.join(" · ") : "none"}`,
    ].join("\n"),
    { size: { width: 12, height: 2 } },
  );
}
