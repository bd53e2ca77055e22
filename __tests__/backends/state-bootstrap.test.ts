import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  synthBackendFixtures,
  type StackJson,
} from "../support/backend-fixtures.js";
import { makeTempDir, removeTempDirs } from "../support/terraform.js";

// The fixtures name two buckets in two regions; only the one in us-east-1
// is locked through DynamoDB. Local and cloud environments add nothing.
const BUCKETS = [
  { bucket: "itest-tfstate-dynamodb", provider: "aws.us-east-1" },
  { bucket: "itest-tfstate-lockfile", provider: "aws.eu-west-1" },
];

let bootstrap: StackJson;

beforeAll(async () => {
  const stacks = await synthBackendFixtures(makeTempDir("gwm-bootstrap-"));
  bootstrap = stacks["state-bootstrap"]!;
});

afterAll(() => removeTempDirs());

/** One resource's attributes, without cdktf's `//` metadata. */
function resource(type: string, id: string): Record<string, unknown> {
  const found = bootstrap.resource?.[type]?.[id];
  if (!found) throw new Error(`state-bootstrap has no ${type}.${id}`);
  const { "//": _, ...attributes } = found;
  return attributes;
}

describe("the state-bootstrap stack", () => {
  it("keeps its own state locally, since the bucket does not exist yet", () => {
    expect(bootstrap.terraform.backend).toEqual({
      local: { path: "../../../terraform.state-bootstrap.tfstate" },
    });
  });

  it("has one AWS provider per region the environments use", () => {
    expect(bootstrap.provider?.["aws"]).toEqual([
      { alias: "us-east-1", region: "us-east-1" },
      { alias: "eu-west-1", region: "eu-west-1" },
    ]);
  });

  it("creates exactly the buckets and the lock table the config names", () => {
    const ids = (type: string) =>
      Object.keys(bootstrap.resource?.[type] ?? {}).sort();

    expect(ids("aws_s3_bucket")).toEqual(BUCKETS.map((b) => b.bucket));
    expect(ids("aws_dynamodb_table")).toEqual(["itest-tflock"]);
  });

  describe.each(BUCKETS)("bucket $bucket", ({ bucket, provider }) => {
    const ref = `\${aws_s3_bucket.${bucket}.id}`;

    it("is created in its region and cannot be destroyed by accident", () => {
      expect(resource("aws_s3_bucket", bucket)).toEqual({
        bucket,
        provider,
        lifecycle: { prevent_destroy: true },
      });
    });

    it("keeps every version of the state", () => {
      expect(
        resource("aws_s3_bucket_versioning", `${bucket}-versioning`),
      ).toEqual({
        bucket: ref,
        provider,
        versioning_configuration: { status: "Enabled" },
      });
    });

    it("encrypts objects at rest by default", () => {
      expect(
        resource(
          "aws_s3_bucket_server_side_encryption_configuration",
          `${bucket}-encryption`,
        ),
      ).toEqual({
        bucket: ref,
        provider,
        rule: [
          {
            apply_server_side_encryption_by_default: {
              sse_algorithm: "AES256",
            },
          },
        ],
      });
    });

    it("blocks every kind of public access", () => {
      expect(
        resource(
          "aws_s3_bucket_public_access_block",
          `${bucket}-public-access`,
        ),
      ).toEqual({
        bucket: ref,
        provider,
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      });
    });

    it("denies every request that does not use TLS", () => {
      const policy = resource("aws_s3_bucket_policy", `${bucket}-tls-only`);

      expect(policy).toMatchObject({ bucket: ref, provider });
      expect(JSON.parse(policy["policy"] as string)).toEqual({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [
              `\${aws_s3_bucket.${bucket}.arn}`,
              `\${aws_s3_bucket.${bucket}.arn}/*`,
            ],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      });
    });
  });

  it("creates the lock table with the LockID key Terraform's S3 backend uses", () => {
    expect(resource("aws_dynamodb_table", "itest-tflock")).toEqual({
      name: "itest-tflock",
      provider: "aws.us-east-1",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      point_in_time_recovery: { enabled: true },
      lifecycle: { prevent_destroy: true },
    });
  });
});
