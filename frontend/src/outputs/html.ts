// `html`: HTML as given, or through DOMPurify when `sanitize`.

import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { bool, str } from "../read";
import { setHtml } from "./sanitize";

export function renderHtml(spec: OutputOf<"html">): HTMLElement {
  const node = el("div");
  setHtml(node, str(spec, "content"), bool(spec, "sanitize", true));
  return node;
}
