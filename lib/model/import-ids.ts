import type { Environment } from "./environment.js";

/**
 * Numeric ids of existing Datadog monitors to adopt, by environment name:
 * `{ "testnet-prod": 1234567 }`. A Datadog id belongs to one monitor in
 * one organization, so it is always tied to the one environment whose
 * stack adopts it; the other environments of the same definition get no
 * import block. The `import-id-unique` check rejects an id that reaches
 * two stacks anyway (a copied file, a spread `importId`).
 */
export type ImportIds = Readonly<Record<string, number>>;

/** The id to adopt in this environment, if any. */
export function importIdFor(
  ids: ImportIds | undefined,
  env: Pick<Environment, "name">,
): number | undefined {
  return ids?.[env.name];
}
