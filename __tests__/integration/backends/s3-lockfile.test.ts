import { existsSync, rmSync, writeFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  stateBlockOf,
  synthBackendFixtures,
  type StackJson,
} from "../../support/backend-fixtures.js";
import {
  createBucket,
  type LocalAws,
  startLocalAws,
  terraformRequests,
} from "../../support/local-aws.js";
import {
  expectSuccess,
  initStateProbe,
  makeTempDir,
  removeTempDirs,
  startTerraform,
  stopTerraform,
  stateInputs,
  terraform,
  terraformVersion,
  waitUntil,
} from "../../support/terraform.js";

// What __tests__/fixtures/environments/backends/state-lockfile.yaml names.
const BUCKET = "itest-tfstate-lockfile";
const KEYS: Record<string, string> = {
  "state-lockfile-oncall": "monitoring/state-lockfile-oncall/terraform.tfstate",
  "state-lockfile-dev": "monitoring/state-lockfile-dev/terraform.tfstate",
};

let version: string;
let work: string;
let stacks: Record<string, StackJson>;
let aws: LocalAws | undefined;

beforeAll(async () => {
  version = terraformVersion();
  work = makeTempDir("gwm-s3-lockfile-");
  stacks = await synthBackendFixtures(join(work, "cdktf.out"));
  aws = await startLocalAws(join(work, "s3rver"));
  await createBucket(aws, BUCKET);
});

afterAll(async () => {
  stopTerraform();
  try {
    await aws?.stop();
  } finally {
    removeTempDirs();
  }
});

/** A folder with one stack's stand-in, initialized against the stand-ins. */
async function initialized(stack: string, name: string): Promise<string> {
  const dir = join(work, name);
  await initStateProbe(dir, stateBlockOf(stacks, stack), stack, aws!);
  return dir;
}

const requestsFor = (method: string, key: string) =>
  terraformRequests(aws!, method, BUCKET, key);

describe("S3 state with Terraform's lock file, through terraform", () => {
  it.each(Object.entries(KEYS))(
    "%s: synthesizes an encrypted S3 backend at %s with use_lockfile",
    (stack, key) => {
      expect(stateBlockOf(stacks, stack)).toEqual({
        backend: {
          s3: {
            bucket: BUCKET,
            key,
            region: "eu-west-1",
            encrypt: true,
            use_lockfile: true,
          },
        },
      });
    },
  );

  it("writes each stack's state, encrypted, to the key its config names", async () => {
    for (const stack of Object.keys(KEYS)) {
      const dir = await initialized(stack, `apply-${stack}`);
      expectSuccess(await terraform(dir, "apply", "-auto-approve"));
    }

    expect(await aws!.keys(BUCKET)).toEqual(Object.values(KEYS).sort());
    for (const [stack, key] of Object.entries(KEYS)) {
      expect(stateInputs(await aws!.read(BUCKET, key))).toMatchObject({
        stack,
        run: "first",
      });
      const puts = requestsFor("PUT", key);
      expect(puts.length).toBeGreaterThan(0);
      for (const put of puts)
        expect(put.headers["x-amz-server-side-encryption"]).toBe("AES256");
    }
  });

  it("keeps a .tflock object beside the state during a run and removes it after", async () => {
    const stack = "state-lockfile-oncall";
    const key = KEYS[stack]!;
    const lock = `${key}.tflock`;
    const dir = await initialized(stack, "lock-file");
    expectSuccess(await terraform(dir, "apply", "-auto-approve"));
    const before = (await aws!.keys(BUCKET)).filter((k) => k.startsWith(key));

    writeFileSync(join(dir, "hold"), "");
    const run = startTerraform(dir, [
      "apply",
      "-auto-approve",
      "-var",
      "run=held",
    ]);
    try {
      await waitUntil(
        () => existsSync(join(dir, "lock-held")),
        run,
        "the provisioner",
      );
      const during = (await aws!.keys(BUCKET)).filter((k) => k.startsWith(key));
      const info = JSON.parse(await aws!.read(BUCKET, lock)) as Record<
        string,
        string
      >;

      expect(before).toEqual([key]);
      expect(during).toEqual([key, lock]);
      expect(info).toMatchObject({
        Path: `${BUCKET}/${key}`,
        Operation: "OperationTypeApply",
        Who: `${userInfo().username}@${hostname()}`,
        Version: version,
      });
    } finally {
      rmSync(join(dir, "hold"), { force: true });
    }
    expectSuccess(await run.done);

    expect((await aws!.keys(BUCKET)).filter((k) => k.startsWith(key))).toEqual([
      key,
    ]);
    expect(stateInputs(await aws!.read(BUCKET, key))).toMatchObject({
      run: "held",
    });
    // On S3 the lock is exclusive because Terraform writes it only if no
    // object exists yet. s3rver ignores that condition, so contention is
    // proven in the DynamoDB tests; here we check Terraform asks for it.
    const lockPuts = requestsFor("PUT", lock);
    expect(lockPuts.length).toBeGreaterThan(0);
    for (const put of lockPuts) expect(put.headers["if-none-match"]).toBe("*");
    expect(requestsFor("DELETE", lock).length).toBeGreaterThan(0);
  });
});
