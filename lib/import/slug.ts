/**
 * A kebab-case id from a monitor name: `[prod] Disk {{host.name}} full!`
 * gives `disk-full`. Leading `[...]` prefixes (usually the environment)
 * and template variables are left out; at most 60 characters, cut at a
 * dash. Falls back to `monitor-<id>` when nothing is left.
 */
export function slugOf(name: string, fallback: string): string {
  const words = name
    .replace(/^(\s*\[[^\]]*\])+/, "")
    .replace(/\{\{[^}]*\}\}/g, " ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!words) return fallback;
  if (words.length <= 60) return words;
  const cut = words.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf("-")) || words.slice(0, 60);
}
