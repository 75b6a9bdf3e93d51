// `select`: the browser's drop-down (`native`), or a list with a filter box that draws only
// the rows in view (listbox.ts), for long lists. Sends the chosen index (null when none), or
// the list of chosen indices when `multiple`. Disabled options are never sent.

import { el } from "../dom";
import { bool, get, has } from "../read";
import { applyHtmlAttrs } from "./attrs";
import { reportControl } from "./events";
import { FieldFrame } from "./frame";
import type { FieldKind, FieldValue, FieldView } from "./kind";
import { Listbox } from "./listbox";
import { Choice, readIndices, readOptions } from "./options";

/** Rows of the non-native list. */
const LIST_ROWS = 8;

export const select: FieldKind<"select"> = {
  render(spec, ctx) {
    const frame = new FieldFrame(spec, "control");
    const multiple = bool(spec, "multiple");
    const control = bool(spec, "native", true)
      ? nativeSelect(frame.id, multiple)
      : listSelect(frame.id, multiple);
    control.setOptions(readOptions(spec));
    control.setRequired(bool(spec, "required"));
    applyHtmlAttrs(control.control, spec);
    const read = (): FieldValue => {
      const chosen = control.selected();
      if (multiple) return chosen;
      return chosen.length ? chosen[0] : null;
    };
    reportControl(control.control, ctx, read);
    frame.add(control.element);
    frame.bind({ described: [control.control], labelled: control.labelled });

    const view: FieldView = {
      element: frame.element,
      value: read,
      update(attrs) {
        frame.update(attrs);
        if (has(attrs, "options")) control.setOptions(readOptions(attrs));
        if (has(attrs, "value")) control.choose(readIndices(get(attrs, "value")));
        if (has(attrs, "required")) control.setRequired(bool(attrs, "required"));
      },
      reset() {
        frame.clearMark();
        control.reset();
      },
      focusTarget: () => (control.disabled ? null : control.focusTarget),
    };
    return view;
  },
};

/** The two ways of showing a select, as the field sees them. */
interface SelectControl {
  readonly element: HTMLElement;
  /** Gets the label, the ARIA description and html_attrs; fires `change`. */
  readonly control: HTMLElement;
  readonly focusTarget: HTMLElement;
  /** Needs aria-labelledby: no `<label for>` names it. */
  readonly labelled?: HTMLElement;
  readonly disabled: boolean;
  setOptions(options: Choice[]): void;
  choose(indices: Set<number>): void;
  setRequired(required: boolean): void;
  /** Chosen, enabled option indices, in order. */
  selected(): number[];
  /** The form is being reset (a native select resets itself). */
  reset(): void;
}

function nativeSelect(id: string, multiple: boolean): SelectControl {
  const node = el("select", "form-select");
  node.id = id;
  node.multiple = multiple;
  return {
    element: node,
    control: node,
    focusTarget: node,
    get disabled() {
      return node.disabled;
    },
    setOptions(options) {
      // One fragment: thousands of options in one insertion.
      const fragment = document.createDocumentFragment();
      options.forEach((choice, index) => {
        // Option(text, ...) inserts the label as text.
        const option = new Option(choice.label, String(index), choice.selected, choice.selected);
        option.disabled = choice.disabled;
        fragment.appendChild(option);
      });
      node.textContent = "";
      node.appendChild(fragment);
    },
    choose(indices) {
      if (!multiple && indices.size === 0) node.selectedIndex = -1;
      for (const option of Array.from(node.options)) option.selected = indices.has(option.index);
    },
    setRequired(required) {
      node.required = required;
    },
    selected: () => Array.from(node.selectedOptions, (o) => (o.disabled ? -1 : o.index)).filter((i) => i >= 0),
    reset() {
      // The browser resets it to the options' defaults.
    },
  };
}

function listSelect(id: string, multiple: boolean): SelectControl {
  const list = new Listbox(id, multiple, LIST_ROWS);
  return {
    element: list.element,
    control: list.control,
    focusTarget: list.filterBox,
    labelled: list.control,
    get disabled() {
      return list.disabled;
    },
    setOptions: (options) => list.setOptions(options),
    choose: (indices) => list.choose(indices),
    setRequired: (required) => list.setRequired(required),
    selected: () => list.selected(),
    reset: () => list.restoreDefaults(),
  };
}
