// `buttons`: Bootstrap buttons; a click sends `callback` with the button's index.

import { el } from "../dom";
import { Spec, bool, isObject, list, optStr, str } from "../protocol";
import type { RenderContext } from "./context";

const COLORS = new Set([
  "primary",
  "secondary",
  "success",
  "danger",
  "warning",
  "info",
  "light",
  "dark",
]);

/** A Bootstrap colour name, or `fallback` for anything else. */
export function bootstrapColor(value: unknown, fallback = "primary"): string {
  return typeof value === "string" && COLORS.has(value) ? value : fallback;
}

export interface ButtonLook {
  color: string;
  outline?: boolean;
  link?: boolean;
  small?: boolean;
}

export function buttonClass(look: ButtonLook): string {
  const parts = ["btn"];
  if (look.link) parts.push("btn-link");
  else parts.push((look.outline ? "btn-outline-" : "btn-") + look.color);
  if (look.small) parts.push("btn-sm");
  return parts.join(" ");
}

export function renderButtons(spec: Spec, ctx: RenderContext): HTMLElement {
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
  list(spec, "buttons").forEach((item, index) => {
    const button = isObject(item) ? item : {};
    const node = el("button", buttonClass({ ...look, color: bootstrapColor(button.color) }));
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
