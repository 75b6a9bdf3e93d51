// `alert`: a Bootstrap alert box (put_info, put_success, put_warning, put_error); `closable`
// adds a close button that removes it (and so any scope inside it). The button comes first:
// Bootstrap places it in the corner whatever its place, and the last child stays an output.

import { el } from "../dom";
import type { AlertOutput, OutputOf } from "../generated/protocol";
import { bool, choice, objects } from "../read";
import { RenderContext, renderChildren } from "./context";

const COLORS: readonly AlertOutput["color"][] = ["info", "success", "warning", "danger"];

export function renderAlert(spec: OutputOf<"alert">, ctx: RenderContext): HTMLElement {
  const color = choice(spec, "color", COLORS) ?? COLORS[0];
  const box = el("div", "alert alert-" + color + " webio-alert");
  renderChildren(box, objects(spec, "contents"), ctx);
  if (bool(spec, "closable")) {
    box.classList.add("alert-dismissible");
    const close = el("button", "btn-close");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", () => box.remove());
    box.insertBefore(close, box.firstChild);
  }
  return box;
}
