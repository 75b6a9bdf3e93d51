// `datatable`: a sortable, selectable grid of records. The grid comes in its own bundle,
// loaded the first time a page shows a datatable (datatables.ts, datatable/); until then the
// output holds the table's place and says it is loading.

import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { str } from "../read";
import type { RenderContext } from "./context";

export function renderDatatable(spec: OutputOf<"datatable">, ctx: RenderContext): HTMLElement {
  const host = el("div", "webio-datatable mb-3");
  const loading = el("div", "webio-datatable-loading d-flex align-items-center justify-content-center text-body-secondary");
  loading.setAttribute("role", "status");
  loading.textContent = "Loading the table\u2026";
  const height = str(spec, "height");
  // The grid's own height, so that the page does not jump when it arrives.
  if (height !== "auto") loading.style.height = height;
  host.appendChild(loading);
  ctx.datatables.mount(spec, host);
  return host;
}
