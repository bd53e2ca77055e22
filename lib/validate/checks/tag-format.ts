import type { Finding, MonitorCheck } from "../check.js";

/**
 * A monitor tag is `key:value` in lower case: a key starting with a letter,
 * then letters, digits and `_-./`; a value of the same characters plus
 * `:`. Datadog lower-cases tags itself, so `Team:x` and `team:x` would be
 * one tag under two spellings.
 * https://docs.datadoghq.com/getting_started/tagging/#define-tags
 */
const TAG = /^[a-z][a-z0-9_\-./]*:[a-z0-9_\-./:]+$/;
const UPPER = /[A-Z]/;

/** Tags are lower-case `key:value` pairs, each once. */
export const tagFormat: MonitorCheck = {
  id: "tag-format",
  description: "tags are lower-case `key:value` pairs, none repeated",
  run: ({ spec }) => {
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    spec.tags.forEach((tag, i) => {
      const path = `tags[${i}]`;
      const earlier = seen.get(tag);
      if (earlier !== undefined) {
        out.push({
          path,
          message: `expected each tag once, got "${tag}" again (tags[${earlier}])`,
          hint: "drop the repeat",
        });
        return;
      }
      seen.set(tag, i);
      if (TAG.test(tag)) return;
      out.push({
        path,
        message: `expected a lower-case key:value tag, got "${tag}"`,
        ...(UPPER.test(tag) ? { hint: `write "${tag.toLowerCase()}"` } : {}),
      });
    });
    return out;
  },
};
