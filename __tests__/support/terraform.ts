import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { expect } from "vitest";
import { S3RVER_CREDENTIALS, type LocalAws } from "./local-aws.js";

/**
 * Runs the real `terraform` binary against the AWS stand-ins. Every run
 * gets a scrubbed environment (no AWS profile, no CLI config, no plugin
 * cache), debug logging to a file, and its own process group so a test
 * that fails mid-run can still end it and everything it started.
 */

/** The oldest Terraform whose S3 backend has `use_lockfile`. */
const MIN_VERSION = [1, 10] as const;

/** One finished terraform command. */
export interface TerraformRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Every URL the AWS SDK inside Terraform sent a request to. */
  readonly urls: readonly string[];
}

/** A terraform command still running in the background. */
export interface RunningTerraform {
  readonly done: Promise<TerraformRun>;
  readonly exited: () => boolean;
}

const running = new Set<ChildProcess>();
const temps: string[] = [];

/** A temporary folder that {@link removeTempDirs} removes. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/**
 * Ends every terraform this module started that is still running, with
 * its whole process group (a provisioner's shell too). For `afterAll`.
 */
export function stopTerraform(): void {
  for (const child of running) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone between the check and the kill.
      }
    }
  }
  running.clear();
}

/** Removes every folder {@link makeTempDir} made. For `afterAll`. */
export function removeTempDirs(): void {
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
}

/**
 * The Terraform version on the PATH, or a thrown error that says how to
 * get one. Older than 1.10 is refused: the lock-file mode needs it.
 */
export function terraformVersion(): string {
  const out = spawnSync("terraform", ["version", "-json"], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, CHECKPOINT_DISABLE: "1" },
  });
  if (out.error || out.status !== 0) {
    throw new Error(
      "terraform: expected the terraform binary on the PATH, got " +
        `${out.error?.message ?? out.stderr}; install it from HashiCorp's ` +
        "releases or apt repository (README, State backends)",
    );
  }
  const version = (JSON.parse(out.stdout) as { terraform_version: string })
    .terraform_version;
  const [major = 0, minor = 0] = version.split(".").map(Number);
  if (
    major < MIN_VERSION[0] ||
    (major === MIN_VERSION[0] && minor < MIN_VERSION[1])
  )
    throw new Error(`terraform: expected 1.10 or newer, got ${version}`);
  return version;
}

/**
 * Writes a provider-free configuration into `dir`: the state block as
 * synthesized (see `stateBlockOf`), plus built-in `terraform_data`
 * resources. `hold` runs a local-exec provisioner that touches
 * `lock-held` and then waits while a file named `hold` exists in the
 * folder (one minute at most), so a test can keep an apply, and the state
 * lock it took, open for as long as it needs.
 */
export function writeStateProbe(
  dir: string,
  stateBlock: Record<string, unknown>,
  stack: string,
): void {
  mkdirSync(dir, { recursive: true });
  const config = {
    "//": `stand-in for ${stack}: its state block, no provider`,
    terraform: stateBlock,
    variable: { run: { type: "string", default: "first" } },
    resource: {
      terraform_data: {
        stack: { input: stack },
        run: { input: "${var.run}" },
        hold: {
          triggers_replace: "${var.run}",
          provisioner: [{ "local-exec": { command: HOLD_COMMAND } }],
        },
      },
    },
  };
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config, null, 2));
}

const HOLD_COMMAND =
  "touch lock-held; i=0; " +
  "while [ -e hold ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done";

/** The file `terraform init` reads the local endpoints from. */
export const LOCAL_BACKEND_FILE = "local-aws.s3.tfbackend";

/**
 * Writes the `-backend-config` file that aims the S3 backend at the
 * stand-ins: loopback endpoints, path-style addressing and no calls to
 * STS, IAM or the instance metadata service. Credentials are not in it;
 * they reach Terraform through its environment only.
 */
export function writeLocalBackendConfig(dir: string, aws: LocalAws): void {
  const lines = [
    "endpoints = {",
    `  s3       = "${aws.s3Endpoint}"`,
    `  dynamodb = "${aws.dynamodbEndpoint}"`,
    "}",
    "use_path_style              = true",
    "skip_credentials_validation = true",
    "skip_requesting_account_id  = true",
    "skip_metadata_api_check     = true",
    "skip_region_validation      = true",
  ];
  writeFileSync(join(dir, LOCAL_BACKEND_FILE), `${lines.join("\n")}\n`);
}

let runs = 0;

/** Starts a terraform command in `dir`; see {@link terraform}. */
export function startTerraform(
  dir: string,
  args: readonly string[],
): RunningTerraform {
  const home = join(dir, ".home");
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, "terraformrc"), "");
  const log = join(dir, `.terraform-${++runs}.log`);

  const child = spawn("terraform", [...args, "-no-color"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: home,
      TF_CLI_CONFIG_FILE: join(home, "terraformrc"),
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
      TF_LOG: "debug",
      TF_LOG_PATH: log,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: join(home, "no-aws-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(home, "no-aws-credentials"),
    },
  });
  running.add(child);

  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
  const done = new Promise<TerraformRun>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      running.delete(child);
      resolve({ args, code, stdout, stderr, urls: requestUrls(log) });
    });
  });
  return { done, exited: () => child.exitCode !== null };
}

/** Runs a terraform command in `dir` to its end. */
export function terraform(
  dir: string,
  ...args: string[]
): Promise<TerraformRun> {
  return startTerraform(dir, args).done;
}

/**
 * The URL of every "HTTP Request Sent" entry in a debug log. An entry may
 * span lines (request bodies are logged too), so entries are split at
 * the timestamps that start them. One without a URL counts as `unknown`,
 * which fails the loopback check.
 */
function requestUrls(log: string): string[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, "utf8")
    .split(/\n(?=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/)
    .filter((entry) => entry.includes("HTTP Request Sent"))
    .map((entry) => / http\.url="?([^"\s]+)/.exec(entry)?.[1] ?? "unknown");
}

/** Waits until `ready()` holds; fails if the run ends first or in 30 s. */
export async function waitUntil(
  ready: () => boolean,
  run: RunningTerraform,
  what: string,
): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (ready()) return;
    if (run.exited()) {
      const result = await run.done;
      throw new Error(`${what}: terraform ended first:\n${result.stderr}`);
    }
    await sleep(50);
  }
  throw new Error(`${what}: not reached in 30 s`);
}

/** The URLs a run sent requests to that are not on 127.0.0.1. */
export function offLoopback(run: TerraformRun): string[] {
  return run.urls.filter((url) => {
    try {
      return new URL(url).hostname !== "127.0.0.1";
    } catch {
      return true;
    }
  });
}

/**
 * The `Lock Info:` block Terraform prints when it cannot take a lock, as
 * field → value (`ID`, `Path`, `Operation`, `Who`, `Version`, …).
 */
export function lockInfoIn(stderr: string): Record<string, string> {
  const block = stderr.split("Lock Info:\n")[1] ?? "";
  const fields: Record<string, string> = {};
  for (const line of block.split("\n")) {
    const field = /^\s+(\w+):\s*(.*?)\s*$/.exec(line);
    if (!field) break;
    fields[field[1]!] = field[2]!;
  }
  return fields;
}

/** Asserts a run exited 0 and sent requests to loopback only. */
export function expectSuccess(run: TerraformRun): void {
  expect(run.code, `terraform ${run.args.join(" ")}\n${run.stderr}`).toBe(0);
  expect(offLoopback(run)).toEqual([]);
}

/**
 * Writes a stack's stand-in configuration into `dir` and runs
 * `terraform init` against the local endpoints.
 */
export async function initStateProbe(
  dir: string,
  stateBlock: Record<string, unknown>,
  stack: string,
  aws: LocalAws,
): Promise<void> {
  writeStateProbe(dir, stateBlock, stack);
  writeLocalBackendConfig(dir, aws);
  const run = await terraform(
    dir,
    "init",
    `-backend-config=${LOCAL_BACKEND_FILE}`,
  );
  expectSuccess(run);
  expect(run.urls.length, "init reached the S3 stand-in").toBeGreaterThan(0);
}

interface StateFile {
  resources: {
    type: string;
    name: string;
    instances: { attributes: { input?: { value: unknown } | null } }[];
  }[];
}

/** The `input` of each `terraform_data` resource in a state file's text. */
export function stateInputs(text: string): Record<string, unknown> {
  const state = JSON.parse(text) as StateFile;
  return Object.fromEntries(
    state.resources
      .filter((r) => r.type === "terraform_data")
      .map((r) => [r.name, r.instances[0]?.attributes.input?.value ?? null]),
  );
}
