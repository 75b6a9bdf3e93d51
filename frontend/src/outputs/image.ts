// `image`: an <img>. Only http(s) (relative and protocol-relative URLs resolve to the page's
// own scheme) and data:image/ URLs are loaded; anything else gets no src.

import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { optStr, str } from "../read";

const LOADED_SCHEMES = new Set(["http:", "https:"]);

/**
 * The URL when an <img> may load it, null otherwise. The browser's URL parser decides the
 * scheme, so case, whitespace and control characters in it are seen as loading would see them.
 */
export function safeImageSrc(src: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(src, document.baseURI);
  } catch {
    return null;
  }
  const scheme = parsed.protocol.toLowerCase();
  if (LOADED_SCHEMES.has(scheme)) return src;
  if (scheme === "data:" && /^image\//i.test(parsed.pathname)) return src;
  return null;
}

export function renderImage(spec: OutputOf<"image">): HTMLElement {
  const img = el("img", "webio-image");
  img.alt = str(spec, "alt");
  const src = str(spec, "src");
  const safe = safeImageSrc(src);
  if (safe !== null) img.src = safe;
  else console.warn("webio: refused image URL", src.slice(0, 100));
  for (const key of ["width", "height"] as const) {
    const value = optStr(spec, key);
    if (value !== null && value !== "") img.setAttribute(key, value);
  }
  return img;
}
