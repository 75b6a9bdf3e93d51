// `scope`: a new named scope holding `contents`.

import { isObject, list, Spec, str } from "../protocol";
import { createScopeElement } from "../scopes";
import type { RenderContext } from "./context";

export function renderScope(spec: Spec, ctx: RenderContext): HTMLElement {
  const name = str(spec, "name");
  const node = createScopeElement(name);
  for (const child of list(spec, "contents")) {
    if (!isObject(child)) continue;
    const rendered = ctx.render(child);
    if (rendered) node.appendChild(rendered);
  }
  if (name !== "") ctx.registerScope(name, node);
  return node;
}
