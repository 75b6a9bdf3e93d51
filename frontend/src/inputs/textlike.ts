// One-line <input> fields. The kinds that use it (text, password, number, float, url, date,
// time, color, datetime-local) differ only in the input's HTML type, step and class.

import { el } from "../dom";
import type { FieldSpecs, FieldType, InputFieldSpec } from "../generated/protocol";
import { asText, bool, get, has, obj, str, strings } from "../read";
import { applyHtmlAttrs } from "./attrs";
import { reportControl } from "./events";
import { FieldFrame } from "./frame";
import type { FieldContext, FieldKind, FieldView } from "./kind";

/** The field types whose spec is an InputFieldSpec. */
export type TextLikeType = {
  [K in FieldType]: FieldSpecs[K] extends InputFieldSpec ? K : never;
}[FieldType];

export interface InputLook {
  /** HTML input type. */
  htmlType: string;
  step?: string;
  /** Classes besides form-control. */
  extraClass?: string;
}

export function textLike<K extends TextLikeType>(look: InputLook): FieldKind<K> {
  return { render: (spec, ctx) => renderInput(spec, look, ctx) };
}

function renderInput(
  spec: FieldSpecs[TextLikeType] & { type: string },
  look: InputLook,
  ctx: FieldContext,
): FieldView {
  const frame = new FieldFrame(spec, "control");
  const input = el("input", "form-control" + (look.extraClass ? " " + look.extraClass : ""));
  input.id = frame.id;
  input.name = str(spec, "name");
  input.type = look.htmlType;
  if (look.step !== undefined) input.step = look.step;
  setPlaceholder(input, str(spec, "placeholder"));
  const initial = get(spec, "value");
  // defaultValue, so that a form reset goes back to it.
  if (initial !== undefined && initial !== null) input.defaultValue = asText(initial);
  input.required = bool(spec, "required");
  input.readOnly = bool(spec, "readonly");
  applyHtmlAttrs(input, spec);
  reportControl(input, ctx, () => input.value, "input");

  const action = obj(spec, "action");
  if (action !== null) {
    // The action button sits inside the input's border, as one control.
    const group = el("div", "input-group");
    const button = el("button", "btn btn-outline-secondary webio-field-action", str(action, "label"));
    button.type = "button";
    const callbackId = str(action, "callback_id");
    button.addEventListener("click", () => ctx.callback(callbackId));
    group.append(input, button);
    frame.add(group);
  } else {
    frame.add(input);
  }
  const suggestions = new Suggestions(input, frame);
  suggestions.set(strings(spec, "datalist"));
  frame.bind({ described: [input] });

  return {
    element: frame.element,
    value: () => input.value,
    update(attrs) {
      frame.update(attrs);
      if (has(attrs, "value")) input.value = asText(get(attrs, "value"));
      if (has(attrs, "placeholder")) setPlaceholder(input, str(attrs, "placeholder"));
      if (has(attrs, "readonly")) input.readOnly = bool(attrs, "readonly");
      if (has(attrs, "required")) input.required = bool(attrs, "required");
      if (has(attrs, "datalist")) suggestions.set(strings(attrs, "datalist"));
    },
    reset: () => frame.clearMark(),
    focusTarget: () => (input.readOnly || input.disabled ? null : input),
  };
}

function setPlaceholder(input: HTMLInputElement, text: string): void {
  if (text !== "") input.placeholder = text;
  else input.removeAttribute("placeholder");
}

/** The input's `<datalist>`, made on the first non-empty list. */
class Suggestions {
  private list: HTMLDataListElement | null = null;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly frame: FieldFrame,
  ) {}

  set(values: string[]): void {
    if (values.length === 0) {
      this.input.removeAttribute("list");
      if (this.list) this.list.textContent = "";
      return;
    }
    if (this.list === null) {
      this.list = el("datalist");
      this.list.id = this.frame.id + "-list";
      this.frame.add(this.list);
    }
    const options = document.createDocumentFragment();
    for (const value of values) {
      const option = el("option");
      option.value = value;
      options.appendChild(option);
    }
    this.list.textContent = "";
    this.list.appendChild(options);
    this.input.setAttribute("list", this.list.id);
  }
}
