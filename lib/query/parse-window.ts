import type { Window, WindowUnit } from "./ast.js";

const UNITS: readonly WindowUnit[] = ["mo", "m", "h", "d", "w"];

/**
 * Reads a metric monitor window such as `last_5m` or `current_1mo`.
 * Returns undefined for anything else, including `last_0m` and `last_5s`.
 */
export function parseWindow(text: string): Window | undefined {
  if (text.startsWith("last_")) return parseDuration(text.slice(5), "last");
  if (text.startsWith("current_")) {
    return parseDuration(text.slice(8), "current");
  }
  if (text.startsWith("next_")) return parseDuration(text.slice(5), "next");
  return undefined;
}

/**
 * Reads a bare duration such as `5m` or `1mo` (as in `.last("5m")`) as a
 * window of the given kind. The amount is a positive whole number.
 */
export function parseDuration(
  text: string,
  kind: Window["kind"],
): Window | undefined {
  let digits = 0;
  while (digits < text.length && text[digits]! >= "0" && text[digits]! <= "9") {
    digits++;
  }
  const unit = UNITS.find((u) => text.slice(digits) === u);
  const amount = Number(text.slice(0, digits));
  if (digits === 0 || unit === undefined || amount <= 0) return undefined;
  return { kind, amount, unit };
}

/** True for a change reducer's comparison point: `5m_ago` or `last_5m`. */
export function isShift(text: string): boolean {
  if (text.endsWith("_ago")) {
    return parseDuration(text.slice(0, -4), "last") !== undefined;
  }
  const window = parseWindow(text);
  return window !== undefined && window.kind !== "next";
}
