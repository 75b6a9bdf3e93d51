// The form view: the card, its one fieldset, the default buttons, submission, reset and the
// events a form sends. Everything that depends on a field's type is in inputs/.

import { el } from "./dom";
import type { InputGroupSpec, UpdateInputSpec } from "./generated/protocol";
import { FieldContext, FieldStatus, FieldValue, FieldView, renderField } from "./inputs/index";
import type { Send } from "./protocol";
import { bool, get, has, obj, objects, str } from "./read";

interface FormView {
  form: HTMLFormElement;
  /** In spec order. */
  fields: FieldView[];
  /** By name; with a repeated name the last field wins. */
  byName: Map<string, FieldView>;
}

export class Forms {
  private readonly panel: HTMLElement;
  private readonly send: Send;
  private readonly views = new Map<string, FormView>();

  constructor(panel: HTMLElement, send: Send) {
    this.panel = panel;
    this.send = send;
  }

  /** `input_group`: shows a form; a form with the same task_id is replaced. */
  show(taskId: string, spec: InputGroupSpec): void {
    this.destroy(taskId);
    const view = this.build(taskId, spec);
    this.views.set(taskId, view);
    this.panel.appendChild(view.form);
    for (const field of view.fields) {
      const target = field.focusTarget();
      if (target) {
        target.focus();
        break;
      }
    }
  }

  /** `update_input`: validity, feedback text and value of one field. */
  update(taskId: string, spec: UpdateInputSpec): void {
    const view = this.views.get(taskId);
    if (!view) {
      console.warn("webio: update_input for unknown form", taskId);
      return;
    }
    const field = view.byName.get(str(spec, "target_name"));
    if (!field) {
      console.warn("webio: update_input for unknown field", get(spec, "target_name"));
      return;
    }
    const attrs = obj(spec, "attributes") ?? {};
    if (has(attrs, "valid_status")) {
      const raw = get(attrs, "valid_status");
      // Anything but a boolean is "no mark", as null is.
      const status: FieldStatus = typeof raw === "boolean" ? raw : null;
      field.showStatus(status, status === false ? str(attrs, "invalid_feedback") : "");
    } else if (has(attrs, "invalid_feedback")) {
      field.showFeedback(str(attrs, "invalid_feedback"));
    }
    if (has(attrs, "value") && get(attrs, "value") !== undefined) field.setValue(get(attrs, "value"));
  }

  /** `destroy_form`. */
  destroy(taskId: string): void {
    const view = this.views.get(taskId);
    if (!view) return;
    view.form.remove();
    this.views.delete(taskId);
  }

  private build(taskId: string, spec: InputGroupSpec): FormView {
    const form = el("form", "webio-form card mb-3");
    form.dataset.taskId = taskId;
    const label = str(spec, "label");
    if (label !== "") form.appendChild(el("div", "card-header webio-form-label", label));
    const body = el("div", "card-body");
    // One fieldset holds every control, so disabling it disables the whole form.
    const fieldset = el("fieldset", "webio-form-fields");
    body.appendChild(fieldset);
    form.appendChild(body);

    const cancel = () => this.send("from_submit", taskId, null);
    const fields: FieldView[] = [];
    const byName = new Map<string, FieldView>();
    for (const fieldSpec of objects(spec, "inputs")) {
      const name = str(fieldSpec, "name");
      const ctx: FieldContext = {
        validate: (value) => {
          // A control that leaves the page with its form blurs; nobody is asking then.
          if (form.isConnected) this.send("input_event", taskId, { event_name: "blur", name, value });
        },
        cancel,
      };
      const field = renderField(fieldSpec, ctx);
      fields.push(field);
      byName.set(name, field);
      fieldset.appendChild(field.element);
    }
    if (!fields.some((field) => field.submitsForm)) {
      fieldset.appendChild(defaultButtons(bool(spec, "cancelable") ? cancel : null));
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit(taskId, byName, (event as SubmitEvent).submitter);
    });
    form.addEventListener("reset", () => fields.forEach((field) => field.reset()));
    return { form, fields, byName };
  }

  private submit(taskId: string, byName: Map<string, FieldView>, submitter: HTMLElement | null): void {
    const data: Record<string, FieldValue> = {};
    let ownButtons = false;
    let pressed = false;
    byName.forEach((field, name) => {
      const value = field.value(submitter);
      if (field.submitsForm) {
        ownButtons = true;
        if (value !== undefined) pressed = true;
      }
      if (value !== undefined) data[name] = value;
    });
    // Enter in a form whose field buttons include no submit button is no submission.
    if (ownButtons && !pressed) return;
    this.send("from_submit", taskId, data);
  }
}

function defaultButtons(cancel: (() => void) | null): HTMLElement {
  const row = el("div", "webio-form-buttons");
  const submit = el("button", "btn btn-primary", "Submit");
  submit.type = "submit";
  const reset = el("button", "btn btn-warning", "Reset");
  reset.type = "reset";
  row.append(submit, reset);
  if (cancel !== null) {
    const button = el("button", "btn btn-secondary", "Cancel");
    button.type = "button";
    button.addEventListener("click", cancel);
    row.appendChild(button);
  }
  return row;
}
