import type { MonitorContext } from "../model/definition.js";
import type { Environment, Tier } from "../model/environment.js";
import { stackName } from "../model/environment.js";
import type { MonitorSpec } from "../model/monitor.js";
import type { Finding } from "../validate/check.js";
import { MONITOR_CHECKS } from "../validate/index.js";

/**
 * Checks an import never opts out of: a dev monitor that pages would wake
 * someone from the tier that promises not to. The importer reports these
 * as errors instead.
 */
export const NEVER_SILENCED: ReadonlySet<string> = new Set(["dev-no-paging"]);

/** Every check finding, by check id, for a spec in every environment. */
export function findingsOf(
  build: (ctx: MonitorContext) => MonitorSpec,
  environments: readonly Environment[],
  tier: Tier,
  file: string,
): Map<string, { env: string; finding: Finding }[]> {
  const out = new Map<string, { env: string; finding: Finding }[]>();
  for (const env of environments) {
    const spec = build({ env, tier });
    const stack = {
      name: stackName(env, tier),
      env,
      tier,
      monitors: [],
      dashboards: [],
    };
    for (const check of MONITOR_CHECKS) {
      for (const finding of check.run(
        { spec, file, stack: stack.name, tier },
        stack,
      )) {
        const list = out.get(check.id) ?? [];
        list.push({ env: env.name, finding });
        out.set(check.id, list);
      }
    }
  }
  return out;
}

/**
 * The opt-outs that let an imported monitor pass `npm run check` as it
 * is, one per failing check, each reason a TODO naming what to fix. A
 * check that fails in only some of the file's environments gets none:
 * the opt-out would be stale (an error) in the others.
 */
export function todoOptOuts(
  findings: Map<string, { env: string; finding: Finding }[]>,
  environments: readonly Environment[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, list] of [...findings].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (NEVER_SILENCED.has(id)) continue;
    const envs = new Set(list.map((l) => l.env));
    if (envs.size !== environments.length) continue;
    const first = list[0]!.finding;
    out[id] =
      `TODO(#6): imported as is; ${first.path}: ${first.message}` +
      "; fix it and delete this opt-out";
  }
  return out;
}
