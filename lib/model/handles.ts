/**
 * Notification handles. A handle is `@` followed by an integration and a
 * target (`@pagerduty-gateway`, `@slack-gateway-alerts`) or an email.
 * https://docs.datadoghq.com/monitors/notify/#notifications
 */

/** Integrations whose handles wake a person up. */
export const PAGING_INTEGRATIONS = [
  "pagerduty",
  "opsgenie",
  "oncall",
  "victorops",
  "xmatters",
] as const;

/** A well-formed handle: `@` then letters, digits and `-_.@+/`. */
export const HANDLE_PATTERN = /^@[A-Za-z0-9][A-Za-z0-9_.+\-/@]*$/;

/** Matches `@handle` tokens inside a message. */
export const HANDLE_IN_TEXT = /(?<![\w@])@[A-Za-z0-9][A-Za-z0-9_.+\-/@]*/g;

/** Whether a handle pages someone (PagerDuty, Opsgenie, Datadog On-Call...). */
export function isPagingHandle(handle: string): boolean {
  const name = handle.replace(/^@/, "").toLowerCase();
  return PAGING_INTEGRATIONS.some((i) => name.startsWith(`${i}-`));
}

/** Every paging handle mentioned in a piece of text. */
export function pagingHandlesIn(text: string): string[] {
  return [...text.matchAll(HANDLE_IN_TEXT)]
    .map((m) => m[0].replace(/[.]+$/, ""))
    .filter(isPagingHandle);
}
