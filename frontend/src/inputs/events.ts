// How a field's controls report to its host (kind.ts FieldContext): a change when the user
// changes the value, a blur when the focus leaves the field. Text is reported as it is typed
// (every `input` event, as PyWebIO does: a previewer follows the keystrokes); other controls
// on their `change` event.

import type { FieldContext, FieldValue } from "./kind";

/**
 * One control: its change and blur events. A blur that only moves the focus to another part
 * of the same field (a select's filter box, the code editor standing in for a textarea) is
 * no blur of the field.
 */
export function reportControl(
  control: HTMLElement,
  ctx: FieldContext,
  read: () => FieldValue,
  changeEvent: "change" | "input" = "change",
): void {
  control.addEventListener(changeEvent, () => ctx.changed(read()));
  control.addEventListener("blur", (event) => {
    const next = event.relatedTarget;
    const field = control.closest(".webio-field");
    if (next instanceof Node && field !== null && field.contains(next)) return;
    ctx.blurred(read(), next);
  });
}

/**
 * A group of controls (checkboxes, radios): a change of any, and a blur only when the focus
 * leaves the whole group, not when it moves from one box to the next.
 */
export function reportGroup(group: HTMLElement, ctx: FieldContext, read: () => FieldValue): void {
  group.addEventListener("change", () => ctx.changed(read()));
  group.addEventListener("focusout", (event) => {
    const next = (event as FocusEvent).relatedTarget;
    if (next instanceof Node && group.contains(next)) return;
    ctx.blurred(read(), next);
  });
}
