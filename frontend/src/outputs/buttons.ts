// `buttons`: Bootstrap buttons; a click sends `callback` with the button's index.

import { bootstrapColor, buttonClass } from "../buttons";
import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { bool, get, optStr, slots, str } from "../read";
import type { RenderContext } from "./context";

export function renderButtons(spec: OutputOf<"buttons">, ctx: RenderContext): HTMLElement {
  // The output element is a block; with `group` the buttons sit in a .btn-group inside it.
  const wrap = el("div", "webio-buttons");
  let holder: HTMLElement = wrap;
  if (bool(spec, "group")) {
    holder = el("div", "btn-group");
    holder.setAttribute("role", "group");
    wrap.appendChild(holder);
  }
  const callbackId = optStr(spec, "callback_id");
  const look = {
    outline: bool(spec, "outline"),
    link: bool(spec, "link_style"),
    small: bool(spec, "small"),
  };
  // Every entry keeps its place: the index is what the click sends back.
  slots(spec, "buttons").forEach((button, index) => {
    const node = el("button", buttonClass({ ...look, color: bootstrapColor(get(button, "color")) }));
    node.type = "button";
    node.textContent = str(button, "label");
    node.disabled = bool(button, "disabled");
    if (callbackId !== null) {
      node.addEventListener("click", () => ctx.callback(callbackId, index));
    }
    holder.appendChild(node);
  });
  return wrap;
}
