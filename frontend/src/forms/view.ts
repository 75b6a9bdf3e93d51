// One form: the card, its one fieldset, the default buttons, submission, reset, the busy
// state between a submission and the server's answer, and the events a form sends.
// Everything that depends on a field's type is in inputs/.

import type { Assets } from "../assets";
import { el } from "../dom";
import type { FieldAttributes, InputGroupSpec } from "../generated/protocol";
import { FieldContext, FieldValue, FieldView, renderField } from "../inputs/index";
import type { Send } from "../protocol";
import { bool, objects, str } from "../read";
import { Busy } from "./busy";

/** What a form needs of the session. */
export interface FormHost {
  readonly send: Send;
  readonly assets: Assets;
}

export class FormView {
  readonly form: HTMLFormElement;
  private readonly taskId: string;
  private readonly host: FormHost;
  /** In spec order. */
  private readonly fields: FieldView[] = [];
  /** By name; with a repeated name the last field wins. */
  private readonly byName = new Map<string, FieldView>();
  private readonly busy: Busy;

  constructor(taskId: string, spec: InputGroupSpec, host: FormHost) {
    this.taskId = taskId;
    this.host = host;
    this.form = el("form", "webio-form card mb-3");
    this.form.dataset.taskId = taskId;
    const label = str(spec, "label");
    if (label !== "") this.form.appendChild(el("div", "card-header webio-form-label", label));
    const body = el("div", "card-body");
    // One fieldset holds every control, so disabling it disables the whole form.
    const fieldset = el("fieldset", "webio-form-fields");
    body.appendChild(fieldset);
    this.form.appendChild(body);
    this.busy = new Busy(this.form, fieldset, this.fields);

    for (const fieldSpec of objects(spec, "inputs")) {
      const name = str(fieldSpec, "name");
      const field = renderField(fieldSpec, this.fieldContext(name, bool(fieldSpec, "onchange"), bool(fieldSpec, "onblur")));
      this.fields.push(field);
      this.byName.set(name, field);
      fieldset.appendChild(field.element);
    }
    if (!this.fields.some((field) => field.submitsForm)) {
      fieldset.appendChild(this.defaultButtons(bool(spec, "cancelable")));
    }

    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit((event as SubmitEvent).submitter);
    });
    this.form.addEventListener("reset", () => this.fields.forEach((field) => field.reset()));
  }

  field(name: string): FieldView | undefined {
    return this.byName.get(name);
  }

  /** update_input. */
  update(name: string, attrs: FieldAttributes): void {
    const field = this.byName.get(name);
    if (field) field.update(attrs);
    else console.warn("webio: update_input for unknown field", name);
  }

  /**
   * The first control one would type into; in a form of buttons only, the first button
   * (field buttons come after other fields even when listed first).
   */
  focusFirst(): void {
    const ordered = this.fields.filter((f) => !f.submitsForm).concat(this.fields.filter((f) => f.submitsForm));
    for (const field of ordered) {
      const target = field.focusTarget();
      if (target) {
        target.focus();
        return;
      }
    }
    this.form.querySelector<HTMLElement>(".webio-form-buttons button:not(:disabled)")?.focus();
  }

  /** form_ready: the submission was refused; the errors are marked on the fields. */
  ready(): void {
    if (!this.busy.active) return;
    const pressed = this.busy.end();
    // Back where the problem is, or where the user was.
    const invalid = this.form.querySelector<HTMLElement>('[aria-invalid="true"]');
    const field = invalid && this.fields.find((f) => f.element.contains(invalid));
    const target = (field && field.focusTarget()) ?? pressed;
    target?.focus();
  }

  private fieldContext(name: string, onchange: boolean, onblur: boolean): FieldContext {
    // A control that leaves the page with its form blurs; nobody is asking then.
    const listening = () => this.form.isConnected && !this.busy.active;
    return {
      changed: (value) => {
        if (onchange && listening()) this.inputEvent("change", name, value);
      },
      blurred: (value, next) => {
        // Focus going to a submit button of this form: the submission checks the value
        // anyway, so a slow validator runs once, not twice.
        if (next instanceof HTMLButtonElement && next.type === "submit" && next.form === this.form) {
          return;
        }
        if (onblur && listening()) this.inputEvent("blur", name, value);
      },
      cancel: (button) => this.cancel(button),
      callback: (callbackId) => this.host.send("callback", callbackId, null),
      standalone: false,
      assets: this.host.assets,
    };
  }

  private inputEvent(eventName: "blur" | "change", name: string, value: FieldValue): void {
    this.host.send("input_event", this.taskId, { event_name: eventName, name, value });
  }

  private cancel(button: HTMLElement | null): void {
    if (this.busy.active) return;
    this.busy.start(button);
    this.host.send("from_submit", this.taskId, null);
  }

  private submit(submitter: HTMLElement | null): void {
    // Three quick clicks are one submission.
    if (this.busy.active) return;
    const data: Record<string, FieldValue> = {};
    let ownButtons = false;
    let pressed = false;
    this.byName.forEach((field, name) => {
      const value = field.value(submitter);
      if (field.submitsForm) {
        ownButtons = true;
        if (value !== undefined) pressed = true;
      }
      if (value !== undefined) data[name] = value;
    });
    // Enter in a form whose field buttons include no submit button is no submission.
    if (ownButtons && !pressed) return;
    this.busy.start(submitter);
    // Not sent (too large, or the session is over): the form stays usable, nothing waits.
    if (this.host.send("from_submit", this.taskId, data) === 0) this.busy.end();
  }

  private defaultButtons(cancelable: boolean): HTMLElement {
    const row = el("div", "webio-form-buttons");
    const submit = el("button", "btn btn-primary", "Submit");
    submit.type = "submit";
    const reset = el("button", "btn btn-warning", "Reset");
    reset.type = "reset";
    row.append(submit, reset);
    if (cancelable) {
      const button = el("button", "btn btn-secondary", "Cancel");
      button.type = "button";
      button.addEventListener("click", () => this.cancel(button));
      row.appendChild(button);
    }
    return row;
  }
}
