import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stateBootstrapStack } from "../../backends/state-bootstrap.js";
import { planProject } from "../../lib/pipeline.js";
import { synthesize } from "../../lib/render/app.js";
import { repoRoot, type TerraformJson } from "./project.js";

/**
 * One environment per backend mode: `state-lockfile` (S3, lock file),
 * `state-dynamodb` (S3, DynamoDB table), `state-local` and `state-cloud`.
 */
export const BACKEND_FIXTURES = join(
  repoRoot,
  "__tests__/fixtures/environments/backends",
);

/** A synthesized stack's JSON, with the blocks these tests read. */
export interface StackJson extends TerraformJson {
  terraform: TerraformJson["terraform"] & {
    cloud?: Record<string, unknown>;
  };
}

/**
 * Runs the fixture environments through our own pipeline, the way
 * `npm run synth -- --bootstrap` does, into `outdir`, and reads every
 * stack's `cdk.tf.json` back, by stack name.
 */
export async function synthBackendFixtures(
  outdir: string,
): Promise<Record<string, StackJson>> {
  const result = await planProject({
    root: repoRoot,
    environments: BACKEND_FIXTURES,
  });
  if (!result.ok)
    throw new Error(
      `fixtures have errors: ${JSON.stringify(result.diagnostics)}`,
    );

  synthesize(result.plan, {
    outdir,
    extraStacks: (app) => stateBootstrapStack(app, result.plan.environments),
  });

  const stacks = join(outdir, "stacks");
  return Object.fromEntries(
    readdirSync(stacks).map((name) => [
      name,
      JSON.parse(
        readFileSync(join(stacks, name, "cdk.tf.json"), "utf8"),
      ) as StackJson,
    ]),
  );
}

/**
 * Where a synthesized stack keeps its state: its `terraform` block without
 * `required_providers`, so `{ backend: { s3: … } }` or `{ cloud: … }`.
 */
export function stateBlockOf(
  stacks: Record<string, StackJson>,
  stack: string,
): Record<string, unknown> {
  const block = stacks[stack]?.terraform;
  if (!block) throw new Error(`no stack ${stack} was synthesized`);
  const { required_providers: _, ...state } = block;
  return state;
}
