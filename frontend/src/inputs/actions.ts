// `actions`: a row of buttons standing in for the form's own. A submit button sends its
// index as the field's value; reset and cancel act on the whole form.

import { bootstrapColor, buttonClass } from "../buttons";
import { el } from "../dom";
import type { ActionButton } from "../generated/protocol";
import { bool, get, own, slots, str } from "../read";
import type { FieldContext, FieldKind } from "./kind";

type ButtonType = ActionButton["type"];

const DEFAULT_TYPE: ButtonType = "submit";

type Behaviour = (node: HTMLButtonElement, ctx: FieldContext) => void;

const BEHAVIOURS: { readonly [T in ButtonType]: Behaviour } = {
  submit: (node) => {
    node.type = "submit";
  },
  reset: (node) => {
    node.type = "reset";
  },
  cancel: (node, ctx) => {
    node.type = "button";
    node.addEventListener("click", () => ctx.cancel());
  },
};

export const actions: FieldKind<"actions"> = {
  render(spec, ctx) {
    const group = el("div", "mb-3 webio-field webio-actions");
    const label = str(spec, "label");
    if (label !== "") group.appendChild(el("div", "form-label", label));
    const row = el("div", "webio-action-buttons");
    // Every entry keeps its place: the index is the value sent.
    slots(spec, "buttons").forEach((button, index) => {
      const node = el("button", buttonClass({ color: bootstrapColor(get(button, "color")) }));
      node.textContent = str(button, "label");
      node.disabled = bool(button, "disabled");
      node.dataset.webioIndex = String(index);
      const behave = own(BEHAVIOURS, str(button, "type", DEFAULT_TYPE)) ?? BEHAVIOURS[DEFAULT_TYPE];
      behave(node, ctx);
      row.appendChild(node);
    });
    group.appendChild(row);

    // Only made when the server marks the field, which it has no reason to do today.
    let feedback: HTMLElement | null = null;
    const setFeedback = (text: string) => {
      if (feedback === null && text === "") return;
      if (feedback === null) feedback = group.appendChild(el("div", "invalid-feedback"));
      feedback.textContent = text;
    };
    const clearMark = () => row.classList.remove("is-invalid", "is-valid");

    return {
      element: group,
      submitsForm: true,
      value(submitter) {
        if (submitter === null || !row.contains(submitter)) return undefined;
        const index = submitter.dataset.webioIndex;
        return index === undefined ? undefined : Number(index);
      },
      showStatus(status, text) {
        clearMark();
        if (status === false) row.classList.add("is-invalid");
        else if (status === true) row.classList.add("is-valid");
        setFeedback(text);
      },
      showFeedback: setFeedback,
      setValue() {
        // Its value is whichever button is pressed: nothing to set.
      },
      reset() {
        clearMark();
        setFeedback("");
      },
      focusTarget: () => null,
    };
  },
};
