// A group of check boxes or radio buttons, one per option, named by the field's label
// through aria-labelledby. checkbox.ts and radio.ts differ in the input type and the value.

import { el } from "../dom";
import type { CheckboxSpec, FieldAttributes, FieldBase, RadioSpec } from "../generated/protocol";
import { bool, get, has } from "../read";
import { applyHtmlAttrs } from "./attrs";
import { reportGroup } from "./events";
import { FieldFrame } from "./frame";
import type { FieldContext, FieldValue, FieldView } from "./kind";
import { Choice, readIndices, readOptions } from "./options";

export interface GroupLook {
  inputType: "checkbox" | "radio";
  role: "group" | "radiogroup";
  /**
   * The kind has `required` (radio: one must be chosen). A required check box would have to
   * be ticked itself, which is no choice field's meaning.
   */
  requirable: boolean;
  /** The field's value from the indices of the ticked, enabled boxes. */
  value(ticked: number[]): FieldValue;
}

type GroupSpec = (CheckboxSpec | RadioSpec) & FieldBase & { type: string };

export function renderChoiceGroup(spec: GroupSpec, look: GroupLook, ctx: FieldContext): FieldView {
  const frame = new FieldFrame(spec, "group");
  const group = el("div", "webio-choices");
  group.id = frame.id;
  group.setAttribute("role", look.role);
  applyHtmlAttrs(group, spec);
  const inline = bool(spec, "inline");
  let required = look.requirable && has(spec, "required") && bool(spec, "required");
  let inputs: HTMLInputElement[] = [];

  const fill = (options: Choice[]) => {
    const fragment = document.createDocumentFragment();
    inputs = options.map((choice, index) => {
      const row = el("div", inline ? "form-check form-check-inline" : "form-check");
      const input = el("input", "form-check-input");
      input.type = look.inputType;
      input.id = frame.id + "-" + index;
      // The group's own id: field names may repeat across forms and pins.
      input.name = frame.id;
      input.value = String(index);
      input.defaultChecked = choice.selected;
      input.disabled = choice.disabled;
      input.required = required;
      const label = el("label", "form-check-label", choice.label);
      label.htmlFor = input.id;
      row.append(input, label);
      fragment.appendChild(row);
      return input;
    });
    group.textContent = "";
    group.appendChild(fragment);
    frame.bind({ described: [group], marked: inputs, labelled: group });
  };
  fill(readOptions(spec));
  frame.add(group);

  const read = () => look.value(inputs.filter((input) => input.checked && !input.disabled).map((input) => Number(input.value)));
  reportGroup(group, ctx, read);

  return {
    element: frame.element,
    value: read,
    update(attrs: FieldAttributes) {
      frame.update(attrs);
      if (has(attrs, "options")) fill(readOptions(attrs));
      if (has(attrs, "value")) {
        const ticked = readIndices(get(attrs, "value"));
        inputs.forEach((input, index) => {
          input.checked = ticked.has(index);
        });
      }
      if (has(attrs, "required") && look.requirable) {
        required = bool(attrs, "required");
        inputs.forEach((input) => {
          input.required = required;
        });
      }
    },
    reset: () => frame.clearMark(),
    focusTarget() {
      const enabled = inputs.filter((input) => !input.disabled);
      return enabled.find((input) => input.checked) ?? enabled[0] ?? null;
    },
  };
}
