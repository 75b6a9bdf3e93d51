// HTML from the server: inserted as given, or cleaned by DOMPurify when asked to.
// Renderers treat a spec without a `sanitize` field as sanitize = true (fail safe).

import DOMPurify from "dompurify";

export function setHtml(target: HTMLElement, html: string, sanitize: boolean): void {
  target.innerHTML = sanitize ? DOMPurify.sanitize(html) : html;
}
