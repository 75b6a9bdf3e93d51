// Syntax highlighting of code outputs and Markdown code blocks. The code shows as plain text
// at once and is highlighted when the bundles of its language have come (highlight/loader.ts):
// the first block of a language waits for them, the next ones only for a microtask.

import type { Highlighter } from "../highlight/loader";

/**
 * Fills `code` with `source`, later highlighted when `language` is one we have. The
 * highlighter escapes the source, so its output is safe to assign as HTML; an unknown
 * language, or one whose bundles do not load, stays plain text.
 */
export function highlightInto(code: HTMLElement, source: string, language: string, highlighter: Highlighter): void {
  code.classList.add("hljs");
  code.textContent = source;
  const lang = highlighter.languageOf(language);
  if (lang === null) return;
  highlighter
    .load(lang)
    .then((highlight) => {
      // Changed in the meantime: that text is not ours to replace.
      if (code.textContent !== source) return;
      code.innerHTML = highlight(source);
      code.classList.add("language-" + lang);
    })
    .catch((err) => {
      console.warn("webio: code left unhighlighted", err);
    });
}

/** Highlights the `<pre><code class="language-x">` blocks of rendered Markdown. */
export function highlightBlocks(scope: HTMLElement, highlighter: Highlighter): void {
  scope.querySelectorAll<HTMLElement>("pre > code").forEach((code) => {
    let lang = "";
    code.classList.forEach((cls) => {
      if (cls.startsWith("language-")) lang = cls.slice("language-".length);
    });
    if (lang && highlighter.languageOf(lang) !== null) {
      highlightInto(code, code.textContent || "", lang, highlighter);
    }
  });
}
