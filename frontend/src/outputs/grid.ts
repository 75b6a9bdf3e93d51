// `grid`: a CSS grid (put_row, put_column, put_grid). The template comes from the spec through
// the style API, which drops values that are no valid CSS; children keep their own `style`
// (a grid span arrives as `grid-row-start: span N`).

import { el } from "../dom";
import type { GridOutput, OutputOf } from "../generated/protocol";
import { choice, objects, optStr } from "../read";
import { RenderContext, renderChildren } from "./context";

const FLOWS: readonly GridOutput["flow"][] = ["row", "column"];

export function renderGrid(spec: OutputOf<"grid">, ctx: RenderContext): HTMLElement {
  const grid = el("div", "webio-grid");
  grid.style.gridAutoFlow = choice(spec, "flow", FLOWS) ?? FLOWS[0];
  const columns = optStr(spec, "columns");
  if (columns) grid.style.gridTemplateColumns = columns;
  const rows = optStr(spec, "rows");
  if (rows) grid.style.gridTemplateRows = rows;
  return renderChildren(grid, objects(spec, "contents"), ctx);
}
