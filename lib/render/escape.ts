/**
 * Terraform reads `${...}` and `%{...}` in any string as interpolation and
 * template directives, even in JSON configuration; `$${` and `%%{` are the
 * literal forms. A runbook snippet such as `kubectl ... ${POD}` in a
 * message must reach Datadog as written.
 * https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 *
 * Datadog's own `{{var}}` template syntax has no `$` or `%` before the
 * braces and passes untouched.
 */
export function escapeTerraform(text: string): string {
  return text.replace(/([$%])\{/g, "$1$1{");
}

/** Escapes Terraform sequences and trims surrounding whitespace. */
export function cleanText(text: string): string {
  return escapeTerraform(text.trim());
}

/**
 * Escapes every string inside a JSON-like value: `extraOptions` reach the
 * resource through `addOverride`, as written, and an imported
 * `escalation_message` may hold a `${...}` meant for Datadog.
 */
export function escapeTerraformDeep(value: unknown): unknown {
  if (typeof value === "string") return escapeTerraform(value);
  if (Array.isArray(value)) return value.map(escapeTerraformDeep);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, escapeTerraformDeep(v)]),
    );
  }
  return value;
}
