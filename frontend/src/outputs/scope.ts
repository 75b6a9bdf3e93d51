// `scope`: a new named scope holding `contents`.

import type { OutputOf } from "../generated/protocol";
import { objects, str } from "../read";
import { createScopeElement } from "../scopes";
import { RenderContext, renderChildren } from "./context";

export function renderScope(spec: OutputOf<"scope">, ctx: RenderContext): HTMLElement {
  const name = str(spec, "name");
  const node = renderChildren(createScopeElement(name), objects(spec, "contents"), ctx);
  if (name !== "") ctx.registerScope(name, node);
  return node;
}
