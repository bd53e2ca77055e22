import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  stateBlockOf,
  synthBackendFixtures,
  type StackJson,
} from "../../support/backend-fixtures.js";
import {
  expectSuccess,
  makeTempDir,
  removeTempDirs,
  stateInputs,
  stopTerraform,
  terraform,
  terraformVersion,
  writeStateProbe,
} from "../../support/terraform.js";

// What __tests__/fixtures/environments/backends/state-{local,cloud}.yaml say.
const LOCAL_STACKS = ["state-local-oncall", "state-local-dev"];
const CLOUD_STACKS = ["state-cloud-oncall", "state-cloud-dev"];

let work: string;
let stacks: Record<string, StackJson>;

beforeAll(async () => {
  terraformVersion();
  work = makeTempDir("gwm-local-cloud-");
  stacks = await synthBackendFixtures(join(work, "synth"));
});

afterAll(() => {
  stopTerraform();
  removeTempDirs();
});

describe("local state, the default, through terraform", () => {
  it.each(LOCAL_STACKS)(
    "%s: points at its own file in the project root",
    (stack) => {
      expect(stateBlockOf(stacks, stack)).toEqual({
        backend: { local: { path: `../../../terraform.${stack}.tfstate` } },
      });
    },
  );

  it("writes each stack's state to its own file in the project root", async () => {
    // Terraform runs in cdktf.out/stacks/<stack>/, three levels down.
    const project = join(work, "project");
    for (const stack of LOCAL_STACKS) {
      const dir = join(project, "cdktf.out/stacks", stack);
      writeStateProbe(dir, stateBlockOf(stacks, stack), stack);
      expectSuccess(await terraform(dir, "init"));
      expectSuccess(await terraform(dir, "apply", "-auto-approve"));

      expect(existsSync(join(dir, "terraform.tfstate"))).toBe(false);
    }

    expect(
      readdirSync(project)
        .filter((f) => f.endsWith(".tfstate"))
        .sort(),
    ).toEqual([
      "terraform.state-local-dev.tfstate",
      "terraform.state-local-oncall.tfstate",
    ]);
    for (const stack of LOCAL_STACKS) {
      const text = readFileSync(
        join(project, `terraform.${stack}.tfstate`),
        "utf8",
      );
      expect(stateInputs(text)).toMatchObject({ stack });
    }
  });
});

describe("HCP Terraform cloud block, offline", () => {
  it.each(CLOUD_STACKS)(
    "%s: names its own workspace and no backend beside it",
    (stack) => {
      expect(stateBlockOf(stacks, stack)).toEqual({
        cloud: {
          hostname: "app.terraform.io",
          organization: "itest-org",
          workspaces: { name: `gwm-${stack}` },
        },
      });
    },
  );

  // Terraform checks the cloud block's attributes only when init reaches
  // HCP Terraform, which these machines cannot; offline it still refuses
  // a configuration whose state block is malformed or doubled.
  it("loads as a valid configuration without contacting anyone", async () => {
    const stack = "state-cloud-oncall";
    const dir = join(work, "cloud");
    writeStateProbe(dir, stateBlockOf(stacks, stack), stack);

    const init = await terraform(dir, "init", "-backend=false");
    const validate = await terraform(dir, "validate");

    expectSuccess(init);
    expectSuccess(validate);
    expect([...init.urls, ...validate.urls]).toEqual([]);
    expect(validate.stdout).toContain("The configuration is valid");
  });
});
