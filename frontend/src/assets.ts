// Files of the client that a page loads only when it needs them (the code editor bundle),
// from the same place as webio.js.

import { CODE_EDITOR_FILE, CODE_EDITOR_GLOBAL, CodeEditorFactory } from "./codeeditor/api";
import type { PageConfig } from "./generated/protocol";

export interface Assets {
  /** The code editor factory; loads its bundle on the first call. Rejects when it cannot. */
  codeEditor(): Promise<CodeEditorFactory>;
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
  let editor: Promise<CodeEditorFactory> | null = null;
  return {
    codeEditor() {
      if (editor === null) {
        editor = loadScript(config.static + CODE_EDITOR_FILE + OWN_SUFFIX).then(() => {
          const factory = window[CODE_EDITOR_GLOBAL];
          if (typeof factory !== "function") throw new Error(CODE_EDITOR_FILE + " registered no editor");
          return factory;
        });
        // A failed load may succeed later (a network hiccup): the next code field tries again.
        editor.catch(() => {
          editor = null;
        });
      }
      return editor;
    },
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
