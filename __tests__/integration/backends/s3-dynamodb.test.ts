import { createHash } from "node:crypto";
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
  createLockTable,
  type LocalAws,
  startLocalAws,
  terraformRequests,
} from "../../support/local-aws.js";
import {
  expectSuccess,
  initStateProbe,
  lockInfoIn,
  makeTempDir,
  removeTempDirs,
  offLoopback,
  stateInputs,
  startTerraform,
  stopTerraform,
  terraform,
  terraformVersion,
  waitUntil,
} from "../../support/terraform.js";

// What __tests__/fixtures/environments/backends/state-dynamodb.yaml names.
const BUCKET = "itest-tfstate-dynamodb";
const TABLE = "itest-tflock";
const KEYS: Record<string, string> = {
  "state-dynamodb-oncall": "gateway-monitoring/state-dynamodb-oncall.tfstate",
  "state-dynamodb-dev": "gateway-monitoring/state-dynamodb-dev.tfstate",
};

let version: string;
let work: string;
let stacks: Record<string, StackJson>;
let aws: LocalAws | undefined;

beforeAll(async () => {
  version = terraformVersion();
  work = makeTempDir("gwm-s3-dynamodb-");
  stacks = await synthBackendFixtures(join(work, "cdktf.out"));
  aws = await startLocalAws(join(work, "s3rver"));
  await createBucket(aws, BUCKET);
  await createLockTable(aws, TABLE);
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

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

describe("S3 state with a DynamoDB lock table, through terraform", () => {
  it.each(Object.entries(KEYS))(
    "%s: synthesizes an encrypted S3 backend at %s locked by the table",
    (stack, key) => {
      expect(stateBlockOf(stacks, stack)).toEqual({
        backend: {
          s3: {
            bucket: BUCKET,
            key,
            region: "us-east-1",
            encrypt: true,
            dynamodb_table: TABLE,
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
      const state = await aws!.read(BUCKET, key);
      expect(stateInputs(state)).toMatchObject({ stack, run: "first" });

      const puts = terraformRequests(aws!, "PUT", BUCKET, key);
      expect(puts.length).toBeGreaterThan(0);
      for (const put of puts)
        expect(put.headers["x-amz-server-side-encryption"]).toBe("AES256");
    }
  });

  it("refuses a second writer while the lock is held, naming the holder", async () => {
    const stack = "state-dynamodb-oncall";
    const key = KEYS[stack]!;
    const first = await initialized(stack, "holder");
    const second = await initialized(stack, "second-writer");
    const apply = (run: string) => [
      "apply",
      "-auto-approve",
      "-lock-timeout=0s",
      "-var",
      `run=${run}`,
    ];

    writeFileSync(join(first, "hold"), "");
    const holder = startTerraform(first, apply("holder"));
    try {
      await waitUntil(
        () => existsSync(join(first, "lock-held")),
        holder,
        "the holder's provisioner",
      );
      const lock = (await aws!.items(TABLE)).find(
        (item) => item.LockID === `${BUCKET}/${key}`,
      );
      expect(lock, "lock item while held").toBeDefined();
      const held = JSON.parse(lock!.Info!) as Record<string, string>;

      const refused = await terraform(second, ...apply("second"));

      expect(refused.code).toBe(1);
      expect(offLoopback(refused)).toEqual([]);
      expect(refused.stderr).toContain("Error acquiring the state lock");
      expect(lockInfoIn(refused.stderr)).toMatchObject({
        ID: held.ID,
        Path: `${BUCKET}/${key}`,
        Operation: "OperationTypeApply",
        Who: `${userInfo().username}@${hostname()}`,
        Version: version,
      });
    } finally {
      rmSync(join(first, "hold"), { force: true });
    }
    expectSuccess(await holder.done);

    expectSuccess(await terraform(second, ...apply("second")));
    const text = await aws!.read(BUCKET, key);
    expect(stateInputs(text)).toMatchObject({
      stack,
      run: "second",
    });
    // Terraform keeps one item per state key in the table: `<path>-md5`,
    // the digest of the last state written, which it checks on read. The
    // lock item itself (`<path>`) must be gone.
    const items = (await aws!.items(TABLE)).filter((item) =>
      item.LockID!.startsWith(`${BUCKET}/${key}`),
    );
    expect(items).toEqual([
      { LockID: `${BUCKET}/${key}-md5`, Digest: md5(text) },
    ]);
  });
});
