// `table`: a Bootstrap table of nested outputs, scrolling sideways when it is wider than the
// page. A span names its cell by its place in `rows` (row, then index in that row's list),
// since the cells it covers are absent from the lists.

import { el } from "../dom";
import type { OutputOf, OutputSpec, TableSpan } from "../generated/protocol";
import { bool, get, int, isObject, objects } from "../read";
import type { RenderContext } from "./context";

/** Above this, a span is a mistake, not a table: browsers cap rowspan/colspan too. */
const MAX_SPAN = 1000;

type Span = { rows: number; cols: number };

function spanKey(row: number, col: number): string {
  return row + "," + col;
}

function readSpans(spans: readonly TableSpan[]): Map<string, Span> {
  const byCell = new Map<string, Span>();
  const clamp = (n: number) => Math.min(MAX_SPAN, Math.max(1, n));
  for (const span of spans) {
    const row = int(span, "row", -1);
    const col = int(span, "col", -1);
    if (row < 0 || col < 0) continue;
    const size = { rows: clamp(int(span, "rows", 1)), cols: clamp(int(span, "cols", 1)) };
    byCell.set(spanKey(row, col), size);
  }
  return byCell;
}

/** A row that is no list is an empty row; a cell that is no spec, an empty cell (spans count it). */
function readRows(spec: OutputOf<"table">): (OutputSpec | null)[][] {
  const rows = get(spec, "rows");
  if (!Array.isArray(rows)) return [];
  const readCell = (cell: unknown) => (isObject(cell) ? (cell as unknown as OutputSpec) : null);
  return rows.map((row: unknown) => (Array.isArray(row) ? row.map(readCell) : []));
}

export function renderTable(spec: OutputOf<"table">, ctx: RenderContext): HTMLElement {
  const wrap = el("div", "table-responsive webio-table");
  const table = el("table", "table table-bordered");
  const spans = readSpans(objects(spec, "spans"));
  const rows = readRows(spec);
  const header = bool(spec, "header") && rows.length > 0;

  rows.forEach((cells, rowIndex) => {
    const isHead = header && rowIndex === 0;
    const tr = el("tr");
    cells.forEach((cell, colIndex) => {
      const td = el(isHead ? "th" : "td");
      if (isHead) td.scope = "col";
      const span = spans.get(spanKey(rowIndex, colIndex));
      if (span && span.rows > 1) td.rowSpan = span.rows;
      if (span && span.cols > 1) td.colSpan = span.cols;
      const content = cell ? ctx.render(cell) : null;
      if (content) td.appendChild(content);
      tr.appendChild(td);
    });
    if (isHead) table.createTHead().appendChild(tr);
    else (table.tBodies[0] ?? table.createTBody()).appendChild(tr);
  });
  wrap.appendChild(table);
  return wrap;
}
