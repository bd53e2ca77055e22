import {
  existsSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

/** Source folders compiled for the bench, relative to the repository. */
const SOURCES = ["main.ts", "lib", "backends", "config", "scripts", "bench"];

/**
 * Compiles the app and the bench scripts file by file (no bundling) into
 * `outdir`, keeping the repository's layout, so `node <outdir>/main.js`
 * runs the same module graph as `tsx main.ts` without transpiling on the
 * fly. Both sides of the comparison are compiled by this one call.
 *
 * `outdir` gets a `package.json` marking `.js` as ESM and a link to the
 * repository's `node_modules`, so it may live anywhere.
 */
export async function compileProject(
  repoRoot: string,
  outdir: string,
): Promise<void> {
  const entryPoints = SOURCES.flatMap((s) => tsFiles(join(repoRoot, s)));

  await build({
    entryPoints,
    outdir,
    outbase: repoRoot,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "error",
  });

  writeFileSync(join(outdir, "package.json"), '{ "type": "module" }\n');
  const modules = join(outdir, "node_modules");
  if (relative(repoRoot, outdir).startsWith("..") && !existsSync(modules)) {
    mkdirSync(outdir, { recursive: true });
    symlinkSync(join(repoRoot, "node_modules"), modules, "dir");
  }
}

function tsFiles(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (statSync(path).isFile()) return path.endsWith(".ts") ? [path] : [];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => join(path, f));
}
