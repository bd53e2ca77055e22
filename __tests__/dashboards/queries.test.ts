import { beforeAll, describe, expect, it } from "vitest";
import type { PlanResult } from "../../lib/pipeline.js";
import { formatExpression } from "../../lib/query/format.js";
import { parseExpression } from "../../lib/query/parse.js";
import { dashboardsOf, planOk, widgetQueries } from "../support/dashboards.js";

let result: PlanResult;
beforeAll(async () => {
  result = await planOk();
});

const ENVS = ["mainnet-prod", "testnet-prod", "testnet-stagef"];

describe.each(ENVS)("%s widget queries", (env) => {
  it("each parse back to the query tree the builder made", () => {
    for (const spec of Object.values(dashboardsOf(result, env))) {
      const trees = spec.queries ?? [];

      expect(trees.length).toBeGreaterThan(0);
      for (const tree of trees) {
        const text = formatExpression(tree);
        expect(parseExpression(text), text).toStrictEqual({ ok: true, tree });
      }
    }
  });

  it("are each the formatted form of a built query tree", () => {
    for (const spec of Object.values(dashboardsOf(result, env))) {
      const texts = widgetQueries(spec.body);
      const built = (spec.queries ?? []).map(formatExpression);

      expect(texts.length).toBeGreaterThan(0);
      expect([...texts].sort()).toEqual([...built].sort());
    }
  });

  it("are balanced and free of unresolved placeholders", () => {
    for (const spec of Object.values(dashboardsOf(result, env))) {
      for (const q of widgetQueries(spec.body)) {
        const depth = [...q].reduce(
          (d, c) =>
            d < 0
              ? d
              : d +
                (c === "(" || c === "{" ? 1 : c === ")" || c === "}" ? -1 : 0),
          0,
        );
        expect(depth, q).toBe(0);
        expect(q, q).not.toMatch(/undefined|NaN|\{\{|\$\{/);
      }
    }
  });

  it("use only template variables the dashboard defines", () => {
    for (const spec of Object.values(dashboardsOf(result, env))) {
      const defined = (spec.body.template_variables as { name: string }[]).map(
        (v) => v.name,
      );
      const used = widgetQueries(spec.body).flatMap((q) =>
        [...q.matchAll(/\$([A-Za-z0-9_-]+)/g)].map((m) => m[1]),
      );

      expect(defined).toEqual(expect.arrayContaining([...new Set(used)]));
    }
  });
});
