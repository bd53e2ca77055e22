/**
 * The stylesheet of the dashboard preview. Widgets are absolutely placed:
 * a grid unit is 1/12 of the grid's width across and `ROW_PX` down, so a
 * widget's box is exactly its layout times the unit (tests check this).
 */

/** Height of one grid row in the preview, in CSS pixels. */
export const ROW_PX = 96;

/** The CSS of every preview page. */
export function previewStyle(): string {
  return `
*{box-sizing:border-box}
body{margin:0;padding:16px;font:13px/1.4 system-ui,sans-serif;
  background:#f3f3f6;color:#222}
header h1{margin:4px 0;font-size:20px}
.description{margin:4px 0;color:#555}
.variables{display:flex;gap:16px;list-style:none;padding:0;margin:4px 0 12px}
.grid{position:relative;width:100%}
main.grid{max-width:1200px}
.widget{position:absolute;padding:4px;overflow:hidden}
.frame{height:100%;overflow:auto;background:#fff;border:1px solid #d6d6de;
  border-radius:4px;padding:6px 8px}
.frame h2{margin:0 0 4px;font-size:13px}
.w-group{background:#e4e8f5;border-radius:6px;padding:0}
.group-title{margin:0;padding:0 8px;font-size:15px;line-height:${ROW_PX}px}
.group-body{position:absolute;left:0;right:0}
.w-note .frame{background:#fffdf0}
.queries,.markers{list-style:none;margin:0;padding:0}
.query{display:block;font-size:11px;word-break:break-all;color:#2a4a8a}
.marker{font-size:11px;display:flex;align-items:center;gap:4px}
.marker .line{display:inline-block;width:24px;border-top:2px dashed}
.marker.error .line{border-color:#d33}
.marker.warning .line{border-color:#e90}
.links a{margin-right:8px}
`;
}
