import type { BackendConfig } from "../lib/model/environment.js";

/**
 * Where a stack's state lives, as one comparable string: two stacks with
 * the same location would overwrite each other's state.
 */
export function stateLocation(backend: BackendConfig, stack: string): string {
  switch (backend.type) {
    case "local":
      return `local:${fillStack(backend.path, stack)}`;
    case "s3":
      return `s3://${backend.bucket}/${fillStack(backend.key, stack)}`;
    case "cloud":
      return `cloud:${backend.hostname}/${backend.organization}/${fillStack(backend.workspace, stack)}`;
  }
}

/** Replaces `{stack}` in a key, path or workspace template. */
export function fillStack(template: string, stack: string): string {
  return template.replaceAll("{stack}", stack);
}
