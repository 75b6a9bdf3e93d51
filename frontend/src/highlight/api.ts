// The contract between webio.js and the highlighting bundles it loads on demand: the
// highlight.js core (webio-highlight.js) and one bundle per language (webio-hl-<name>.js).
// Each leaves what it carries on window; types only cross the boundary, so webio.js holds no
// highlight.js code and a page without code blocks loads none.

import type { HLJSApi, LanguageFn } from "highlight.js";

/** File name of the core bundle, appended to the page's static prefix. */
export const HIGHLIGHT_CORE_FILE = "webio-highlight.js";
/** Where the core bundle leaves its highlight.js instance. */
export const HIGHLIGHT_CORE_GLOBAL = "webioHighlight";
/** Where each language bundle adds its definition, under the language's name. */
export const HIGHLIGHT_LANGUAGES_GLOBAL = "webioHighlightLanguages";

/** File name of the bundle of `language` (a name of HIGHLIGHT_TABLE.requires). */
export function languageFile(language: string): string {
  return "webio-hl-" + language + ".js";
}

/**
 * The languages there are bundles for, written into webio.js by build.mjs from the pinned
 * highlight.js: `names` maps every lower-case name and alias to its language, `requires` lists
 * each language with the languages it embeds (HTML's CSS and JavaScript), itself first.
 */
export interface HighlightTable {
  readonly names: Readonly<Record<string, string>>;
  readonly requires: Readonly<Record<string, readonly string[]>>;
}

declare global {
  interface Window {
    webioHighlight?: HLJSApi;
    webioHighlightLanguages?: Record<string, LanguageFn>;
  }
}
