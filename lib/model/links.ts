import { appUrl, type Environment } from "./environment.js";

/**
 * Links between monitors, dashboards and runbooks.
 *
 * Dashboard ids are assigned by Datadog at creation, so a paging message
 * cannot know them without reading the dev stack's state, which would tie
 * the two stacks together. Messages link to a dashboard search by its
 * exact title instead; titles are derived here from the environment and a
 * slug, and the dashboards use the same function.
 */

/** `[testnet-prod] Gateway overview` */
export function dashboardTitle(env: Environment, title: string): string {
  return `[${env.name}] ${title}`;
}

/** A link that finds the dashboard by title in the Datadog app. */
export function dashboardLink(env: Environment, title: string): string {
  const query = encodeURIComponent(dashboardTitle(env, title));
  return `${appUrl(env.datadog.site)}/dashboard/lists?q=${query}`;
}

/** The runbook page for a monitor: `<runbookBaseUrl>/<slug>`. */
export function runbookLink(env: Environment, slug: string): string {
  return `${env.runbookBaseUrl.replace(/\/+$/, "")}/${slug}`;
}
