// `html`: HTML as given, or through DOMPurify when `sanitize`.

import { el } from "../dom";
import { Spec, bool, str } from "../protocol";
import { setHtml } from "./sanitize";

export function renderHtml(spec: Spec): HTMLElement {
  const node = el("div");
  setHtml(node, str(spec, "content"), bool(spec, "sanitize", true));
  return node;
}
