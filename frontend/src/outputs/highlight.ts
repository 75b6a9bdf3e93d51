// Syntax highlighting with a small set of highlight.js languages.

import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";

hljs.registerLanguage("bash", bash);
hljs.registerLanguage("css", css);
hljs.registerLanguage("javascript", javascript);
hljs.registerLanguage("json", json);
hljs.registerLanguage("plaintext", plaintext);
hljs.registerLanguage("python", python);
hljs.registerLanguage("sql", sql);
hljs.registerLanguage("typescript", typescript);
hljs.registerLanguage("xml", xml);
hljs.registerAliases(["sh", "shell", "console"], { languageName: "bash" });
hljs.registerAliases(["text", "txt"], { languageName: "plaintext" });
hljs.registerAliases(["py3"], { languageName: "python" });

/**
 * Fills `code` with `source`, highlighted when `language` is one we know. The
 * highlighter escapes the source, so its output is safe to assign as HTML; an
 * unknown language gets plain text.
 */
export function highlightInto(code: HTMLElement, source: string, language: string): void {
  code.classList.add("hljs");
  const lang = language.trim().toLowerCase();
  if (lang && hljs.getLanguage(lang)) {
    try {
      code.innerHTML = hljs.highlight(source, { language: lang, ignoreIllegals: true }).value;
      code.classList.add("language-" + lang.replace(/[^a-z0-9_+-]/g, ""));
      return;
    } catch (err) {
      console.error("webio: highlighting failed", err);
    }
  }
  code.textContent = source;
}

/** Highlights `<pre><code class="language-x">` blocks inside rendered Markdown. */
export function highlightBlocks(scope: HTMLElement): void {
  scope.querySelectorAll<HTMLElement>("pre > code").forEach((code) => {
    let lang = "";
    code.classList.forEach((cls) => {
      if (cls.startsWith("language-")) lang = cls.slice("language-".length);
    });
    if (lang && hljs.getLanguage(lang.toLowerCase())) {
      highlightInto(code, code.textContent || "", lang);
    }
  });
}
