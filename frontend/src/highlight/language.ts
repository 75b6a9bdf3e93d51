// Shared by the language bundles (webio-hl-<name>.js), whose entry points build.mjs writes:
// each hands its definition over to webio.js (api.ts).

import type { LanguageFn } from "highlight.js";
import { HIGHLIGHT_LANGUAGES_GLOBAL } from "./api";

export function provideLanguage(name: string, language: LanguageFn): void {
  const languages = window[HIGHLIGHT_LANGUAGES_GLOBAL] || (window[HIGHLIGHT_LANGUAGES_GLOBAL] = {});
  languages[name] = language;
}
