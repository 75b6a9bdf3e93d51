// Language support by the names an app may give (CodeEditorSpec.language), with the usual
// short names. An unknown name gets a plain editor.

import { css } from "@codemirror/lang-css";
import { html } from "@codemirror/lang-html";
import { javascript } from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import { python } from "@codemirror/lang-python";
import { sql } from "@codemirror/lang-sql";
import type { Extension } from "@codemirror/state";
import { own } from "../read";

const LANGUAGES: Readonly<Record<string, () => Extension>> = {
  python: () => python(),
  py: () => python(),
  javascript: () => javascript(),
  js: () => javascript(),
  jsx: () => javascript({ jsx: true }),
  typescript: () => javascript({ typescript: true }),
  ts: () => javascript({ typescript: true }),
  tsx: () => javascript({ jsx: true, typescript: true }),
  markdown: () => markdown(),
  md: () => markdown(),
  html: () => html(),
  css: () => css(),
  sql: () => sql(),
  json: () => json(),
};

export function languageSupport(name: string): Extension {
  const make = own(LANGUAGES, name.trim().toLowerCase());
  if (make) return make();
  if (name !== "") console.warn("webio: no code editor support for language", name);
  return [];
}
