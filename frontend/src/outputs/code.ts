// `code`: <pre><code class="hljs">, highlighted once its language has loaded; `rows` caps
// the visible height.

import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { int, str } from "../read";
import type { RenderContext } from "./context";
import { highlightInto } from "./highlight";

/** Line height of code blocks in em, kept in sync with style.css. */
const LINE_HEIGHT_EM = 1.5;
/** Vertical padding of code blocks in em (top + bottom), as in style.css. */
const PADDING_EM = 2;

export function renderCode(spec: OutputOf<"code">, ctx: RenderContext): HTMLElement {
  const pre = el("pre");
  const code = el("code");
  highlightInto(code, str(spec, "content"), str(spec, "language"), ctx.assets.highlighter);
  pre.appendChild(code);
  const rows = int(spec, "rows", 0);
  if (rows > 0) {
    pre.style.maxHeight = rows * LINE_HEIGHT_EM + PADDING_EM + "em";
    pre.style.overflow = "auto";
  }
  return pre;
}
