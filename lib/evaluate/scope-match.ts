import type { Scope } from "../query/ast.js";

/**
 * Whether a series with these tags is selected by a query's `{...}` scope.
 *
 * Follows https://docs.datadoghq.com/metrics/advanced-filtering/: `,` and
 * `AND` both mean and, `OR`, `NOT`/`!` negate, `key IN (a,b)` and `key NOT
 * IN (a,b)` test one key, and `*` in a tag value matches any run of
 * characters (`service:*-canary`, `device:/dev/loop*`). Tags compare case
 * insensitively, since Datadog lower-cases tags at intake
 * (https://docs.datadoghq.com/getting_started/tagging/).
 */
export function matchesScope(
  scope: Scope,
  tags: ReadonlyMap<string, string>,
): boolean {
  switch (scope.kind) {
    case "all":
      return true;
    case "tag": {
      const hit =
        scope.key === undefined
          ? [...tags].some(([k, v]) => wildcard(scope.value).test(`${k}:${v}`))
          : hasTag(tags, scope.key, scope.value);
      return scope.negated ? !hit : hit;
    }
    case "in": {
      const hit = scope.values.some((v) => hasTag(tags, scope.key, v));
      return scope.negated ? !hit : hit;
    }
    case "and":
      return scope.terms.every((t) => matchesScope(t, tags));
    case "or":
      return scope.terms.some((t) => matchesScope(t, tags));
    case "not":
      return !matchesScope(scope.term, tags);
  }
}

/** Lower-cased tags of a series as a map, the form `matchesScope` reads. */
export function tagMap(
  tags: Readonly<Record<string, string | number>> = {},
): Map<string, string> {
  return new Map(
    Object.entries(tags).map(([k, v]) => [
      k.toLowerCase(),
      String(v).toLowerCase(),
    ]),
  );
}

function hasTag(tags: ReadonlyMap<string, string>, key: string, value: string) {
  const actual = tags.get(key.toLowerCase());
  return actual !== undefined && wildcard(value).test(actual);
}

const patterns = new Map<string, RegExp>();

function wildcard(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) {
    const body = pattern
      .toLowerCase()
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    regex = new RegExp(`^${body}$`);
    patterns.set(pattern, regex);
  }
  return regex;
}
