// Syntax highlighting on demand: the highlight.js core and each language come in their own
// bundle (api.ts), asked for the first time a code block names a language we have.

import type { HLJSApi } from "highlight.js";
import { own } from "../read";
import {
  HIGHLIGHT_CORE_FILE,
  HIGHLIGHT_CORE_GLOBAL,
  HIGHLIGHT_LANGUAGES_GLOBAL,
  HighlightTable,
  languageFile,
} from "./api";

/** Written in by build.mjs (esbuild's define). */
declare const WEBIO_HIGHLIGHT_TABLE: HighlightTable;

/** Source code -> highlighted HTML (escaped: safe to assign as HTML). */
export type Highlight = (source: string) => string;

export interface Highlighter {
  /** The language that `name` means (case and spaces ignored); null if we have no bundle for it. */
  languageOf(name: string): string | null;
  /** Highlighting in `language` (a languageOf result), once its bundles are loaded. */
  load(language: string): Promise<Highlight>;
}

/** `loadFile` loads a bundle by file name and rejects when it cannot. */
export function createHighlighter(loadFile: (file: string) => Promise<void>): Highlighter {
  const table = WEBIO_HIGHLIGHT_TABLE;
  /** Loads in flight or done, by file; a failed one is forgotten, so the next block tries again. */
  const loads = new Map<string, Promise<void>>();

  function loadOnce(file: string): Promise<void> {
    let load = loads.get(file);
    if (!load) {
      load = loadFile(file);
      loads.set(file, load);
      load.catch(() => loads.delete(file));
    }
    return load;
  }

  function core(): HLJSApi {
    const hljs = window[HIGHLIGHT_CORE_GLOBAL];
    if (!hljs) throw new Error(HIGHLIGHT_CORE_FILE + " registered no highlighter");
    return hljs;
  }

  /** Registers with the core the languages whose bundles have come. */
  function register(hljs: HLJSApi, names: readonly string[]): void {
    const provided = window[HIGHLIGHT_LANGUAGES_GLOBAL] || {};
    for (const name of names) {
      if (hljs.getLanguage(name)) continue;
      const language = own(provided, name);
      if (!language) throw new Error(languageFile(name) + " registered no language");
      hljs.registerLanguage(name, language);
    }
  }

  return {
    languageOf(name) {
      return own(table.names, name.trim().toLowerCase()) ?? null;
    },
    load(language) {
      const names = own(table.requires, language) ?? [language];
      const files = [HIGHLIGHT_CORE_FILE, ...names.map(languageFile)];
      return Promise.all(files.map(loadOnce)).then(() => {
        const hljs = core();
        register(hljs, names);
        return (source: string) => hljs.highlight(source, { language, ignoreIllegals: true }).value;
      });
    },
  };
}
