// `text`: plain text, whitespace preserved (see .webio-output[data-type="text"] in style.css).

import { el } from "../dom";
import { Spec, bool, str } from "../protocol";

export function renderText(spec: Spec): HTMLElement {
  return el(bool(spec, "inline") ? "span" : "p", undefined, str(spec, "content"));
}
