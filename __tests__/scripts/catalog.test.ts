import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CATALOG_FILE,
  renderMonitorCatalog,
} from "../../lib/catalog/monitor-catalog.js";
import { planProject } from "../../lib/pipeline.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("npm run catalog", () => {
  it(`keeps the committed ${CATALOG_FILE} up to date`, async () => {
    const result = await planProject({ root });
    const committed = readFileSync(join(root, CATALOG_FILE), "utf8");

    expect(result.ok).toBe(true);
    expect(
      renderMonitorCatalog(result.plan) === committed,
      `${CATALOG_FILE} is stale: run npm run catalog and commit it`,
    ).toBe(true);
  });
});
