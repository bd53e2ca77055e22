import { rawMonitor, type RawMonitorParams } from "../factories/raw-monitor.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { MonitorContext } from "../model/definition.js";
import type { Environment, Tier } from "../model/environment.js";
import type { MonitorSpec } from "../model/monitor.js";
import type { ImportedMonitor } from "./convert-monitor.js";
import { matchFactory } from "./match-factory.js";
import { findingsOf, todoOptOuts } from "./opt-outs.js";
import { overridesOf } from "./overrides.js";
import type { DefinitionCall } from "./write-definition.js";

/** How one imported monitor is written, and what checks it fails. */
export interface PlannedDefinition {
  readonly call: DefinitionCall;
  /** The spec id (the Terraform resource id). */
  readonly specId: string;
  /** Check ids opted out of with a TODO. */
  readonly todos: readonly string[];
  /** Findings the opt-outs cannot cover (some environments only). */
  readonly warnings: readonly Diagnostic[];
}

/**
 * A factory call when a factory rebuilds the monitor's query and
 * thresholds in the adoption environment (fields that differ kept as
 * overrides), raw fields otherwise; then one TODO opt-out per check the
 * monitor fails as it is in every environment of the file.
 */
export function definitionFor(
  monitor: ImportedMonitor,
  options: {
    readonly slug: string;
    readonly tier: Tier;
    readonly envs: readonly Environment[];
    /** The environment whose stack adopts it, when it has an id. */
    readonly adoptIn?: Environment;
    readonly file: string;
  },
): PlannedDefinition {
  const { tier, envs, adoptIn } = options;
  const importIds =
    adoptIn && monitor.importId !== undefined
      ? { [adoptIn.name]: monitor.importId }
      : undefined;
  const matchEnv = adoptIn ?? (envs.length === 1 ? envs[0] : undefined);
  const match = matchEnv
    ? matchFactory(monitor, { env: matchEnv, tier })
    : undefined;

  if (match && matchEnv) {
    const specId = match.spec.id;
    const imported = rawMonitor(
      { env: matchEnv, tier },
      { id: specId, ...monitor.params },
    );
    const overrides = overridesOf(match.spec, imported);
    const build = (ctx: MonitorContext): MonitorSpec => ({
      ...match.build(ctx),
      ...overrides,
      ...(importIds?.[ctx.env.name] !== undefined
        ? { importId: importIds[ctx.env.name] }
        : {}),
    });
    const opts = optOuts(build, options);
    return {
      specId,
      todos: Object.keys(opts.ignoreChecks),
      warnings: opts.warnings,
      call: {
        kind: "factory",
        name: match.name,
        module: match.module,
        params: match.params,
        specId,
        overrides: {
          ...overrides,
          ...(Object.keys(opts.ignoreChecks).length
            ? { ignoreChecks: opts.ignoreChecks }
            : {}),
        },
        ...(importIds ? { importIds } : {}),
      },
    };
  }

  const specId = options.slug;
  const params: RawMonitorParams = {
    id: specId,
    ...monitor.params,
    ...(importIds ? { importIds } : {}),
  };
  const opts = optOuts((ctx) => rawMonitor(ctx, params), options);
  return {
    specId,
    todos: Object.keys(opts.ignoreChecks),
    warnings: opts.warnings,
    call: {
      kind: "raw",
      params: {
        ...params,
        ...(Object.keys(opts.ignoreChecks).length
          ? { ignoreChecks: opts.ignoreChecks }
          : {}),
      },
    },
  };
}

function optOuts(
  build: (ctx: MonitorContext) => MonitorSpec,
  options: { tier: Tier; envs: readonly Environment[]; file: string },
) {
  const findings = findingsOf(build, options.envs, options.tier, options.file);
  const ignoreChecks = todoOptOuts(findings, options.envs);
  const warnings: Diagnostic[] = [];
  for (const [check, list] of findings) {
    if (check in ignoreChecks || check === "dev-no-paging") continue;
    const envs = [...new Set(list.map((l) => l.env))].join(", ");
    warnings.push({
      level: "warning",
      where: options.file,
      check,
      path: list[0]!.finding.path,
      message: `${list[0]!.finding.message} (in ${envs} only, so no opt-out; npm run check reports it)`,
    });
  }
  return { ignoreChecks, warnings };
}
