// `markdown`: marked's HTML, through DOMPurify when `sanitize`.

import { Marked } from "marked";
import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { bool, str } from "../read";
import type { RenderContext } from "./context";
import { highlightBlocks } from "./highlight";
import { setHtml } from "./sanitize";

const parser = new Marked({ gfm: true, breaks: false, async: false });

export function renderMarkdown(spec: OutputOf<"markdown">, ctx: RenderContext): HTMLElement {
  const node = el("div", "webio-markdown");
  const html = parser.parse(str(spec, "content"), { async: false }) as string;
  setHtml(node, html, bool(spec, "sanitize", true));
  highlightBlocks(node, ctx.assets.highlighter);
  return node;
}
