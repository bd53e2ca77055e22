import type { MonitorContext } from "../../lib/model/definition.js";
import type { Tier } from "../../lib/model/environment.js";
import type { MonitorSpec } from "../../lib/model/monitor.js";
import { formatQuery } from "../../lib/query/format.js";
import { repoEnvironment } from "./project.js";

/** A factory context for one of the repository's environments. */
export function aContext(
  env = "testnet-prod",
  tier: Tier = "oncall",
): MonitorContext {
  return { env: repoEnvironment(env), tier };
}

/** A spec's query as Datadog reads it. */
export function queryOf(spec: MonitorSpec): string {
  if (spec.query.kind === "raw") return spec.query.text;
  return formatQuery(spec.query);
}
