// `scope`: a new named scope holding `contents`.

import type { OutputOf } from "../generated/protocol";
import { objects, str } from "../read";
import { createScopeElement } from "../scopes";
import type { RenderContext } from "./context";

export function renderScope(spec: OutputOf<"scope">, ctx: RenderContext): HTMLElement {
  const name = str(spec, "name");
  const node = createScopeElement(name);
  for (const child of objects(spec, "contents")) {
    const rendered = ctx.render(child);
    if (rendered) node.appendChild(rendered);
  }
  if (name !== "") ctx.registerScope(name, node);
  return node;
}
