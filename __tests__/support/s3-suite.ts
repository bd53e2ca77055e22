import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import {
  stateBlockOf,
  synthBackendFixtures,
  type StackJson,
} from "./backend-fixtures.js";
import {
  createBucket,
  createLockTable,
  type LocalAws,
  startLocalAws,
} from "./local-aws.js";
import {
  initStateProbe,
  makeTempDir,
  removeTempDirs,
  stopTerraform,
  terraformVersion,
} from "./terraform.js";

/** What one S3-backend test file shares; set in its `beforeAll`. */
export interface S3Suite {
  /** `terraform version`, as the lock info names it. */
  version: string;
  /** The file's temporary folder. */
  work: string;
  /** The backend fixtures' synthesized stacks by name. */
  stacks: Record<string, StackJson>;
  /** The running S3 and DynamoDB stand-ins. */
  aws: LocalAws;
  /** A folder with one stack's state probe, initialized against the stand-ins. */
  initialized(stack: string, name: string): Promise<string>;
}

/**
 * Registers the hooks every S3-backend test file needs: synth the backend
 * fixtures, start s3rver (and dynalite) on loopback, create the bucket and
 * the lock table when there is one, and stop and clean up afterwards.
 */
export function useS3Suite(options: {
  readonly prefix: string;
  readonly bucket: string;
  readonly lockTable?: string;
}): S3Suite {
  let aws: LocalAws | undefined;
  const suite: S3Suite = {
    version: "",
    work: "",
    stacks: {},
    get aws(): LocalAws {
      if (aws === undefined) throw new Error("the stand-ins are not running");
      return aws;
    },
    async initialized(stack, name) {
      const dir = join(suite.work, name);
      await initStateProbe(
        dir,
        stateBlockOf(suite.stacks, stack),
        stack,
        suite.aws,
      );
      return dir;
    },
  };

  beforeAll(async () => {
    suite.version = terraformVersion();
    suite.work = makeTempDir(options.prefix);
    suite.stacks = await synthBackendFixtures(join(suite.work, "cdktf.out"));
    aws = await startLocalAws(join(suite.work, "s3rver"));
    await createBucket(aws, options.bucket);
    if (options.lockTable !== undefined) {
      await createLockTable(aws, options.lockTable);
    }
  });

  afterAll(async () => {
    stopTerraform();
    try {
      await aws?.stop();
    } finally {
      removeTempDirs();
    }
  });

  return suite;
}
