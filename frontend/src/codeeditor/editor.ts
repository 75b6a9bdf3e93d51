// The code editor (CodeMirror 6) standing in for a textarea: it writes every change into the
// textarea, fires the textarea's change and blur events as typing into it would, and copies
// the textarea's validity mark and ARIA description. Esc toggles a full-screen view (after an
// Esc, Tab leaves the editor, as CodeMirror lets it). An editor asked to be light turns dark
// with the page (colormode.ts): CodeMirror's light colours do not read on a dark page.

import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { indentWithTab } from "@codemirror/commands";
import { bracketMatching, foldGutter, indentOnInput, indentUnit } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, Extension, Transaction } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { minimalSetup } from "codemirror";
import { COLOR_MODE_ATTRIBUTE, colorModeOf } from "../colormode";
import type { CodeEditor, CodeEditorOptions } from "./api";
import { languageSupport } from "./languages";

/** Textarea attributes the editor's content mirrors. */
const MIRRORED = ["aria-invalid", "aria-describedby"];

const LINE_HEIGHT_EM = 1.4;

/** The page's own background: CodeMirror's light look has none, which shows in full screen. */
const LIGHT = EditorView.theme({ "&": { backgroundColor: "var(--bs-body-bg, #fff)" } });

export function createEditor(options: CodeEditorOptions): CodeEditor {
  const { source } = options;
  const readOnly = new Compartment();
  const look = new Compartment();
  const aria = new Compartment();
  const palette = new Compartment();
  let fullScreen = false;
  /** The text at the last change event: a blur after an edit is a change. */
  let committed = source.value;

  const editorClass = () =>
    [fullScreen ? "webio-code-fullscreen" : "", source.classList.contains("is-invalid") ? "is-invalid" : ""]
      .filter(Boolean)
      .join(" ");
  const lookOf = () => EditorView.editorAttributes.of({ class: editorClass() });
  const ariaOf = () => EditorView.contentAttributes.of(contentAria(source));
  const readOnlyOf = (value: boolean) => [EditorState.readOnly.of(value), EditorView.editable.of(!value)];
  const paletteOf = () => (options.theme === "dark" || colorModeOf(document) === "dark" ? oneDark : LIGHT);

  const view = new EditorView({
    doc: source.value,
    extensions: [
      minimalSetup,
      options.lineNumbers ? [lineNumbers(), highlightActiveLineGutter(), foldGutter()] : [],
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      autocompletion(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      keymap.of([...closeBracketsKeymap, ...searchKeymap, ...completionKeymap, indentWithTab]),
      // After the other keymaps: Esc closes a completion list first. Not "handled", so that
      // CodeMirror still lets the next Tab leave the editor.
      keymap.of([{ key: "Escape", run: () => (toggleFullScreen(), false) }]),
      EditorState.tabSize.of(options.tabSize),
      indentUnit.of(" ".repeat(options.tabSize)),
      languageSupport(options.language),
      palette.of(paletteOf()),
      sizing(options.rows),
      readOnly.of(readOnlyOf(options.readOnly)),
      look.of(lookOf()),
      aria.of(ariaOf()),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) {
          source.value = update.state.doc.toString();
          // The user typed (not the server setting the value): as typing in the textarea.
          if (update.transactions.some((tr) => tr.annotation(Transaction.userEvent) !== undefined)) {
            source.dispatchEvent(new Event("input", { bubbles: true }));
          }
        }
      }),
      EditorView.domEventHandlers({
        blur: (event) => {
          // Into the editor's own panels (search): still in the field.
          if (event.relatedTarget instanceof Node && view.dom.contains(event.relatedTarget)) return;
          if (source.value !== committed) {
            committed = source.value;
            source.dispatchEvent(new Event("change", { bubbles: true }));
          }
          source.dispatchEvent(new FocusEvent("blur", { relatedTarget: event.relatedTarget }));
        },
      }),
    ],
  });

  function toggleFullScreen(): void {
    fullScreen = !fullScreen;
    view.dispatch({ effects: look.reconfigure(lookOf()) });
    view.focus();
  }

  // The form marks the textarea (update_input); the user sees the editor.
  new MutationObserver(() => {
    view.dispatch({ effects: [look.reconfigure(lookOf()), aria.reconfigure(ariaOf())] });
  }).observe(source, { attributes: true, attributeFilter: ["class", ...MIRRORED] });

  // The page's colour mode changes (the system's preference, with the "default" theme). An
  // editor gone from the page stops listening at the next change.
  const modeWatch = new MutationObserver(() => {
    if (!view.dom.isConnected) modeWatch.disconnect();
    else view.dispatch({ effects: palette.reconfigure(paletteOf()) });
  });
  modeWatch.observe(document.documentElement, { attributes: true, attributeFilter: [COLOR_MODE_ATTRIBUTE] });

  return {
    element: view.dom,
    setText(text) {
      source.value = text;
      committed = text;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setReadOnly(value) {
      view.dispatch({ effects: readOnly.reconfigure(readOnlyOf(value)) });
    },
    focus: () => view.focus(),
  };
}

/** The editor's content is named and described as the textarea is. */
function contentAria(source: HTMLTextAreaElement): Record<string, string> {
  const attrs: Record<string, string> = {};
  const label = source.labels && source.labels.length ? source.labels[0] : null;
  if (label && label.id) attrs["aria-labelledby"] = label.id;
  for (const name of MIRRORED) {
    const value = source.getAttribute(name);
    if (value !== null) attrs[name] = value;
  }
  return attrs;
}

/** Bootstrap's form-control look; `rows` lines at least, then it grows up to most of the screen. */
function sizing(rows: number): Extension {
  const minHeight = (rows * LINE_HEIGHT_EM + 0.6).toFixed(1) + "em";
  return EditorView.theme({
    "&": {
      border: "var(--bs-border-width, 1px) solid var(--bs-border-color, #dee2e6)",
      borderRadius: "var(--bs-border-radius, 0.375rem)",
      fontSize: "0.9rem",
      minHeight,
      maxHeight: "70vh",
    },
    "&.cm-focused": {
      outline: "none",
      borderColor: "#86b7fe",
      boxShadow: "0 0 0 0.25rem rgba(13, 110, 253, 0.25)",
    },
    "&.is-invalid": { borderColor: "var(--bs-form-invalid-border-color, #dc3545)" },
    "&.webio-code-fullscreen": {
      // CodeMirror's base theme makes the editor relative, with !important.
      position: "fixed !important",
      inset: "0",
      zIndex: "1070",
      maxHeight: "none",
      borderRadius: "0",
    },
    ".cm-scroller": { minHeight, lineHeight: String(LINE_HEIGHT_EM), overflow: "auto" },
  });
}
