import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { compileProject } from "../../bench/compile-project.js";
import { repoRoot } from "./project.js";

/**
 * Compiles the app and the bench once for the calling test file, into a
 * temporary folder removed after the file's tests. Returns a getter for
 * the compiled folder, valid inside tests.
 */
export function useCompiledApp(): () => string {
  let dir: string | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "gwm-bench-build-"));
    await compileProject(repoRoot, dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error("the compiled app is only ready inside tests");
    return dir;
  };
}
