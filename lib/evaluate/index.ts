/**
 * Offline evaluation of metric monitors: sample series in, the monitor's
 * state per group and minute out. See SEMANTICS.md for the rules.
 */
export { evaluate } from "./evaluate.js";
export { EvaluateError } from "./errors.js";
export { notifications, type Notification } from "./notifications.js";
export { parsePoints, parseSamples } from "./series-notation.js";
export { renderSvg } from "./svg.js";
export { formatTimeline, formatMinute, parseMinute } from "./timeline-text.js";
export type * from "./types.js";
