import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  COMPUTED_TOP_LEVEL,
  NEVER_WRITTEN,
  unsafeDashboardFields,
} from "../../lib/dashboards/normalize.js";
import { synthesize } from "../../lib/render/app.js";
import { planOk, scratchDir } from "../support/dashboards.js";

type TerraformJson = {
  resource?: Record<string, Record<string, { dashboard?: string }>>;
};

/** Synthesizes the repository and returns each stack's file, as text. */
async function synthOnce(): Promise<Record<string, string>> {
  const outdir = scratchDir("gwm-synth-");
  synthesize((await planOk()).plan, { outdir });
  const stacks = readdirSync(join(outdir, "stacks")).sort();
  return Object.fromEntries(
    stacks.map((s) => [
      s,
      readFileSync(join(outdir, "stacks", s, "cdk.tf.json"), "utf8"),
    ]),
  );
}

/** Every key anywhere in a JSON value, with its path. */
function keyPaths(value: unknown, path = ""): string[] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => keyPaths(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = path ? `${path}.${k}` : k;
    return [here, ...keyPaths(v, here)];
  });
}

const stacks = await synthOnce();

describe("datadog_dashboard_json resources", () => {
  const dashboards = Object.entries(stacks).flatMap(([stack, text]) =>
    Object.entries(
      (JSON.parse(text) as TerraformJson).resource?.[
        "datadog_dashboard_json"
      ] ?? {},
    ).map(([id, r]) => ({
      stack,
      id,
      body: JSON.parse(r.dashboard!) as Record<string, unknown>,
    })),
  );

  it("exist only in the dev stacks, four each", () => {
    const count = (suffix: string) =>
      dashboards.filter((d) => d.stack.endsWith(suffix)).length;

    expect(count("-dev")).toBe(12);
    expect(count("-oncall")).toBe(0);
  });

  it("contain no field the provider strips, computes or rewrites", () => {
    const forbiddenTop = new Set<string>([
      ...COMPUTED_TOP_LEVEL,
      ...NEVER_WRITTEN,
    ]);

    for (const { stack, id, body } of dashboards) {
      const paths = keyPaths(body);
      expect(unsafeDashboardFields(body), `${stack}/${id}`).toEqual([]);
      expect(Object.keys(body).filter((k) => forbiddenTop.has(k))).toEqual([]);
      expect(
        paths.filter((p) => /(^|\])\.id$/.test(p)),
        `${stack}/${id}`,
      ).toEqual([]);
      expect(JSON.stringify(body)).not.toContain("null");
    }
  });

  it("write the always-kept fields in a fixed order", () => {
    for (const { body } of dashboards) {
      expect(Object.keys(body)).toEqual([
        "title",
        "description",
        "layout_type",
        "reflow_type",
        "template_variables",
        "notify_list",
        "widgets",
      ]);
    }
  });

  it("are byte-identical when synthesized twice", async () => {
    const again = await synthOnce();

    for (const name of Object.keys(stacks).filter((s) => s.endsWith("-dev"))) {
      expect(again[name], name).toBe(stacks[name]);
    }
  });
});
