import { describe, expect, it } from "vitest";
import { dashboard } from "../../../lib/dashboards/dashboard.js";
import {
  dashboardPage,
  previewFiles,
} from "../../../lib/dashboards/preview-html.js";
import { ROW_PX } from "../../../lib/dashboards/preview-style.js";
import { group, note, timeseries } from "../../../lib/dashboards/widget.js";
import { metrics } from "../../../lib/catalog/metrics.js";
import { scopedSeries } from "../../../lib/dashboards/template-variables.js";
import { anEnvironment, planOk } from "../../support/dashboards.js";

const env = anEnvironment("testnet-prod");
const spec = dashboard(env, {
  id: "sample",
  title: "Sample <b>",
  description: "See [runbooks](https://rb.example/a?b=1&c=2).",
  widgets: [
    note("**Hi** <script>alert(1)</script>", { size: { width: 6, height: 1 } }),
    group("G", [
      timeseries("Lag", [scopedSeries(metrics.chainBlockLag)], {
        markers: [{ value: 10, severity: "critical", label: "critical >= 10" }],
      }),
    ]),
  ],
});
const html = dashboardPage(spec, {
  stack: "testnet-prod-dev",
  file: "dashboards/sample.ts",
});

describe("dashboardPage", () => {
  it("places each widget by its layout, as grid fractions across and rows down", () => {
    expect(html).toContain(
      'data-path="0" data-type="note" data-x="0" data-y="0" data-w="6" data-h="1"' +
        ` style="left:0.0000%;width:50.0000%;top:0px;height:${ROW_PX}px"`,
    );
    expect(html).toContain(
      'data-path="1.0" data-type="timeseries" data-x="0" data-y="0" data-w="4" data-h="2"',
    );
  });

  it("shows queries, markers and links, and escapes everything else", () => {
    expect(html).toContain(
      "avg:gateway.chain_block_lag{$env,$service,$chain_id}",
    );
    expect(html).toContain("critical &gt;= 10: <code>y = 10</code>");
    expect(html).toContain("<title>[testnet-prod] Sample &lt;b&gt;</title>");
    expect(html).toContain(
      "<strong>Hi</strong> &lt;script&gt;alert(1)&lt;/script&gt;",
    );
    expect(html).toContain(
      '<a href="https://rb.example/a?b=1&amp;c=2">runbooks</a>',
    );
    expect(html).not.toContain("<script>");
  });
});

describe("previewFiles", () => {
  it("writes an index and one page per dev dashboard", async () => {
    const files = previewFiles((await planOk()).plan);
    const paths = files.map((f) => f.path);

    expect(paths[0]).toBe("index.html");
    expect(paths).toHaveLength(13);
    expect(paths).toContain("testnet-prod-dev/on-call-overview.html");
    for (const path of paths.slice(1))
      expect(files[0]!.html).toContain(`href="${path}"`);
  });
});
