import type { MonitorSpec } from "../../model/monitor.js";
import { formatQuery } from "../../query/format.js";
import type { Finding, MonitorCheck } from "../check.js";
import { describePosition } from "../message-template.js";

/**
 * Rendering escapes every `${` and `%{` (lib/render/escape.ts), so a
 * runbook snippet such as `kubectl logs ${POD}` reaches Datadog as
 * written and nothing is left for Terraform to interpolate. What can still
 * go wrong is intent, so this check flags text that was meant for
 * Terraform and would now reach Datadog literally:
 * - a Terraform reference or call, `${var.env}`, `${local.x}`,
 *   `${datadog_monitor.db.id}`, `${lower(x)}`, or a directive such as
 *   `%{ if ... }`: typical of a monitor copied from HCL, where Terraform
 *   filled it in; here Datadog would get the braces (a directive is
 *   reported at its `if` or `for`, not again at its `endif`);
 * - an already escaped `$${` or `%%{`: rendering escapes again, so
 *   Datadog would get `$${` instead of `${`.
 * Shell-style `${NAME}` and `${NAME:-default}` are left alone.
 * https://developer.hashicorp.com/terraform/language/expressions/strings
 */
const TERRAFORM_REFERENCE =
  /\$\{\s*(?:(?:var|local|module|data|each|count|path|terraform|self)\.|[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_]|[a-z][a-z0-9_]*\()|%\{~?\s*(?:if|for)\b|\$\$\{|%%\{/g;

/** Fields rendered into the Terraform JSON as strings. */
function fields(spec: MonitorSpec): [path: string, text: string][] {
  const query =
    spec.query.kind === "raw" ? spec.query.text : formatQuery(spec.query);
  return [
    ["name", spec.name],
    ["query", query],
    ["message", spec.message],
    ...spec.tags.map((tag, i): [string, string] => [`tags[${i}]`, tag]),
  ];
}

/** No Terraform template meant for Terraform in any rendered string. */
export const terraformTemplate: MonitorCheck = {
  id: "terraform-template",
  description:
    "no Terraform reference (`${var.x}`, `%{ if }`) or pre-escaped `$${` in name, query, message or tags; they would reach Datadog literally",
  run: ({ spec }) => {
    const out: Finding[] = [];
    for (const [path, text] of fields(spec)) {
      if (!text.includes("{")) continue;
      TERRAFORM_REFERENCE.lastIndex = 0;
      for (
        let match = TERRAFORM_REFERENCE.exec(text);
        match;
        match = TERRAFORM_REFERENCE.exec(text)
      ) {
        const escaped = match[0] === "$${" || match[0] === "%%{";
        out.push({
          path,
          message: `expected text for Datadog, got ${escaped ? "a pre-escaped" : "a Terraform"} template "${snippet(text, match.index)}" at ${describePosition(text, match.index)}`,
          hint: escaped
            ? `write ${match[0].slice(1)} as is; rendering escapes it`
            : "put the value itself in the spec (from the environment config); Terraform does not interpolate here",
        });
      }
    }
    return out;
  },
};

/** The template up to its closing brace, at most 40 characters. */
function snippet(text: string, start: number): string {
  const close = text.indexOf("}", start);
  const end = close === -1 ? text.length : close + 1;
  return text.slice(start, Math.min(end, start + 40));
}
