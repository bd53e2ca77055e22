import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Share of sampled CPU time spent in one part of the process. */
export interface ProfileShare {
  readonly part: string;
  readonly ms: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Reads the `.cpuprofile` that `node --cpu-prof` wrote into `dir` and sums
 * self time by where the code lives: our app, each npm package, Node's
 * own module loading and internals, the garbage collector. Largest first.
 */
export function summarizeProfile(dir: string): ProfileShare[] {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(
    readFileSync(join(dir, file), "utf8"),
  ) as CpuProfile;

  const partOf = new Map(
    profile.nodes.map((n) => [n.id, part(n.callFrame)] as const),
  );
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = partOf.get(id) ?? "other";
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  return [...totals]
    .map(([p, us]) => ({ part: p, ms: us / 1000 }))
    .filter((s) => s.part !== "idle")
    .sort((a, b) => b.ms - a.ms);
}

function part(frame: { url: string; functionName: string }): string {
  const { url, functionName } = frame;
  if (functionName === "(garbage collector)") return "garbage collector";
  if (functionName === "(idle)") return "idle";
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm: ${pkg[1]}`;
  if (url.startsWith("node:")) return "node (module loading, fs, internals)";
  if (url === "") return "node (native: compile, fs, JSON)";
  if (/\/(lib|backends|config|scripts)\//.test(url) || /\/main\.js$/.test(url))
    return "ours (lib, backends, config)";
  return "monitor files, bench scripts";
}
