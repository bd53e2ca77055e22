import { describe, expect, it } from "vitest";
import type { DashboardSpec } from "../../../../lib/model/dashboard.js";
import type { ProjectPlan, StackPlan } from "../../../../lib/plan.js";
import { checkDashboards } from "../../../../lib/validate/checks/dashboards.js";
import { planOk } from "../../../support/dashboards.js";

const plan = await planOk();

/** The repository's plan with one stack's dashboards or monitors edited. */
function edited(
  stackName: string,
  edit: (stack: StackPlan) => Partial<StackPlan>,
): ProjectPlan {
  return {
    ...plan.plan,
    stacks: plan.plan.stacks.map((s) =>
      s.name === stackName ? { ...s, ...edit(s) } : s,
    ),
  };
}

const withBody = (
  spec: DashboardSpec,
  extra: Record<string, unknown>,
): DashboardSpec => ({
  ...spec,
  body: { ...spec.body, ...extra },
});

describe("checkDashboards", () => {
  it("finds nothing wrong with the repository's dashboards", () => {
    expect(checkDashboards(plan.plan)).toEqual([]);
  });

  it("reports a field the provider would show as a change, naming it", () => {
    const found = checkDashboards(
      edited("testnet-prod-dev", (s) => ({
        dashboards: s.dashboards.map((d, i) =>
          i === 0
            ? { ...d, spec: withBody(d.spec, { is_read_only: false }) }
            : d,
        ),
      })),
    );

    expect(found).toEqual([
      expect.objectContaining({
        where: "testnet-prod-dev/gateway-internals",
        file: "dashboards/gateway-internals.ts",
        check: "dashboard-json-fields",
        path: "body.is_read_only",
      }),
    ]);
  });

  it("reports a second dashboard with the same title", () => {
    const found = checkDashboards(
      edited("testnet-prod-dev", (s) => ({
        dashboards: [
          ...s.dashboards,
          {
            ...s.dashboards[0]!,
            spec: { ...s.dashboards[0]!.spec, id: "copy" },
          },
        ],
      })),
    );

    expect(found).toEqual([
      expect.objectContaining({
        where: "testnet-prod-dev/copy",
        check: "dashboard-unique",
        path: "title",
      }),
    ]);
  });

  it("reports a paging message that links to a dashboard the dev stack lacks", () => {
    const found = checkDashboards(
      edited("testnet-prod-dev", (s) => ({
        dashboards: s.dashboards.filter(
          (d) => d.spec.id !== "per-chain-health",
        ),
      })),
    );

    expect(new Set(found.map((d) => d.check))).toEqual(
      new Set(["dashboard-link-target"]),
    );
    expect(found.map((d) => d.where)).toContain(
      "testnet-prod-oncall/operator-pool-empty",
    );
    expect(found[0]?.message).toBe(
      'expected a link to a dashboard of testnet-prod-dev, got "[testnet-prod] Per-chain health"',
    );
  });

  it("does not check links of an environment without dashboards", () => {
    expect(
      checkDashboards(edited("testnet-prod-dev", () => ({ dashboards: [] }))),
    ).toEqual([]);
  });
});
