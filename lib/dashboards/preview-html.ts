import type { DashboardSpec } from "../model/dashboard.js";
import type { ProjectPlan } from "../plan.js";
import { GRID_COLUMNS, GROUP_TITLE_ROWS } from "./layout.js";
import { previewStyle, ROW_PX } from "./preview-style.js";

/**
 * Static HTML previews of the dashboards, for review without applying:
 * one page per dashboard, drawn from the JSON body that is deployed (not
 * from the typed widgets), and an index. Widgets sit where their
 * `layout` says on Datadog's 12-column grid; each shows its title, its
 * queries and its threshold markers. Pure: `scripts/preview.ts` writes.
 */

/** A file of the preview, relative to its output folder. */
export interface PreviewFile {
  readonly path: string;
  readonly html: string;
}

type Json = { [key: string]: unknown };
interface Layout {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every dev stack's dashboards, one page each, and `index.html`. */
export function previewFiles(plan: ProjectPlan): PreviewFile[] {
  const pages = plan.stacks.flatMap((stack) =>
    stack.dashboards.map(({ spec, file }) => ({
      stack: stack.name,
      spec,
      file,
      path: `${stack.name}/${spec.id}.html`,
    })),
  );
  return [
    { path: "index.html", html: indexPage(pages) },
    ...pages.map((p) => ({
      path: p.path,
      html: dashboardPage(p.spec, { stack: p.stack, file: p.file }),
    })),
  ];
}

/** The page of one dashboard. */
export function dashboardPage(
  spec: DashboardSpec,
  source: { stack: string; file: string },
): string {
  const body = spec.body as Json;
  const widgets = (body.widgets ?? []) as Json[];
  const rows = gridRows(widgets);
  const variables = ((body.template_variables ?? []) as Json[])
    .map(
      (v) => `<li><code>$${esc(v.name)}</code> = ${esc(list(v.defaults))}</li>`,
    )
    .join("");

  return page(
    String(body.title),
    `<header>
  <p><a href="../index.html">All dashboards</a> · ${esc(source.stack)} · <code>${esc(source.file)}</code></p>
  <h1>${esc(body.title)}</h1>
  <p class="description">${markdown(String(body.description ?? ""))}</p>
  <ul class="variables">${variables}</ul>
</header>
<main class="grid" data-dashboard="${esc(spec.id)}" style="height:${rows * ROW_PX}px">
${widgets.map((w, i) => widget(w, String(i))).join("\n")}
</main>`,
  );
}

/** The index: every dashboard, grouped by stack. */
export function indexPage(
  pages: readonly { stack: string; spec: DashboardSpec; path: string }[],
): string {
  const stacks = [...new Set(pages.map((p) => p.stack))];
  const sections = stacks.map((stack) => {
    const items = pages
      .filter((p) => p.stack === stack)
      .map((p) => `<li><a href="${esc(p.path)}">${esc(p.spec.title)}</a></li>`);
    return `<section><h2>${esc(stack)}</h2><ul>${items.join("")}</ul></section>`;
  });
  return page(
    "Dashboard previews",
    `<h1>Dashboard previews</h1>\n${sections.join("\n")}`,
  );
}

function widget(w: Json, path: string): string {
  const def = w.definition as Json;
  const layout = w.layout as Layout;
  const type = String(def.type);
  const attrs =
    `class="widget w-${esc(type)}" data-path="${path}" data-type="${esc(type)}"` +
    ` data-x="${layout.x}" data-y="${layout.y}" data-w="${layout.width}"` +
    ` data-h="${layout.height}" style="${position(layout)}"`;

  if (type === "group") {
    const inner = (def.widgets ?? []) as Json[];
    const children = inner.map((c, i) => widget(c, `${path}.${i}`)).join("\n");
    return `<section ${attrs}>
  <h2 class="group-title">${esc(def.title)}</h2>
  <div class="grid group-body" style="top:${GROUP_TITLE_ROWS * ROW_PX}px;height:${gridRows(inner) * ROW_PX}px">
${children}
  </div>
</section>`;
  }
  return `<section ${attrs}><div class="frame">
  <h2>${esc(def.title ?? (type === "note" ? "" : type))}</h2>
  ${content(def)}
</div></section>`;
}

function content(def: Json): string {
  switch (def.type) {
    case "note":
      return `<div class="note">${markdown(String(def.content))}</div>`;
    case "manage_status":
      return `<p class="search">Monitors matching <code>${esc(def.query)}</code></p>`;
    default: {
      const requests = (def.requests ?? []) as Json[];
      const queries = requests
        .map((r) => `<li><code class="query">${esc(r.q)}</code></li>`)
        .join("");
      const markers = ((def.markers ?? []) as Json[])
        .map(
          (m) =>
            `<li class="marker ${String(m.display_type).split(" ")[0]}">` +
            `<span class="line"></span>${esc(m.label)}: <code>${esc(m.value)}</code>` +
            ` <small>${esc(m.display_type)}</small></li>`,
        )
        .join("");
      const links = ((def.custom_links ?? []) as Json[])
        .map((l) => `<a href="${esc(l.link)}">${esc(l.label)}</a>`)
        .join(" ");
      return (
        `<ul class="queries">${queries}</ul>` +
        (markers ? `<ul class="markers">${markers}</ul>` : "") +
        (links ? `<p class="links">${links}</p>` : "")
      );
    }
  }
}

/** Rows a list of placed widgets fills. */
function gridRows(widgets: readonly Json[]): number {
  return Math.max(
    0,
    ...widgets.map((w) => {
      const l = w.layout as Layout;
      return l.y + l.height;
    }),
  );
}

function position(l: Layout): string {
  const pct = (n: number) => `${((n / GRID_COLUMNS) * 100).toFixed(4)}%`;
  return (
    `left:${pct(l.x)};width:${pct(l.width)};` +
    `top:${l.y * ROW_PX}px;height:${l.height * ROW_PX}px`
  );
}

function page(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${previewStyle()}</style>
</head>
<body>
${main}
</body>
</html>
`;
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : String(value ?? "");
}

/** Escaped text with markdown links and `**bold**` made into HTML. */
function markdown(text: string): string {
  return esc(text)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\n/g, "<br>");
}

function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
