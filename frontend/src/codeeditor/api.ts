// The contract between webio.js and the code editor bundle (webio-code.js), which is loaded
// only when a page first shows a code textarea: the bundle registers a factory on window
// under CODE_EDITOR_GLOBAL. Types only cross the boundary, so webio.js holds no editor code.

/** File name of the editor bundle, appended to the page's static prefix. */
export const CODE_EDITOR_FILE = "webio-code.js";
/** Where the bundle leaves its factory. */
export const CODE_EDITOR_GLOBAL = "webioCodeEditor";

export interface CodeEditorOptions {
  /**
   * The textarea the editor stands in for: it keeps the value (the editor writes every change
   * into it, so a form reads and submits it as usual) and gets `change` (when the editor loses
   * focus after an edit) and `blur` events, as if the user had typed into it.
   */
  source: HTMLTextAreaElement;
  /** A language name (python, javascript, markdown, html, css, sql, json...); "" for none. */
  language: string;
  theme: "light" | "dark";
  lineNumbers: boolean;
  tabSize: number;
  readOnly: boolean;
  /** Visible lines before the editor grows. */
  rows: number;
}

export interface CodeEditor {
  /** Placed by the caller, after the textarea. */
  readonly element: HTMLElement;
  /** Replaces the text (and the textarea's value), not as a user edit: no events. */
  setText(text: string): void;
  setReadOnly(readOnly: boolean): void;
  focus(): void;
}

export type CodeEditorFactory = (options: CodeEditorOptions) => CodeEditor;

declare global {
  interface Window {
    webioCodeEditor?: CodeEditorFactory;
  }
}
