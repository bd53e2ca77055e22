import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table/index.js";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
import { LocalBackend, TerraformStack, type App } from "cdktf";
import type { Environment } from "../lib/model/environment.js";

/** The name of the stack that creates the state buckets and lock tables. */
export const BOOTSTRAP_STACK = "state-bootstrap";

interface StateStore {
  readonly bucket: string;
  readonly region: string;
  readonly lockTables: Set<string>;
}

/** The distinct buckets (and their lock tables) the environments use. */
export function stateStores(
  environments: readonly Environment[],
): StateStore[] {
  const stores = new Map<string, StateStore>();
  for (const env of environments) {
    const b = env.backend;
    if (b.type !== "s3") continue;
    const key = `${b.region}/${b.bucket}`;
    const store = stores.get(key) ?? {
      bucket: b.bucket,
      region: b.region,
      lockTables: new Set<string>(),
    };
    if (b.locking === "dynamodb" && b.dynamodbTable)
      store.lockTables.add(b.dynamodbTable);
    stores.set(key, store);
  }
  return [...stores.values()].sort((a, b) => a.bucket.localeCompare(b.bucket));
}

const slug = (name: string) => name.replace(/[^a-zA-Z0-9_-]/g, "-");

/**
 * The stack that creates the S3 buckets and DynamoDB lock tables that the
 * other stacks keep their state in. It has to exist before them, so its
 * own state is local; commit nothing of it, and run it once per account.
 * Synthesized only when asked for (`npm run synth -- --bootstrap`).
 */
export function stateBootstrapStack(
  app: App,
  environments: readonly Environment[],
): TerraformStack {
  const stack = new TerraformStack(app, BOOTSTRAP_STACK);
  new LocalBackend(stack, {
    path: `../../../terraform.${BOOTSTRAP_STACK}.tfstate`,
  });

  const regions = new Map<string, AwsProvider>();
  for (const store of stateStores(environments)) {
    let provider = regions.get(store.region);
    if (!provider) {
      provider = new AwsProvider(stack, `aws-${store.region}`, {
        region: store.region,
        alias: store.region,
      });
      regions.set(store.region, provider);
    }
    const id = slug(store.bucket);
    // State is the one thing that cannot be recreated: Terraform refuses
    // to destroy the bucket or a lock table while this is set.
    const bucket = new S3Bucket(stack, `${id}`, {
      provider,
      bucket: store.bucket,
      lifecycle: { preventDestroy: true },
    });
    new S3BucketVersioningA(stack, `${id}-versioning`, {
      provider,
      bucket: bucket.id,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketServerSideEncryptionConfigurationA(stack, `${id}-encryption`, {
      provider,
      bucket: bucket.id,
      // The S3 backend with `encrypt = true` and no `kms_key_id` asks for
      // SSE-S3 (AES256) on every state write; the bucket default matches
      // it instead of claiming a KMS key that state objects never use.
      // https://developer.hashicorp.com/terraform/language/backend/s3
      rule: [
        { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    });
    new S3BucketPublicAccessBlock(stack, `${id}-public-access`, {
      provider,
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketPolicy(stack, `${id}-tls-only`, {
      provider,
      bucket: bucket.id,
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            // The bucket's own ARN keeps the partition right outside the
            // commercial regions (GovCloud, China).
            Resource: [bucket.arn, `${bucket.arn}/*`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      }),
    });
    for (const table of [...store.lockTables].sort()) {
      new DynamodbTable(stack, slug(table), {
        provider,
        name: table,
        billingMode: "PAY_PER_REQUEST",
        hashKey: "LockID",
        attribute: [{ name: "LockID", type: "S" }],
        pointInTimeRecovery: { enabled: true },
        lifecycle: { preventDestroy: true },
      });
    }
  }
  return stack;
}
