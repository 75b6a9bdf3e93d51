// `text`: plain text, whitespace preserved (see .webio-output[data-type="text"] in style.css).

import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { bool, str } from "../read";

export function renderText(spec: OutputOf<"text">): HTMLElement {
  return el(bool(spec, "inline") ? "span" : "p", undefined, str(spec, "content"));
}
