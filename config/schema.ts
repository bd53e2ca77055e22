import { z } from "zod";

/**
 * The schema of `config/environments/<name>.yaml`. Each environment lists
 * its chains, services, notification handles per tier and severity,
 * threshold overrides and its state backend.
 */

const kebab = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected kebab-case (a-z, 0-9, -)");

const handle = z
  .string()
  .regex(
    /^@[A-Za-z0-9][A-Za-z0-9_.+\-/@]*$/,
    "expected a handle like @slack-channel",
  );

/** Datadog sites; the site decides the API and app URLs. */
export const DATADOG_SITES = [
  "datadoghq.com",
  "us3.datadoghq.com",
  "us5.datadoghq.com",
  "datadoghq.eu",
  "ap1.datadoghq.com",
  "ap2.datadoghq.com",
  "ddog-gov.com",
] as const;

const chain = z.strictObject({
  /** EIP-155 chain id, e.g. 1 for Ethereum, 8453 for Base. */
  id: z.number().int().positive(),
  name: kebab,
  /** Expected seconds between blocks; drives per-chain lag thresholds. */
  blockTimeSeconds: z.number().positive(),
});

const service = z.strictObject({
  ecsService: z.string().min(1),
  /** Tasks the service should run. */
  desiredCount: z.number().int().positive(),
});

const notificationTier = z.strictObject({
  /** Handles notified when the monitor alerts. */
  alert: z.array(handle).min(1),
  /** Handles notified on warning. @default none */
  warning: z.array(handle).default([]),
  /** Handles notified on recovery. @default none */
  recovery: z.array(handle).default([]),
});

/**
 * An override is merged key by key over the factory's thresholds: give
 * only what changes. `null` removes a factory's warning or recovery
 * threshold; `critical` cannot be removed.
 */
const thresholdOverride = z.strictObject({
  critical: z.number().optional(),
  warning: z.number().nullable().optional(),
  criticalRecovery: z.number().nullable().optional(),
  warningRecovery: z.number().nullable().optional(),
});

const localBackend = z.strictObject({
  type: z.literal("local"),
  /** State file path; `{stack}` is replaced by the stack name. */
  path: z.string().default("terraform.{stack}.tfstate"),
});

const s3Backend = z.strictObject({
  type: z.literal("s3"),
  bucket: z.string().min(3),
  region: z.string().min(1),
  /** Object key; `{stack}` is replaced by the stack name. */
  key: z.string().default("gateway-monitoring/{stack}.tfstate"),
  /** `lockfile`: S3 native locking; `dynamodb`: a DynamoDB lock table. */
  locking: z.enum(["lockfile", "dynamodb"]).default("lockfile"),
  dynamodbTable: z.string().min(3).optional(),
});

const cloudBackend = z.strictObject({
  type: z.literal("cloud"),
  organization: z.string().min(1),
  /** Workspace name; `{stack}` is replaced by the stack name. */
  workspace: z.string().default("gateway-monitoring-{stack}"),
  hostname: z.string().default("app.terraform.io"),
});

const backend = z.discriminatedUnion("type", [
  localBackend,
  s3Backend,
  cloudBackend,
]);

export const environmentSchema = z.strictObject({
  name: kebab,
  datadog: z.strictObject({ site: z.enum(DATADOG_SITES) }),
  team: kebab,
  runbookBaseUrl: z.url(),
  chains: z.array(chain).min(1),
  ecsCluster: z.string().min(1),
  services: z.strictObject({
    gateway: service,
    operator: service,
    chainWatcher: service,
    challenger: service,
    transporter: service,
    aggregator: service,
  }),
  alb: z.strictObject({
    /** The `loadbalancer` tag CloudWatch metrics carry: `app/<name>/<id>`. */
    loadbalancer: z
      .string()
      .regex(/^app\/[^/]+\/[0-9a-f]+$/, "expected app/<name>/<id>"),
  }),
  notifications: z.strictObject({
    oncall: notificationTier,
    dev: notificationTier,
  }),
  /** Priorities oncall monitors may use, 1 (highest) to 5. */
  oncallPriority: z
    .strictObject({
      min: z.number().int().min(1).max(5),
      max: z.number().int().min(1).max(5),
    })
    .default({ min: 1, max: 3 }),
  /** Threshold overrides by monitor id. */
  thresholds: z.record(z.string(), thresholdOverride).default({}),
  backend: backend.default({
    type: "local",
    path: "terraform.{stack}.tfstate",
  }),
});

export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type BackendConfig = EnvironmentConfig["backend"];
export type ChainConfig = EnvironmentConfig["chains"][number];
export type ServiceName = keyof EnvironmentConfig["services"];
export type ThresholdOverride = z.infer<typeof thresholdOverride>;
