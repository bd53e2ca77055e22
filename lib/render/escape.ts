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
