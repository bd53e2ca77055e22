import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, release, totalmem } from "node:os";

/** What the numbers were measured on. */
export interface MachineInfo {
  readonly cpus: number;
  readonly model: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly kernel: string;
  /** 1-minute load average when the bench started: other work running. */
  readonly load: number;
}

/** Describes this machine from `os` and `/proc/cpuinfo`. */
export function machineInfo(): MachineInfo {
  let model = "unknown";
  try {
    const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
    model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? model;
  } catch {
    // Not Linux: the model stays unknown; everything else still works.
  }
  return {
    cpus: availableParallelism(),
    model,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: release(),
    load: Math.round(loadavg()[0]! * 100) / 100,
  };
}
