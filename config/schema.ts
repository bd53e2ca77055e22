import {
  array,
  type Infer,
  literal,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  url,
  variants,
  withDefault,
} from "../lib/config/schema-kit.js";

/**
 * The schema of `config/environments/<name>.yaml`. Each environment lists
 * its chains, services, notification handles per tier and severity,
 * threshold overrides and its state backend.
 */

const kebab = string({
  pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  means: "kebab-case (a-z, 0-9, -)",
});

const handle = string({
  pattern: /^@[A-Za-z0-9][A-Za-z0-9_.+\-/@]*$/,
  means: "a handle like @slack-channel",
});

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

const chain = object({
  /** EIP-155 chain id, e.g. 1 for Ethereum, 8453 for Base. */
  id: number({ int: true, positive: true }),
  name: kebab,
  /** Expected seconds between blocks; drives per-chain lag thresholds. */
  blockTimeSeconds: number({ positive: true }),
});

/** The services every environment names, in the order config lists them. */
export const SERVICE_NAMES = [
  "gateway",
  "operator",
  "chainWatcher",
  "challenger",
  "transporter",
  "aggregator",
] as const;

const service = object({
  ecsService: string({ minLength: 1 }),
  /** Tasks the service should run. */
  desiredCount: number({ int: true, positive: true }),
});

const notificationTier = object({
  /** Handles notified when the monitor alerts. */
  alert: array(handle, { minLength: 1 }),
  /** Handles notified on warning. @default none */
  warning: withDefault(array(handle), []),
  /** Handles notified on recovery. @default none */
  recovery: withDefault(array(handle), []),
});

/**
 * An override is merged key by key over the factory's thresholds: give
 * only what changes. `null` removes a factory's warning or recovery
 * threshold; `critical` cannot be removed.
 */
const thresholdOverride = object({
  critical: optional(number()),
  warning: optional(nullable(number())),
  criticalRecovery: optional(nullable(number())),
  warningRecovery: optional(nullable(number())),
});

const localBackend = object({
  type: literal("local"),
  /** State file path; `{stack}` is replaced by the stack name. */
  path: withDefault(string(), "terraform.{stack}.tfstate"),
});

const s3Backend = object({
  type: literal("s3"),
  bucket: string({ minLength: 3 }),
  region: string({ minLength: 1 }),
  /** Object key; `{stack}` is replaced by the stack name. */
  key: withDefault(string(), "gateway-monitoring/{stack}.tfstate"),
  /** `lockfile`: S3 native locking; `dynamodb`: a DynamoDB lock table. */
  locking: withDefault(oneOf(["lockfile", "dynamodb"]), "lockfile"),
  dynamodbTable: optional(string({ minLength: 3 })),
});

const cloudBackend = object({
  type: literal("cloud"),
  organization: string({ minLength: 1 }),
  /** Workspace name; `{stack}` is replaced by the stack name. */
  workspace: withDefault(string(), "gateway-monitoring-{stack}"),
  hostname: withDefault(string(), "app.terraform.io"),
});

const backend = variants("type", {
  local: localBackend,
  s3: s3Backend,
  cloud: cloudBackend,
});

export const environmentSchema = object({
  name: kebab,
  datadog: object({ site: oneOf(DATADOG_SITES) }),
  team: kebab,
  runbookBaseUrl: url(),
  chains: array(chain, { minLength: 1 }),
  ecsCluster: string({ minLength: 1 }),
  services: object(
    Object.fromEntries(SERVICE_NAMES.map((name) => [name, service])) as {
      [K in (typeof SERVICE_NAMES)[number]]: typeof service;
    },
  ),
  alb: object({
    /** The `loadbalancer` tag CloudWatch metrics carry: `app/<name>/<id>`. */
    loadbalancer: string({
      pattern: /^app\/[^/]+\/[0-9a-f]+$/,
      means: "app/<name>/<id>",
    }),
  }),
  notifications: object({
    oncall: notificationTier,
    dev: notificationTier,
  }),
  /** Priorities oncall monitors may use, 1 (highest) to 5. */
  oncallPriority: withDefault(
    object({
      min: number({ int: true, min: 1, max: 5 }),
      max: number({ int: true, min: 1, max: 5 }),
    }),
    { min: 1, max: 3 },
  ),
  /** Threshold overrides by monitor id. */
  thresholds: withDefault(record(thresholdOverride), {}),
  backend: withDefault(backend, {
    type: "local",
    path: "terraform.{stack}.tfstate",
  }),
});

export type EnvironmentConfig = Infer<typeof environmentSchema>;
export type BackendConfig = EnvironmentConfig["backend"];
export type ChainConfig = EnvironmentConfig["chains"][number];
export type ServiceName = keyof EnvironmentConfig["services"];
export type ThresholdOverride = Infer<typeof thresholdOverride>;
