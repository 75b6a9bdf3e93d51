// Files of the client that a page loads only when it needs them (the code editor, the
// datatable and the highlighting bundles), from the same place as webio.js.

import { CODE_EDITOR_FILE, CODE_EDITOR_GLOBAL, CodeEditorFactory } from "./codeeditor/api";
import { DATATABLE_FILE, DATATABLE_GLOBAL, DatatableFactory } from "./datatable/api";
import type { PageConfig } from "./generated/protocol";
import { createHighlighter, Highlighter } from "./highlight/loader";

export interface Assets {
  /** The code editor factory; loads its bundle on the first call. Rejects when it cannot. */
  codeEditor(): Promise<CodeEditorFactory>;
  /** The datatable factory; loads its bundle on the first call. Rejects when it cannot. */
  datatable(): Promise<DatatableFactory>;
  /** Syntax highlighting, its bundles loaded as code blocks ask for languages. */
  readonly highlighter: Highlighter;
}

/**
 * The query that follows "webio.js" in this script's own URL (the server's cache-busting
 * version), read while the script runs: a later bundle is asked for with the same suffix.
 */
const OWN_SUFFIX = ownSuffix();

function ownSuffix(): string {
  const script = document.currentScript;
  const src = script instanceof HTMLScriptElement ? script.getAttribute("src") ?? "" : "";
  const at = src.lastIndexOf("webio.js");
  return at === -1 ? "" : src.slice(at + "webio.js".length);
}

export function pageAssets(config: PageConfig): Assets {
  return {
    highlighter: createHighlighter((file) => loadScript(config.static + file + OWN_SUFFIX)),
    codeEditor: bundle(config, CODE_EDITOR_FILE, () => window[CODE_EDITOR_GLOBAL]),
    datatable: bundle(config, DATATABLE_FILE, () => window[DATATABLE_GLOBAL]),
  };
}

/** Loads `file` on the first call, then gives what it registered (`registered`). */
function bundle<F>(config: PageConfig, file: string, registered: () => F | undefined): () => Promise<F> {
  let loading: Promise<F> | null = null;
  return () => {
    if (loading === null) {
      loading = loadScript(config.static + file + OWN_SUFFIX).then(() => {
        const factory = registered();
        if (typeof factory !== "function") throw new Error(file + " registered nothing");
        return factory;
      });
      // A failed load may succeed later (a network hiccup): the next user tries again.
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
}

function loadScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.async = true;
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => {
      script.remove();
      reject(new Error("could not load " + url));
    });
    document.head.appendChild(script);
  });
}
