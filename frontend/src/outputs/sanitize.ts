// HTML from the server: inserted as given, or cleaned by DOMPurify when asked to.
// Renderers treat a spec without a `sanitize` field as sanitize = true (fail safe).

import DOMPurify from "dompurify";

/**
 * DOMPurify's defaults, without `<style>` elements: they run nothing, but a sanitised snippet
 * must not restyle (hide, overlay) the rest of the page either.
 */
const CLEAN = { FORBID_TAGS: ["style"] };

export function setHtml(target: HTMLElement, html: string, sanitize: boolean): void {
  target.innerHTML = sanitize ? DOMPurify.sanitize(html, CLEAN) : html;
}
