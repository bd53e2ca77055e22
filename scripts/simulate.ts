import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { closest } from "../lib/config/closest.js";
import {
  EvaluateError,
  evaluate,
  formatMinute,
  formatTimeline,
  notifications,
  renderSvg,
} from "../lib/evaluate/index.js";
import { loadSeriesFile } from "../lib/evaluate/series-file.js";
import type { Diagnostic } from "../lib/model/diagnostic.js";
import type { MonitorSpec } from "../lib/model/monitor.js";
import { queryFacts } from "../lib/validate/query-facts.js";
import type { EvaluationResult, SeriesInput } from "../lib/evaluate/types.js";
import type { PlacedMonitor } from "../lib/model/monitor.js";
import { planProject } from "../lib/pipeline.js";
import {
  consoleReporter,
  type Reporter,
  reportDiagnostics,
  runMain,
} from "./reporter.js";

const USAGE =
  "usage: npm run simulate -- [<env>/<monitor-id>] --series <file.yaml> [--out <file.svg>]";

/**
 * Evaluates one monitor against a series file: prints the state timeline
 * and the notifications it would send, and writes an SVG of it.
 *
 *   npm run simulate -- testnet-prod/alb-5xx-rate --series examples/series/alb-5xx-outage.yaml
 *
 * The monitor may be left out when the series file names it
 * (`monitor: <env>/<monitor-id>`). The SVG goes to
 * artifacts/simulate/<env>-<monitor-id>.svg unless --out names a file. Bad input exits 1 with every problem and writes nothing.
 */
async function main(reporter: Reporter = consoleReporter): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ("error" in args) return fail(reporter, args.error);
  const root = process.cwd();

  const file = loadSeriesFile(resolve(args.series), root);
  const project = await planProject({ root });
  const problems = [
    ...file.diagnostics,
    ...project.diagnostics.filter((d) => d.level === "error"),
  ];
  const target = args.target ?? file.value?.monitor;
  const found = target
    ? findMonitor(
        project.plan.stacks.flatMap((s) => s.monitors),
        target,
      )
    : file.value
      ? noTarget()
      : undefined;
  if (found && "error" in found) problems.push(found.error);
  if (
    reportDiagnostics(problems, reporter) > 0 ||
    !file.value ||
    !found ||
    "error" in found
  )
    return 1;

  let result;
  try {
    result = evaluate(found.monitor.spec, file.value.series, {
      ...(file.value.fromMinute !== undefined
        ? { fromMinute: file.value.fromMinute }
        : {}),
      ...(file.value.toMinute !== undefined
        ? { toMinute: file.value.toMinute }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof EvaluateError)) throw error;
    reportDiagnostics(error.diagnostics, reporter);
    return 1;
  }

  reporter.out(
    `${found.monitor.stack}/${found.monitor.spec.id} (${found.monitor.file})`,
  );
  if (file.value.description)
    reporter.out(`scenario: ${file.value.description}`);
  reporter.out(formatTimeline(result));
  for (const warning of unmatchedSeries(
    found.monitor.spec,
    file.value.series,
    result,
  )) {
    reporter.err(`warning: ${args.series}: ${warning}`);
  }
  const sent = notifications(result);
  reporter.out(sent.length ? "notifications:" : "notifications: none");
  for (const n of sent) {
    const page = n.paging.length ? " (pages)" : "";
    reporter.out(
      `  ${formatMinute(n.minute)} ${n.group} ${n.from} -> ${n.to}: ${n.handles.join(" ") || "no handle"}${page}`,
    );
  }

  const out =
    args.out ??
    join("artifacts", "simulate", `${found.env}-${found.monitor.spec.id}.svg`);
  writeAtomically(resolve(out), renderSvg(result));
  reporter.err(`wrote ${out}`);
  return 0;
}

interface Args {
  readonly target?: string;
  readonly series: string;
  readonly out?: string;
}

function parseArgs(argv: readonly string[]): Args | { error: string } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--series" || arg === "--out") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--"))
        return { error: `${arg}: expected a file path, got nothing` };
      flags[arg.slice(2)] = value;
    } else if (arg.startsWith("--")) {
      return {
        error: `${arg}: expected --series or --out, got an unknown option`,
      };
    } else positional.push(arg);
  }
  if (positional.length > 1) {
    return {
      error: `expected at most one <env>/<monitor-id>, got ${positional.map((p) => `"${p}"`).join(", ")}`,
    };
  }
  if (!flags.series)
    return { error: "--series: expected a series file, got nothing" };
  return {
    ...(positional[0] ? { target: positional[0] } : {}),
    series: flags.series,
    ...(flags.out ? { out: flags.out } : {}),
  };
}

function noTarget(): { error: Diagnostic } {
  return {
    error: {
      level: "error",
      where: "simulate",
      check: "simulate-target",
      path: "target",
      message:
        "expected <env>/<monitor-id> on the command line or as monitor: in the series file, got neither",
    },
  };
}

/** `<env>/<id>` or `<env>-<tier>/<id>` to one placed monitor. */
function findMonitor(
  monitors: readonly PlacedMonitor[],
  target: string,
): { monitor: PlacedMonitor; env: string } | { error: Diagnostic } {
  const error = (path: string, message: string, hint?: string) => ({
    error: {
      level: "error",
      where: "simulate",
      check: "simulate-target",
      path,
      message,
      ...(hint ? { hint } : {}),
    } as Diagnostic,
  });
  const [scope, id, extra] = target.split("/");
  if (!scope || !id || extra !== undefined) {
    return error("target", `expected <env>/<monitor-id>, got "${target}"`);
  }

  const envOf = (m: PlacedMonitor) => m.stack.replace(/-(oncall|dev)$/, "");
  const envs = [...new Set(monitors.map(envOf))].sort();
  const inScope = monitors.filter(
    (m) => m.stack === scope || envOf(m) === scope,
  );
  if (inScope.length === 0) {
    const near = closest(scope, envs);
    return error(
      "target.env",
      `expected an environment among ${envs.join(", ")}, got "${scope}"`,
      near ? `did you mean "${near}"?` : undefined,
    );
  }
  const hits = inScope.filter((m) => m.spec.id === id);
  if (hits.length === 1) return { monitor: hits[0]!, env: envOf(hits[0]!) };
  if (hits.length > 1) {
    return error(
      "target.id",
      `expected one monitor "${id}", got one per tier: ${hits.map((m) => m.stack).join(", ")}`,
      `write <env>-<tier>/${id}`,
    );
  }
  const ids = [...new Set(inScope.map((m) => m.spec.id))].sort();
  const near = closest(id, ids);
  return error(
    "target.id",
    `expected a monitor id of ${scope} (${ids.join(", ")}), got "${id}"`,
    near ? `did you mean "${near}"?` : undefined,
  );
}

function fail(reporter: Reporter, message: string): number {
  reporter.err(`error: simulate: ${message}`);
  reporter.err(USAGE);
  return 1;
}

/** Writes through a temporary file so a failure leaves nothing half-written. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Why a scenario may say nothing about the monitor: a metric the query
 * reads that no series has (a typo), or series that never gave the query
 * a value (tags the scope does not select). A quiet timeline would
 * otherwise look like a monitor that stays OK.
 */
function unmatchedSeries(
  spec: MonitorSpec,
  series: readonly SeriesInput[],
  result: EvaluationResult,
): string[] {
  const valued = result.groups.some((g) =>
    g.steps.some((step) => step.value !== undefined),
  );
  if (valued) return [];
  const metrics = queryFacts(spec)?.metrics ?? [];
  const missing = metrics.filter((m) => !series.some((s) => s.metric === m));
  return missing.length > 0
    ? [
        `no series for ${missing.join(", ")}; the query reads ${metrics.join(", ")}`,
      ]
    : [
        `no series gave the query a value; check their tags against its scope: ${result.query}`,
      ];
}

runMain(() => main());
