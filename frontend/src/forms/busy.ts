// A form waiting for the server's answer to its submission: every control disabled (one
// fieldset holds them all), a spinner in the button that was pressed, aria-busy on the form.
// It ends with the form (destroy_form) or with form_ready.

import { el } from "../dom";
import type { FieldView } from "../inputs/index";

export class Busy {
  private readonly form: HTMLFormElement;
  private readonly fieldset: HTMLFieldSetElement;
  private readonly fields: readonly FieldView[];
  private spinner: HTMLElement | null = null;
  private pressed: HTMLElement | null = null;

  constructor(form: HTMLFormElement, fieldset: HTMLFieldSetElement, fields: readonly FieldView[]) {
    this.form = form;
    this.fieldset = fieldset;
    this.fields = fields;
  }

  get active(): boolean {
    return this.fieldset.disabled;
  }

  /** `button`: the one pressed, which shows the spinner (null: the form's first submit). */
  start(button: HTMLElement | null): void {
    this.fieldset.disabled = true;
    this.form.setAttribute("aria-busy", "true");
    this.form.classList.add("webio-form-busy");
    this.fields.forEach((field) => field.setBusy?.(true));
    this.pressed = button ?? this.form.querySelector<HTMLElement>('button[type="submit"]');
    if (this.pressed) {
      this.spinner = el("span", "spinner-border spinner-border-sm me-1 webio-spinner");
      this.spinner.setAttribute("aria-hidden", "true");
      this.pressed.insertBefore(this.spinner, this.pressed.firstChild);
    }
  }

  /** Usable again; returns the button that was pressed, which lost its focus when disabled. */
  end(): HTMLElement | null {
    this.fieldset.disabled = false;
    this.form.removeAttribute("aria-busy");
    this.form.classList.remove("webio-form-busy");
    this.fields.forEach((field) => field.setBusy?.(false));
    this.spinner?.remove();
    this.spinner = null;
    const pressed = this.pressed;
    this.pressed = null;
    return pressed;
  }
}
