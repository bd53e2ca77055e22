import type { MachineInfo } from "./machine-info.js";
import { median, type Sample } from "./measure-process.js";
import type { ParseCheckResult } from "./parse-check-rate.js";
import type { ProfileShare } from "./profile-summary.js";
import type { CheckCost, SizeResult } from "./synth-comparison.js";

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  readonly date: string;
  readonly command: string;
  readonly machine: MachineInfo;
  /** 1-minute load average when the bench finished. */
  readonly loadAfter: number;
  readonly runs: number;
  readonly sizes: readonly SizeResult[];
  /** `npm run synth` and `npx cdktf synth` on the repository itself. */
  readonly real: {
    readonly npmSynth: readonly Sample[];
    readonly cdktfSynth: readonly Sample[];
  };
  /** Ours with and without the checks at the largest size (issue 3). */
  readonly checkCost: CheckCost & { readonly monitors: number };
  readonly parseCheck: ParseCheckResult;
  /** Self time of one profiled run of each side per size. */
  readonly profiles: readonly {
    readonly monitors: number;
    readonly ours: readonly ProfileShare[];
    readonly raw: readonly ProfileShare[];
  }[];
}

/** One target of issue 8 (or 3) and whether this run met it. */
export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

const RATIO = 1.15;
const NPM_SYNTH_MS = 2000;
const CHECK_SHARE = 0.1;

const ms = (samples: readonly Sample[]) => median(samples.map((s) => s.ms));
const rss = (samples: readonly Sample[]) =>
  median(samples.map((s) => s.rssKb ?? NaN));
const cpu = (samples: readonly Sample[]) =>
  median(samples.map((s) => s.cpuMs ?? NaN));
const sec = (milliseconds: number) => (milliseconds / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);
const x = (ratio: number, digits = 2) => `${ratio.toFixed(digits)}×`;
const count = (n: number) => n.toLocaleString("en-US");

/** Every target, judged on this run's medians. */
export function judgeTargets(results: BenchResults): TargetResult[] {
  return [
    ...results.sizes.flatMap((size) => ratioTargets(size)),
    ...pairs(results.sizes).map(([small, large]) => growthTarget(small, large)),
    ...otherTargets(results),
  ];
}

/**
 * Time is judged on wall time and on CPU time, and met only when both are
 * within the ratio: on a shared machine wall time alone can hide a real
 * difference or invent one.
 */
function ratioTargets(size: SizeResult): TargetResult[] {
  const wall = ms(size.ours) / ms(size.raw);
  const cpuTime = cpu(size.ours) / cpu(size.raw);
  const memory = rss(size.ours) / rss(size.raw);
  const n = count(size.monitors);
  return [
    {
      target: `time ours/raw ≤ ${RATIO} at ${n}`,
      measured: `wall ${x(wall, 3)}, CPU ${x(cpuTime, 3)}`,
      met: wall <= RATIO && cpuTime <= RATIO,
    },
    {
      target: `peak RSS ours/raw ≤ ${RATIO} at ${n}`,
      measured: x(memory, 3),
      met: memory <= RATIO,
    },
  ];
}

function growthTarget(small: SizeResult, large: SizeResult): TargetResult {
  const wall = ms(large.ours) / ms(small.ours);
  const cpuTime = cpu(large.ours) / cpu(small.ours);
  const factor = large.monitors / small.monitors;
  return {
    target: `ours at ${count(large.monitors)} costs ≤ ${factor}× its time at ${count(small.monitors)}`,
    measured: `wall ${x(wall, 3)}, CPU ${x(cpuTime, 3)}`,
    met: wall <= factor && cpuTime <= factor,
  };
}

function otherTargets(results: BenchResults): TargetResult[] {
  const npm = ms(results.real.npmSynth);
  const out: TargetResult[] = [
    {
      target: `\`npm run synth\` on this repository < ${sec(NPM_SYNTH_MS)} s`,
      measured: `${sec(npm)} s`,
      met: npm < NPM_SYNTH_MS,
    },
  ];
  const cost = checkShare(results.checkCost);
  out.push({
    target: `checks add < ${CHECK_SHARE * 100}% to the synth of ${count(results.checkCost.monitors)} monitors (issue 3)`,
    measured: `wall ${percent(cost.wall)}, CPU ${percent(cost.cpu)}`,
    met: cost.wall < CHECK_SHARE && cost.cpu < CHECK_SHARE,
  });
  return out;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * What the checks add, as a share of synth without them: the median of
 * each round's difference (the two runs of a round are neighbours in
 * time, so load that drifts over the bench cancels out) over the median
 * unchecked run.
 */
export function checkShare(cost: CheckCost): { wall: number; cpu: number } {
  const share = (value: (s: Sample) => number) => {
    const diffs = cost.checked.map(
      (s, i) => value(s) - value(cost.unchecked[i]!),
    );
    return median(diffs) / median(cost.unchecked.map(value));
  };
  return { wall: share((s) => s.ms), cpu: share((s) => s.cpuMs ?? NaN) };
}

/** The generated section of `bench/README.md`. */
export function renderReport(results: BenchResults): string {
  return [
    header(results),
    targetsTable(results),
    sizesTable(results),
    growthTable(results),
    realTable(results),
    checkCostTable(results),
    parseCheckTable(results),
    profileTable(results),
  ].join("\n\n");
}

function header(r: BenchResults): string {
  const m = r.machine;
  return [
    `Measured ${r.date} with \`${r.command}\` (${r.runs} runs per side and size).`,
    "",
    `Machine: \`nproc\` ${m.cpus} (${m.model}), ${m.memoryGiB} GiB memory`,
    `(\`free -g\` total ${Math.floor(m.memoryGiB)}), Linux ${m.kernel}, Node ${m.node}.`,
    `Load average ${m.load} at the start, ${r.loadAfter} at the end: other`,
    "sessions share this machine, so wall times carry their load.",
  ].join("\n");
}

function targetsTable(r: BenchResults): string {
  const rows = judgeTargets(r).map(
    (t) => `| ${t.target} | ${t.measured} | ${t.met ? "met" : "**missed**"} |`,
  );
  return [
    "### Targets",
    "",
    "| target | measured | |",
    "|---|---|---|",
    ...rows,
  ].join("\n");
}

function sizesTable(r: BenchResults): string {
  const rows = r.sizes.map((s) => {
    const [o, w] = [ms(s.ours), ms(s.raw)];
    const [oc, wc] = [cpu(s.ours), cpu(s.raw)];
    const [om, wm] = [rss(s.ours), rss(s.raw)];
    return `| ${count(s.monitors)} | ${s.stacks} | ${sec(o)} | ${sec(w)} | ${x(o / w)} | ${sec(oc)} | ${sec(wc)} | ${x(oc / wc)} | ${mb(om)} | ${mb(wm)} | ${x(om / wm)} |`;
  });
  return [
    "### Ours against raw cdktf (whole processes, medians)",
    "",
    "| monitors | stacks | ours s | raw s | time ours/raw | ours CPU s | raw CPU s | CPU ours/raw | ours MB | raw MB | RSS ours/raw |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

function growthTable(r: BenchResults): string {
  const rows = pairs(r.sizes).map(([a, b]) => {
    const perThousand = (side: "ours" | "raw") =>
      ((ms(b[side]) - ms(a[side])) / (b.monitors - a.monitors)) * 1000;
    return `| ${count(a.monitors)} → ${count(b.monitors)} | ${x(ms(b.ours) / ms(a.ours))} | ${x(ms(b.raw) / ms(a.raw))} | ${perThousand("ours").toFixed(0)} | ${perThousand("raw").toFixed(0)} |`;
  });
  return [
    "### Growth",
    "",
    "| monitors | ours time × | raw time × | ours ms per 1,000 more | raw ms per 1,000 more |",
    "|---|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

function realTable(r: BenchResults): string {
  const row = (name: string, s: readonly Sample[]) => {
    const all = s.map((v) => v.ms);
    return `| \`${name}\` | ${s.length} | ${sec(median(all))} | ${sec(Math.min(...all))} | ${sec(Math.max(...all))} |`;
  };
  return [
    "### This repository",
    "",
    "| command | runs | median s | min s | max s |",
    "|---|---:|---:|---:|---:|",
    row("npm run synth", r.real.npmSynth),
    row("npx cdktf synth", r.real.cdktfSynth),
  ].join("\n");
}

function checkCostTable(r: BenchResults): string {
  const c = r.checkCost;
  const share = checkShare(c);
  const row = (name: string, s: readonly Sample[]) =>
    `| ${name} | ${sec(ms(s))} | ${sec(cpu(s))} | ${mb(rss(s))} |`;
  return [
    `### What the checks cost at ${count(c.monitors)} monitors (issue 3, whole processes, medians)`,
    "",
    "| synth | wall s | CPU s | MB |",
    "|---|---:|---:|---:|",
    row("with every check (`main.js`)", c.checked),
    row("without `validatePlan` (`bench/synth-unchecked.js`)", c.unchecked),
    `| checks add (median of paired differences) | ${percent(share.wall)} | ${percent(share.cpu)} | |`,
  ].join("\n");
}

function parseCheckTable(r: BenchResults): string {
  const p = r.parseCheck;
  const row = (step: string, t: number) =>
    `| ${step} | ${count(p.monitors)} | ${t.toFixed(1)} | ${count(Math.round((p.monitors / t) * 1000))} |`;
  const [parse, check] = [median(p.parseMs), median(p.checkMs)];
  return [
    "### Parse and check (issue 3), in one warm process",
    "",
    "| step | monitors | median ms | monitors/s |",
    "|---|---:|---:|---:|",
    row("parse every query (`parseQuery`)", parse),
    row("all checks (`validatePlan`, what synth runs)", check),
    row("both", parse + check),
    ...(p.parseFailures
      ? [`\n**${p.parseFailures} generated queries failed to parse.**`]
      : []),
  ].join("\n");
}

function profileTable(r: BenchResults): string {
  const top = (shares: readonly ProfileShare[]) =>
    shares.slice(0, 8).map((s) => s.part);
  const parts = [
    ...new Set(r.profiles.flatMap((p) => [...top(p.ours), ...top(p.raw)])),
  ];
  const cell = (shares: readonly ProfileShare[], part: string) =>
    (shares.find((s) => s.part === part)?.ms ?? 0).toFixed(0);
  const columns = r.profiles.flatMap((p) => [
    `ours ${count(p.monitors)}`,
    `raw ${count(p.monitors)}`,
  ]);
  const rows = parts.map((part) => {
    const cells = r.profiles.flatMap((p) => [
      cell(p.ours, part),
      cell(p.raw, part),
    ]);
    return `| ${part} | ${cells.join(" | ")} |`;
  });
  return [
    "### Where the time goes (one `node --cpu-prof` run per side, self ms)",
    "",
    `| part | ${columns.join(" | ")} |`,
    `|---|${columns.map(() => "---:").join("|")}|`,
    ...rows,
  ].join("\n");
}

function pairs<T>(items: readonly T[]): [T, T][] {
  return items.slice(1).map((item, i) => [items[i]!, item]);
}
