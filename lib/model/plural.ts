/** `1 dashboard`, `2 dashboards`; the last word takes the plural. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
