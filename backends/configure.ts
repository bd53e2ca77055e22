import {
  CloudBackend,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  type TerraformStack,
} from "cdktf";
import { isAbsolute } from "node:path";
import type { BackendConfig } from "../lib/model/environment.js";
import { fillStack } from "./state-location.js";

/**
 * Terraform runs each stack inside `cdktf.out/stacks/<stack>/`; a relative
 * local state path is written relative to the project root instead, so
 * state survives a clean `cdktf.out` and the file holds no absolute path.
 */
const FROM_STACK_DIR_TO_ROOT = "../../../";

/**
 * Adds the environment's state backend to a stack, one state key or
 * workspace per stack. Credentials never appear here: Terraform reads
 * them from the environment (`AWS_*`, `TF_TOKEN_*`) at plan and apply.
 */
export function configureBackend(
  stack: TerraformStack,
  backend: BackendConfig,
  name: string,
): void {
  switch (backend.type) {
    case "local": {
      const path = fillStack(backend.path, name);
      new LocalBackend(stack, {
        path: isAbsolute(path) ? path : `${FROM_STACK_DIR_TO_ROOT}${path}`,
      });
      return;
    }
    case "s3": {
      const s3 = new S3Backend(stack, {
        bucket: backend.bucket,
        key: fillStack(backend.key, name),
        region: backend.region,
        encrypt: true,
        ...(backend.locking === "dynamodb"
          ? { dynamodbTable: backend.dynamodbTable! }
          : {}),
      });
      if (backend.locking === "lockfile") {
        // cdktf 0.21's S3Backend predates Terraform 1.10's native S3
        // locking and has no field for it; the override writes the
        // documented `use_lockfile` argument.
        // https://developer.hashicorp.com/terraform/language/backend/s3#use_lockfile
        s3.addOverride("use_lockfile", true);
      }
      return;
    }
    case "cloud":
      new CloudBackend(stack, {
        hostname: backend.hostname,
        organization: backend.organization,
        workspaces: new NamedCloudWorkspace(fillStack(backend.workspace, name)),
      });
      return;
  }
}
