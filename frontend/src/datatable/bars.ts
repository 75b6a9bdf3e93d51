// The two bars above the grid: the action bar (how many rows are selected, the app's action
// buttons and a way to clear the selection) and the cell content bar (the whole text of the
// focused cell, which a narrow column cuts). Both keep their height whatever they show, so
// that selecting a row never moves the grid under the pointer. Labels and cell content are
// inserted as text.

import { el } from "../dom";

export interface ActionBar {
  readonly element: HTMLElement;
  /** Shows the buttons when `count` rows are selected, hides them when none is. */
  selected(count: number): void;
}

/**
 * `labels`: the app's action buttons in order, null for a separator; a click calls
 * `act(index)` with the button's index in that list.
 */
export function actionBar(labels: readonly (string | null)[], act: (index: number) => void, clear: () => void): ActionBar {
  const element = el("div", "webio-datatable-actions d-flex flex-wrap align-items-center gap-2 mb-2");
  element.setAttribute("role", "toolbar");
  element.setAttribute("aria-label", "Actions on the selected rows");
  const count = el("span", "webio-datatable-count text-body-secondary small me-1");
  count.setAttribute("aria-live", "polite");
  const buttons: HTMLElement[] = [];
  labels.forEach((label, index) => {
    let node: HTMLElement;
    if (label === null) {
      node = el("div", "vr");
      node.setAttribute("role", "separator");
    } else {
      const button = el("button", "btn btn-sm btn-outline-primary webio-datatable-action", label);
      button.type = "button";
      button.dataset.index = String(index);
      button.addEventListener("click", () => act(index));
      node = button;
    }
    buttons.push(node);
  });
  const unselect = el("button", "btn btn-sm btn-link webio-datatable-unselect", "Clear selection");
  unselect.type = "button";
  unselect.addEventListener("click", clear);
  buttons.push(unselect);
  element.append(count, ...buttons);
  // A small button's height: the bar does not collapse while its buttons are hidden.
  element.style.minHeight = "calc(1.5em + 0.5rem + 2px)";

  const selected = (n: number) => {
    count.textContent = n === 0 ? "No row selected" : n === 1 ? "1 row selected" : n + " rows selected";
    buttons.forEach((node) => {
      node.hidden = n === 0;
    });
  };
  selected(0);
  return { element, selected };
}

export interface CellBar {
  readonly element: HTMLElement;
  show(text: string): void;
}

export function cellBar(): CellBar {
  const element = el("div", "webio-datatable-cell form-control form-control-sm mb-2 text-break overflow-auto");
  element.setAttribute("aria-label", "Content of the focused cell");
  element.style.whiteSpace = "pre-wrap";
  element.style.minHeight = "calc(1.5em + 0.5rem + 2px)";
  element.style.maxHeight = "8em";
  return {
    element,
    show(text) {
      element.textContent = text;
    },
  };
}

/** The text a cell value shows in full: text as it is, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
