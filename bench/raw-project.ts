import type { MonitorAttributes } from "../lib/render/monitor-config.js";

/**
 * What the raw-cdktf baseline synthesizes, as plain JSON: per stack the
 * provider and backend arguments and each monitor's construct id and
 * attributes, exactly as our render layer passes them to cdktf.
 */
export interface RawProject {
  readonly stacks: readonly RawStack[];
}

/** One stack of the baseline. */
export interface RawStack {
  readonly name: string;
  /** `DatadogProvider` `apiUrl`. */
  readonly apiUrl: string;
  /** `LocalBackend` `path`; the bench's environments use local state. */
  readonly backendPath: string;
  readonly monitors: readonly RawMonitor[];
}

/** One `datadog_monitor` resource of the baseline. */
export interface RawMonitor {
  readonly id: string;
  readonly config: MonitorAttributes;
  /** `addOverride` calls, for specs with `extraOptions`. */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** `importFrom` id, for specs that adopt an existing monitor. */
  readonly importId?: string;
}
