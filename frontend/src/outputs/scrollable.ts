// `scrollable`: a box between min_height and max_height pixels that scrolls. With keep_bottom it
// follows its content's bottom as the content grows (outputs added to a scope inside it,
// images loading), unless the user scrolled up: scrolling back to the bottom sticks again.

import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { bool, int, objects } from "../read";
import { RenderContext, renderChildren } from "./context";

/** Pixels from the bottom that still count as "at the bottom" (zoom gives fractional offsets). */
const STICK_PX = 8;

export function renderScrollable(spec: OutputOf<"scrollable">, ctx: RenderContext): HTMLElement {
  const box = el("div", "webio-scrollable");
  const minHeight = int(spec, "min_height", 0);
  const maxHeight = int(spec, "max_height", 0);
  if (minHeight > 0) box.style.minHeight = minHeight + "px";
  if (maxHeight > 0) box.style.maxHeight = maxHeight + "px";
  if (bool(spec, "border")) box.classList.add("webio-scrollable-border");
  // The content sits in an inner block whose size tells when the content grew.
  const inner = el("div", "webio-scrollable-content");
  box.appendChild(renderChildren(inner, objects(spec, "contents"), ctx));
  if (bool(spec, "keep_bottom")) keepBottom(box, inner);
  return box;
}

function keepBottom(box: HTMLElement, inner: HTMLElement): void {
  if (typeof ResizeObserver === "undefined") return;
  let stuck = true;
  /** Where the box last scrolled itself: the scroll event that follows is not the user's. */
  let ours = -1;
  box.addEventListener(
    "scroll",
    () => {
      // Our own scroll event comes a frame later, when more content may already have made the
      // box taller: judged by position, it would look like the user leaving the bottom.
      if (box.scrollTop === ours) return;
      stuck = box.scrollHeight - box.scrollTop - box.clientHeight <= STICK_PX;
    },
    { passive: true },
  );
  // Growth does not scroll by itself (no scroll event), so `stuck` still tells where the user was.
  new ResizeObserver(() => {
    if (!stuck) return;
    box.scrollTop = box.scrollHeight;
    ours = box.scrollTop;
  }).observe(inner);
}
