import { readFileSync } from "node:fs";
import { Monitor } from "@cdktf/provider-datadog/lib/monitor/index.js";
import { DatadogProvider } from "@cdktf/provider-datadog/lib/provider/index.js";
import { App, LocalBackend, TerraformStack } from "cdktf";
import type { RawProject } from "./raw-project.js";

/**
 * The baseline: the same resources as our app, written directly as cdktf
 * constructs from a JSON list of attributes. No config, no factories, no
 * checks; only what any cdktf project has to do to synthesize them.
 *
 *   node <build>/bench/raw-synth.js <raw.json> <outdir>
 */
const [input, outdir] = process.argv.slice(2);
if (!input || !outdir) {
  process.stderr.write("usage: raw-synth <raw.json> <outdir>\n");
  process.exit(2);
}

const project = JSON.parse(readFileSync(input, "utf8")) as RawProject;
const app = new App({ outdir, skipValidation: true });

for (const raw of project.stacks) {
  const stack = new TerraformStack(app, raw.name);
  new DatadogProvider(stack, "datadog", { apiUrl: raw.apiUrl });
  new LocalBackend(stack, { path: raw.backendPath });
  for (const m of raw.monitors) {
    const monitor = new Monitor(stack, m.id, m.config);
    for (const [key, value] of Object.entries(m.overrides ?? {}))
      monitor.addOverride(key, value);
    if (m.importId !== undefined) monitor.importFrom(m.importId);
  }
}
app.synth();
