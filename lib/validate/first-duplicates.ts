/**
 * Items whose key an earlier item already has, each with the file that
 * defined the first one: the shared walk behind the uniqueness checks of
 * monitors and dashboards.
 */
export function firstDuplicates<T extends { readonly file: string }>(
  items: readonly T[],
  key: (item: T) => string,
): { item: T; value: string; earlierFile: string }[] {
  const first = new Map<string, string>();
  const out: { item: T; value: string; earlierFile: string }[] = [];
  for (const item of items) {
    const value = key(item);
    const earlierFile = first.get(value);
    if (earlierFile === undefined) first.set(value, item.file);
    else out.push({ item, value, earlierFile });
  }
  return out;
}
