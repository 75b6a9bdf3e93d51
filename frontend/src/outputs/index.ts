// Output spec -> element, by `type`. Every element gets class webio-output and data-type;
// `style` is appended to its inline style. A new output type is one module plus its line
// in RENDERERS, which tsc requires.

import { applyStyle } from "../dom";
import { OUTPUT_TYPES, OutputOf, OutputSpec, OutputType } from "../generated/protocol";
import { isOneOf, optStr } from "../read";
import { renderButtons } from "./buttons";
import { renderCode } from "./code";
import type { RenderContext, Renderer } from "./context";
import { renderHtml } from "./html";
import { renderLink } from "./link";
import { renderMarkdown } from "./markdown";
import { renderPin } from "./pin";
import { renderScope } from "./scope";
import { renderText } from "./text";

export type { RenderContext } from "./context";

const RENDERERS: { readonly [K in OutputType]: Renderer<K> } = {
  text: renderText,
  markdown: renderMarkdown,
  html: renderHtml,
  code: renderCode,
  link: renderLink,
  buttons: renderButtons,
  scope: renderScope,
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
  return node;
}
