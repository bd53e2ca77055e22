import type { EnvironmentConfig } from "../../config/schema.js";

export type {
  BackendConfig,
  ChainConfig,
  ServiceName,
  ThresholdOverride,
} from "../../config/schema.js";

/** A validated environment and the file it came from. */
export interface Environment extends EnvironmentConfig {
  /** Repository-relative path of the YAML file, for messages. */
  readonly file: string;
  /**
   * Where each threshold override sits in the file, by monitor id: the
   * line of the id and of each key, so a problem can point at the YAML.
   */
  readonly thresholdLines?: Readonly<Record<string, OverrideLines>>;
}

/** Lines of one threshold override: its id and each key it sets. */
export interface OverrideLines {
  readonly line: number;
  readonly keys: Readonly<Record<string, number>>;
}

/** The two tiers; each environment gets one stack per tier. */
export const TIERS = ["oncall", "dev"] as const;
export type Tier = (typeof TIERS)[number];

/** `<env>-<tier>`, the stack name a person sees everywhere. */
export const stackName = (env: { name: string }, tier: Tier) =>
  `${env.name}-${tier}`;

/** The Datadog web app's base URL for a site, for dashboard links. */
export function appUrl(site: string): string {
  return site === "datadoghq.com"
    ? "https://app.datadoghq.com"
    : `https://${site.startsWith("ddog-gov") ? "app." : ""}${site}`;
}

/** The Datadog API URL the provider talks to for a site. */
export function apiUrl(site: string): string {
  return `https://api.${site}/`;
}
