import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { planProject } from "../../lib/pipeline.js";
import {
  allWidgets,
  dashboardsOf,
  ROOT,
  scratchDir,
} from "../support/dashboards.js";

/** Definition files import `../lib/`; a copy elsewhere needs the full path. */
const relocate = (text: string) => text.replaceAll('"../lib/', `"${ROOT}/lib/`);

it("builds the README's dashboard example next to the repository's own", async () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Dashboards"));
  const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(example).toBeDefined();

  const dir = join(scratchDir(), "dashboards");
  mkdirSync(dir);
  for (const file of readdirSync(join(ROOT, "dashboards"))) {
    writeFileSync(
      join(dir, file),
      relocate(readFileSync(join(ROOT, "dashboards", file), "utf8")),
    );
  }
  writeFileSync(join(dir, "operators.ts"), relocate(example!));

  const result = await planProject({ root: ROOT, dashboards: dir });
  expect(result.diagnostics).toEqual([]);

  const operators = dashboardsOf(result, "testnet-prod")["operators"]!;
  expect(operators.title).toBe("[testnet-prod] Operators");
  expect(
    allWidgets(operators.body).map(
      (w) => w.definition.title ?? w.definition.type,
    ),
  ).toEqual([
    "note",
    "Pools",
    "Pool size by chain",
    "Monitors on this dashboard",
    "ECS operator running fewer tasks than desired",
    "Operator pool empty on chain <chain_id>",
  ]);
});
