// Output spec -> element, by `type`. Every element gets class webio-output and
// data-type; `style` is appended to its inline style.

import { applyStyle } from "../dom";
import { Spec, optStr } from "../protocol";
import { renderButtons } from "./buttons";
import { renderCode } from "./code";
import type { RenderContext, Renderer } from "./context";
import { renderHtml } from "./html";
import { renderLink } from "./link";
import { renderMarkdown } from "./markdown";
import { renderScope } from "./scope";
import { renderText } from "./text";

export type { RenderContext } from "./context";

const RENDERERS = new Map<string, Renderer>([
  ["text", renderText],
  ["markdown", renderMarkdown],
  ["html", renderHtml],
  ["code", renderCode],
  ["link", renderLink],
  ["buttons", renderButtons],
  ["scope", renderScope],
]);

/** Renders one output spec; null (and a warning) for an unknown type. */
export function renderOutput(spec: Spec, ctx: RenderContext): HTMLElement | null {
  const type = optStr(spec, "type") ?? "";
  const renderer = RENDERERS.get(type);
  if (!renderer) {
    console.warn("webio: unknown output type skipped:", type);
    return null;
  }
  const node = renderer(spec, ctx);
  node.classList.add("webio-output");
  node.dataset.type = type;
  applyStyle(node, optStr(spec, "style"));
  return node;
}
