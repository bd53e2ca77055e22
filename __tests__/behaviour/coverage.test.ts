import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/monitors.js";

describe("behaviour test coverage", () => {
  it("has __tests__/behaviour/<file>.test.ts for every file in monitors/", () => {
    const missing = readdirSync(join(ROOT, "monitors"))
      .filter((f) => /^[^.].*\.ts$/.test(f) && !/\.(test|spec|d)\.ts$/.test(f))
      .filter(
        (f) =>
          !existsSync(
            join(ROOT, "__tests__/behaviour", f.replace(/\.ts$/, ".test.ts")),
          ),
      )
      .map((f) => `monitors/${f}`);
    expect(missing, "monitor files without a behaviour test").toEqual([]);
  });
});
