// Small DOM helpers. Everything coming from the server goes through textContent or
// attribute setters here; no HTML parsing.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Inserts `child` into `parent` so that it ends up at index `position` among the
 * element children: -1 (or any index past the end) appends, 0 puts it first, a
 * negative index counts from the end (-2 = just before the current last one).
 */
export function insertAt(parent: Element, child: Element, position: number): void {
  const children = parent.children;
  const count = children.length;
  let index = position < 0 ? count + position + 1 : position;
  if (index < 0) index = 0;
  if (index >= count) parent.appendChild(child);
  else parent.insertBefore(child, children[index]);
}

/** Appends server-supplied CSS text to the element's inline style. */
export function applyStyle(node: HTMLElement, css: string | null): void {
  if (!css) return;
  const current = node.style.cssText;
  node.style.cssText = current ? current + ";" + css : css;
}

const REFUSED_SCHEMES = new Set(["javascript:", "data:", "vbscript:"]);

/**
 * Returns the URL when it is safe to put in an href, null otherwise. The browser's
 * own URL parser decides the scheme, so tricks with case, tabs or newlines inside
 * the scheme are seen the way navigation would see them.
 */
export function safeHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, document.baseURI);
  } catch {
    return null;
  }
  if (REFUSED_SCHEMES.has(parsed.protocol.toLowerCase())) return null;
  return url;
}

let lastId = 0;

/** A fresh element id, for aria-controls / aria-labelledby pairs built on the client. */
export function uniqueId(prefix: string): string {
  lastId += 1;
  return "webio-" + prefix + "-" + lastId;
}
