// One-line <input> fields. The kinds that use it (text, password, number, float) differ only
// in the input's HTML type and step.

import { el } from "../dom";
import type { FieldSpecs, FieldType, InputFieldSpec } from "../generated/protocol";
import { asText, bool, get, str } from "../read";
import type { FieldKind, FieldView } from "./kind";

/** The field types whose spec is an InputFieldSpec. */
export type TextLikeType = {
  [K in FieldType]: FieldSpecs[K] extends InputFieldSpec ? K : never;
}[FieldType];

export interface InputLook {
  /** HTML input type. */
  htmlType: string;
  step?: string;
}

let lastId = 0;
function nextId(): string {
  lastId += 1;
  return "webio-field-" + lastId;
}

export function textLike<K extends TextLikeType>(look: InputLook): FieldKind<K> {
  return { render: (spec, ctx) => renderInput(spec, look, ctx.validate) };
}

function renderInput(
  spec: InputFieldSpec,
  look: InputLook,
  validate: (value: string) => void,
): FieldView {
  const id = nextId();
  const group = el("div", "mb-3 webio-field");
  const label = str(spec, "label");
  if (label !== "") {
    const labelNode = el("label", "form-label", label);
    labelNode.htmlFor = id;
    group.appendChild(labelNode);
  }

  const input = el("input", "form-control");
  input.id = id;
  input.name = str(spec, "name");
  input.type = look.htmlType;
  if (look.step !== undefined) input.step = look.step;
  const placeholder = str(spec, "placeholder");
  if (placeholder !== "") input.placeholder = placeholder;
  const initial = get(spec, "value");
  // defaultValue, so that a form reset goes back to it.
  if (initial !== undefined && initial !== null) input.defaultValue = asText(initial);
  input.required = bool(spec, "required");
  input.readOnly = bool(spec, "readonly");
  input.addEventListener("blur", () => validate(input.value));
  group.appendChild(input);

  const feedback = el("div", "invalid-feedback");
  group.appendChild(feedback);
  const help = str(spec, "help_text");
  if (help !== "") {
    const helpNode = el("div", "form-text", help);
    helpNode.id = id + "-help";
    input.setAttribute("aria-describedby", helpNode.id);
    group.appendChild(helpNode);
  }

  const clearMark = () => input.classList.remove("is-invalid", "is-valid");
  return {
    element: group,
    value: () => input.value,
    showStatus(status, text) {
      clearMark();
      if (status === false) input.classList.add("is-invalid");
      else if (status === true) input.classList.add("is-valid");
      feedback.textContent = text;
    },
    showFeedback(text) {
      feedback.textContent = text;
    },
    setValue(value) {
      input.value = value === null ? "" : asText(value);
    },
    reset() {
      clearMark();
      feedback.textContent = "";
    },
    focusTarget: () => (input.readOnly || input.disabled ? null : input),
  };
}
