/**
 * Replaces the text between `<!-- <name>:begin -->` and
 * `<!-- <name>:end -->` in a document, markers kept, and leaves every
 * other section alone. Without the markers, the section is appended.
 */
export function replaceSection(
  document: string,
  name: string,
  body: string,
): string {
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${begin}\n${body.trim()}\n${end}`;

  const from = document.indexOf(begin);
  const to = document.indexOf(end, from);
  if (from < 0 || to < 0) {
    const separator = document.trim() ? "\n\n" : "";
    return `${document.trimEnd()}${separator}${block}\n`;
  }
  return document.slice(0, from) + block + document.slice(to + end.length);
}
