import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRID_COLUMNS, GROUP_TITLE_ROWS } from "../../lib/dashboards/layout.js";
import { ROW_PX } from "../../lib/dashboards/preview-style.js";
import type { Reporter } from "../../scripts/reporter.js";
import { writePreview } from "../../scripts/preview.js";
import {
  allWidgets,
  dashboardsOf,
  type FoundWidget,
  planOk,
  ROOT,
  scratchDir,
} from "../support/dashboards.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === "true";
const SCREENSHOTS = join(ROOT, "artifacts/preview");

const quiet = (): Reporter & { lines: string[] } => {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
};

describe("writePreview", () => {
  it("writes an index and a page per dashboard into the output folder", async () => {
    const out = join(scratchDir(), "preview");
    const reporter = quiet();

    expect(await writePreview(ROOT, out, reporter)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "index.html",
      "mainnet-prod-dev",
      "testnet-prod-dev",
      "testnet-stagef-dev",
    ]);
    expect(readdirSync(join(out, "testnet-prod-dev")).sort()).toEqual([
      "gateway-internals.html",
      "gateway-overview.html",
      "on-call-overview.html",
      "per-chain-health.html",
    ]);
    expect(reporter.lines).toEqual([
      `preview: 12 dashboards, open ${join(out, "index.html")}`,
    ]);
  });

  it("writes nothing and exits 1 when a check fails", async () => {
    const root = scratchDir();
    mkdirSync(join(root, "config/environments"), { recursive: true });
    const broken = join(root, "config/environments/broken.yaml");
    writeFileSync(broken, "name: Not Kebab\n");
    const out = join(root, "preview");
    const reporter = quiet();

    expect(await writePreview(root, out, reporter)).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(reporter.lines.at(-1)).toMatch(/error\(s\); nothing was written$/);
    expect(reporter.lines[0]).toMatch(
      /^error: config\/environments\/broken\.yaml/,
    );
  });
});

/** Serves a folder on 127.0.0.1 at a free port. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8" };
  const server = createServer((req, res) => {
    const path = resolve(
      dir,
      `.${decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)}`,
    );
    if (!path.startsWith(dir + sep) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "content-type": types[extname(path)] ?? "application/octet-stream",
    });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

const browserTitle = HAVE_CHROMIUM
  ? "the preview in headless chromium"
  : IN_CI
    ? `the preview in headless chromium (required on CI, none at ${CHROMIUM})`
    : `the preview in headless chromium (skipped: no chromium at ${CHROMIUM}; apt-get install -y chromium)`;

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)(browserTitle, () => {
  let dir: string;
  let profile: string;
  let server: Server | undefined;
  let url: string;
  let browser: BrowserContext | undefined;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(
        `chromium not found at ${CHROMIUM}; CI must install it (apt-get install -y chromium in .ci/run)`,
      );
    }
    dir = mkdtempSync(join(tmpdir(), "gwm-preview-"));
    profile = mkdtempSync(join(tmpdir(), "gwm-chromium-"));
    expect(await writePreview(ROOT, join(dir, "site"), quiet())).toBe(0);
    ({ server, url } = await serve(join(dir, "site")));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await new Promise<void>((ok) =>
        server ? server.close(() => ok()) : ok(),
      );
    } finally {
      for (const d of [dir, profile])
        if (d) rmSync(d, { recursive: true, force: true });
    }
  });

  it("links every dashboard from the index", async () => {
    const page = await browser!.newPage();
    await page.goto(`${url}/index.html`);
    const links = await page
      .locator("a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    await page.close();

    expect(links).toHaveLength(12);
    expect(links).toContain("testnet-prod-dev/gateway-overview.html");
  });

  const pages = ["mainnet-prod", "testnet-prod", "testnet-stagef"].flatMap(
    (env) =>
      [
        "gateway-overview",
        "per-chain-health",
        "gateway-internals",
        "on-call-overview",
      ].map((id) => ({ env, id })),
  );

  it.each(pages)(
    "$env/$id: draws every widget where its layout says, then saves a screenshot",
    async ({ env, id }) => {
      const body = dashboardsOf(await planOk(), env)[id]!.body;
      const page = await browser!.newPage();
      try {
        await page.goto(`${url}/${env}-dev/${id}.html`);
        await checkLayout(page, allWidgets(body));
        await page.screenshot({
          path: join(SCREENSHOTS, `${env}-${id}.png`),
          fullPage: true,
        });
      } finally {
        await page.close();
      }
    },
  );
});

type Box = { x: number; y: number; width: number; height: number };

/**
 * Each widget's box must be its layout times the grid unit (1/12 of the
 * grid's width across, ROW_PX down), measured from the grid it sits in:
 * the dashboard's grid, or its group's body one title row below the
 * group's top. Titles, queries and markers must be on the page.
 */
async function checkLayout(page: Page, widgets: readonly FoundWidget[]) {
  const grid = (await page.locator("main.grid").boundingBox())!;
  const unit = grid.width / GRID_COLUMNS;
  const boxes = new Map<string, Box>();
  const rendered = await page
    .locator(".widget")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-path")));
  expect(rendered).toEqual(widgets.map((w) => w.path));

  for (const w of widgets) {
    const element = page.locator(`.widget[data-path="${w.path}"]`);
    const box = (await element.boundingBox())!;
    const origin = w.parent
      ? {
          x: boxes.get(w.parent.path)!.x,
          y: boxes.get(w.parent.path)!.y + GROUP_TITLE_ROWS * ROW_PX,
        }
      : { x: grid.x, y: grid.y };
    const expected = {
      x: origin.x + w.layout.x * unit,
      y: origin.y + w.layout.y * ROW_PX,
      width: w.layout.width * unit,
      height: w.layout.height * ROW_PX,
    };
    for (const key of ["x", "y", "width", "height"] as const) {
      expect(
        Math.abs(box[key] - expected[key]),
        `${w.path} ${key}`,
      ).toBeLessThan(1.5);
    }
    boxes.set(w.path, box);

    const text = (await element.textContent()) ?? "";
    if (w.definition.title) expect(text).toContain(String(w.definition.title));
    if (w.definition.type === "group") continue;
    for (const r of (w.definition.requests ?? []) as { q: string }[]) {
      expect(text).toContain(r.q);
    }
    for (const m of (w.definition.markers ?? []) as {
      label: string;
      value: string;
    }[]) {
      expect(text).toContain(`${m.label}: ${m.value}`);
    }
  }
}
