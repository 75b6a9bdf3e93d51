// `collapse`: a section whose title is a button that shows and hides its body
// (aria-expanded on the button, `hidden` on the body), as <details> does.

import { el, uniqueId } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { bool, objects, str } from "../read";
import { RenderContext, renderChildren } from "./context";

export function renderCollapse(spec: OutputOf<"collapse">, ctx: RenderContext): HTMLElement {
  const wrap = el("div", "card webio-collapse");
  const toggle = el("button", "card-header webio-collapse-toggle", str(spec, "title"));
  toggle.type = "button";
  const body = el("div", "card-body webio-collapse-body");
  body.id = uniqueId("collapse");
  toggle.setAttribute("aria-controls", body.id);
  renderChildren(body, objects(spec, "contents"), ctx);

  const setOpen = (open: boolean) => {
    toggle.setAttribute("aria-expanded", String(open));
    body.hidden = !open;
    wrap.classList.toggle("webio-open", open);
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  setOpen(bool(spec, "open"));
  wrap.append(toggle, body);
  return wrap;
}
