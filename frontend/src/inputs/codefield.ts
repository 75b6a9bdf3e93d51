// A textarea shown as a code editor. The editor bundle loads on first use; until it is there
// (or if it never comes) the plain textarea is the field. Once it is there, the textarea stays
// in the form, out of sight, holding the value the editor writes into it.

import type { Assets } from "../assets";
import type { CodeEditor } from "../codeeditor/api";
import type { CodeEditorSpec } from "../generated/protocol";
import { bool, choice, int, str } from "../read";

const DEFAULT_TAB_SIZE = 4;
const THEMES: readonly CodeEditorSpec["theme"][] = ["light", "dark"];

export interface CodeField {
  setText(text: string): void;
  setReadOnly(readOnly: boolean): void;
}

export function attachCodeEditor(
  area: HTMLTextAreaElement,
  spec: CodeEditorSpec,
  assets: Assets,
): CodeField {
  let editor: CodeEditor | null = null;
  // What changes before the editor exists is kept for it.
  let readOnly = area.readOnly;
  area.classList.add("webio-code-source");
  area.spellcheck = false;

  assets
    .codeEditor()
    .then((factory) => {
      const hadFocus = document.activeElement === area;
      editor = factory({
        source: area,
        language: str(spec, "language"),
        theme: choice(spec, "theme", THEMES) ?? "light",
        lineNumbers: bool(spec, "line_numbers", true),
        tabSize: Math.max(1, int(spec, "tab_size", DEFAULT_TAB_SIZE)),
        readOnly,
        rows: area.rows,
      });
      area.insertAdjacentElement("afterend", editor.element);
      area.classList.add("webio-code-hidden");
      area.tabIndex = -1;
      const loaded = editor;
      // Whoever focuses the textarea (the form opening, the browser showing a validation
      // message) means the editor.
      area.addEventListener("focus", () => loaded.focus());
      if (hadFocus) loaded.focus();
    })
    .catch((err) => {
      console.warn("webio: code editor unavailable, the plain textarea stays", err);
    });

  return {
    setText(text) {
      editor?.setText(text);
    },
    setReadOnly(value) {
      readOnly = value;
      editor?.setReadOnly(value);
    },
  };
}
