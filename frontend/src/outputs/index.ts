// Output spec -> element, by `type`. Every element gets class webio-output and data-type;
// `style` is appended to its inline style, and `click_callback_id` makes it clickable. A new
// output type is one module plus its line in RENDERERS, which tsc requires.

import { applyStyle } from "../dom";
import { OUTPUT_TYPES, OutputOf, OutputSpec, OutputType } from "../generated/protocol";
import { isOneOf, optStr } from "../read";
import { renderAlert } from "./alert";
import { renderButtons } from "./buttons";
import { onClick } from "./click";
import { renderCode } from "./code";
import { renderCollapse } from "./collapse";
import type { RenderContext, Renderer } from "./context";
import { renderDatatable } from "./datatable";
import { renderGrid } from "./grid";
import { renderHtml } from "./html";
import { renderImage } from "./image";
import { renderLink } from "./link";
import { renderLoading } from "./loading";
import { renderMarkdown } from "./markdown";
import { renderPin } from "./pin";
import { renderProgressbar } from "./progressbar";
import { renderScope } from "./scope";
import { renderScrollable } from "./scrollable";
import { renderTable } from "./table";
import { renderTabs } from "./tabs";
import { renderText } from "./text";
import { renderWidget } from "./widget";

export type { RenderContext } from "./context";

const RENDERERS: { readonly [K in OutputType]: Renderer<K> } = {
  text: renderText,
  markdown: renderMarkdown,
  html: renderHtml,
  code: renderCode,
  link: renderLink,
  buttons: renderButtons,
  scope: renderScope,
  datatable: renderDatatable,
  image: renderImage,
  progressbar: renderProgressbar,
  loading: renderLoading,
  table: renderTable,
  grid: renderGrid,
  tabs: renderTabs,
  collapse: renderCollapse,
  scrollable: renderScrollable,
  alert: renderAlert,
  widget: renderWidget,
  pin: renderPin,
};

function renderAs<K extends OutputType>(type: K, spec: OutputOf<K>, ctx: RenderContext): HTMLElement {
  return RENDERERS[type](spec, ctx);
}

/** Renders one output spec; null (and a warning) for an unknown type. */
export function renderOutput(spec: OutputSpec, ctx: RenderContext): HTMLElement | null {
  const type = optStr(spec, "type") ?? "";
  if (!isOneOf(OUTPUT_TYPES, type)) {
    console.warn("webio: unknown output type skipped:", type);
    return null;
  }
  // `type` is the spec's own, so the spec is the OutputOf that type names.
  const node = renderAs(type, spec as OutputOf<typeof type>, ctx);
  node.classList.add("webio-output");
  node.dataset.type = type;
  applyStyle(node, optStr(spec, "style"));
  const clickId = optStr(spec, "click_callback_id");
  if (clickId !== null) onClick(node, () => ctx.callback(clickId, null));
  return node;
}
