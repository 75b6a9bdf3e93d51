// `actions`: a row of buttons standing in for the form's own. A submit button sends its
// index as the field's value; reset and cancel act on the whole form. Standing alone (a pin),
// a submit button sets the field's value to its index, which counts as a change.

import { bootstrapColor, buttonClass } from "../buttons";
import { el } from "../dom";
import type { ActionButton } from "../generated/protocol";
import { bool, get, own, slots, str } from "../read";
import { applyHtmlAttrs } from "./attrs";
import { FieldFrame } from "./frame";
import type { FieldContext, FieldKind } from "./kind";

type ButtonType = ActionButton["type"];

const DEFAULT_TYPE: ButtonType = "submit";

/** What a button does; `press` is the standalone field taking the button's index. */
type Behaviour = (node: HTMLButtonElement, ctx: FieldContext, press: () => void) => void;

const BEHAVIOURS: { readonly [T in ButtonType]: Behaviour } = {
  submit: (node, ctx, press) => {
    if (ctx.standalone) {
      node.type = "button";
      node.addEventListener("click", press);
    } else {
      node.type = "submit";
    }
  },
  reset: (node, ctx) => {
    // Without a form there is nothing to reset.
    node.type = ctx.standalone ? "button" : "reset";
  },
  cancel: (node, ctx) => {
    node.type = "button";
    node.addEventListener("click", () => ctx.cancel(node));
  },
};

export const actions: FieldKind<"actions"> = {
  render(spec, ctx) {
    const frame = new FieldFrame(spec, "group");
    frame.element.classList.add("webio-actions");
    const row = el("div", "webio-action-buttons");
    row.id = frame.id;
    row.setAttribute("role", "group");
    applyHtmlAttrs(row, spec);
    /** The index of the button pressed last, for a standalone field. */
    let pressed: number | null = null;
    const buttons: HTMLButtonElement[] = [];
    // Every entry keeps its place: the index is the value sent.
    slots(spec, "buttons").forEach((button, index) => {
      const node = el("button", buttonClass({ color: bootstrapColor(get(button, "color")) }));
      node.textContent = str(button, "label");
      node.disabled = bool(button, "disabled");
      node.dataset.webioIndex = String(index);
      const behave = own(BEHAVIOURS, str(button, "type", DEFAULT_TYPE)) ?? BEHAVIOURS[DEFAULT_TYPE];
      behave(node, ctx, () => {
        pressed = index;
        ctx.changed(index);
      });
      buttons.push(node);
      row.appendChild(node);
    });
    frame.add(row);
    frame.bind({ described: [row], labelled: row });

    return {
      element: frame.element,
      submitsForm: true,
      value(submitter) {
        if (ctx.standalone) return pressed;
        if (submitter === null || !row.contains(submitter)) return undefined;
        const index = submitter.dataset.webioIndex;
        return index === undefined ? undefined : Number(index);
      },
      update: (attrs) => frame.update(attrs),
      reset: () => frame.clearMark(),
      focusTarget: () => buttons.find((button) => !button.disabled) ?? null,
    };
  },
};
