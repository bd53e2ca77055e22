import { TIERS } from "../lib/model/environment.js";
import { readStackManifest } from "../lib/synth-output/read-manifest.js";
import { BAD_INPUT, isEntryPoint, parseCli, reportBadInput } from "./cli.js";
import { consoleReporter, type Reporter, runMain } from "./reporter.js";

const USAGE = `npm run stacks -- [--out <cdktf.out>] [--tier ${TIERS.join("|")}]`;

/**
 * Prints the synthesized stack names as a JSON list, the form a CI matrix
 * reads (`fromJSON`). The list comes from the synth manifest, so a new
 * environment needs no workflow edit.
 */
export async function listStacks(
  argv: readonly string[],
  reporter: Reporter = consoleReporter,
): Promise<number> {
  const args = parseCli(
    argv,
    { out: { type: "string" }, tier: { type: "string" } },
    USAGE,
    reporter,
  );
  if (!args) return BAD_INPUT;
  const tier = args.values.tier;
  if (tier !== undefined && !(TIERS as readonly string[]).includes(tier)) {
    reporter.err(
      `error: --tier: expected one of ${TIERS.join(", ")}, got ${JSON.stringify(tier)}`,
    );
    return BAD_INPUT;
  }

  const manifest = readStackManifest(args.values.out ?? "cdktf.out");
  if (manifest.diagnostics.length) {
    return reportBadInput(manifest.diagnostics, reporter);
  }
  const stacks = manifest.value.filter((s) => !tier || s.endsWith(`-${tier}`));
  reporter.out(JSON.stringify(stacks));
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  runMain(() => listStacks(process.argv.slice(2)));
}
