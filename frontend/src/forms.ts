// Input forms (`input_group`, `update_input`, `destroy_form`).

import { bootstrapColor, buttonClass } from "./buttons";
import { el } from "./dom";
import type { ActionsFieldSpec, InputFieldSpec, InputGroupSpec, UpdateInputSpec } from "./generated/protocol";
import type { Send } from "./protocol";
import { bool, get, has, obj, objects, slots, str } from "./read";

type FieldType = "text" | "number" | "float" | "password";

interface Field {
  input: HTMLInputElement;
  feedback: HTMLElement;
}

interface FormView {
  form: HTMLFormElement;
  fields: Map<string, Field>;
}

const TEXT_LIKE = new Set<string>(["text", "number", "float", "password"]);

let idCounter = 0;
function nextId(): string {
  idCounter += 1;
  return "webio-field-" + idCounter;
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
    const first = view.form.querySelector<HTMLInputElement>("input:not([readonly]):not([disabled])");
    if (first) first.focus();
  }

  /** `update_input`: validity, feedback text and value of one field. */
  update(taskId: string, spec: UpdateInputSpec): void {
    const view = this.views.get(taskId);
    if (!view) {
      console.warn("webio: update_input for unknown form", taskId);
      return;
    }
    const field = view.fields.get(str(spec, "target_name"));
    if (!field) {
      console.warn("webio: update_input for unknown field", get(spec, "target_name"));
      return;
    }
    const attrs = obj(spec, "attributes") ?? {};
    const { input, feedback } = field;
    if (has(attrs, "valid_status")) {
      const status = get(attrs, "valid_status");
      input.classList.remove("is-invalid", "is-valid");
      if (status === false) {
        input.classList.add("is-invalid");
        feedback.textContent = str(attrs, "invalid_feedback");
      } else if (status === true) {
        input.classList.add("is-valid");
        feedback.textContent = "";
      } else {
        feedback.textContent = "";
      }
    } else if (has(attrs, "invalid_feedback")) {
      feedback.textContent = str(attrs, "invalid_feedback");
    }
    const value = get(attrs, "value");
    if (has(attrs, "value") && value !== undefined) {
      input.value = value === null ? "" : str(attrs, "value");
    }
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

    const fields = new Map<string, Field>();
    let actionsName: string | null = null;
    for (const raw of objects(spec, "inputs")) {
      const type = str(raw, "type", "text");
      if (type === "actions") {
        actionsName = str(raw, "name");
        fieldset.appendChild(this.buildActions(taskId, raw as ActionsFieldSpec));
      } else {
        const fieldType: FieldType = TEXT_LIKE.has(type) ? (type as FieldType) : "text";
        if (fieldType !== type) console.warn("webio: unknown field type shown as text:", type);
        const { group, field } = this.buildField(taskId, raw as InputFieldSpec, fieldType);
        fields.set(field.input.name, field);
        fieldset.appendChild(group);
      }
    }
    if (actionsName === null) {
      fieldset.appendChild(this.buildDefaultButtons(taskId, bool(spec, "cancelable")));
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.onSubmit(taskId, form, fields, actionsName, event);
    });
    form.addEventListener("reset", () => {
      fields.forEach(({ input, feedback }) => {
        input.classList.remove("is-invalid", "is-valid");
        feedback.textContent = "";
      });
    });
    return { form, fields };
  }

  private onSubmit(
    taskId: string,
    form: HTMLFormElement,
    fields: Map<string, Field>,
    actionsName: string | null,
    event: Event,
  ): void {
    const data: Record<string, string | number> = {};
    fields.forEach(({ input }, name) => {
      data[name] = input.value;
    });
    if (actionsName !== null) {
      const submitter = (event as SubmitEvent).submitter;
      const index = submitter && submitter.dataset ? submitter.dataset.webioIndex : undefined;
      if (index === undefined || !form.contains(submitter)) {
        // No actions button was pressed (e.g. Enter in a form whose actions have
        // no submit button): there is no value for the actions field.
        return;
      }
      data[actionsName] = Number(index);
    }
    this.send("from_submit", taskId, data);
  }

  private buildField(
    taskId: string,
    spec: InputFieldSpec,
    type: FieldType,
  ): { group: HTMLElement; field: Field } {
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
    if (type === "password") input.type = "password";
    else if (type === "number" || type === "float") {
      input.type = "number";
      input.step = type === "number" ? "1" : "any";
    } else input.type = "text";
    const placeholder = str(spec, "placeholder");
    if (placeholder !== "") input.placeholder = placeholder;
    const value = get(spec, "value");
    if (value !== undefined && value !== null) {
      // defaultValue, so that a reset goes back to it.
      input.defaultValue = str(spec, "value");
    }
    input.required = bool(spec, "required");
    input.readOnly = bool(spec, "readonly");
    input.addEventListener("blur", () => {
      if (input.isConnected) {
        this.send("input_event", taskId, { event_name: "blur", name: input.name, value: input.value });
      }
    });
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
    return { group, field: { input, feedback } };
  }

  private buildActions(taskId: string, spec: ActionsFieldSpec): HTMLElement {
    const group = el("div", "mb-3 webio-field webio-actions");
    const label = str(spec, "label");
    if (label !== "") group.appendChild(el("div", "form-label", label));
    const row = el("div", "webio-action-buttons");
    slots(spec, "buttons").forEach((button, index) => {
      const kind = str(button, "type", "submit");
      const node = el("button", buttonClass({ color: bootstrapColor(get(button, "color")) }));
      node.textContent = str(button, "label");
      node.disabled = bool(button, "disabled");
      node.dataset.webioIndex = String(index);
      if (kind === "reset") {
        node.type = "reset";
      } else if (kind === "cancel") {
        node.type = "button";
        node.addEventListener("click", () => this.send("from_submit", taskId, null));
      } else {
        node.type = "submit";
      }
      row.appendChild(node);
    });
    group.appendChild(row);
    return group;
  }

  private buildDefaultButtons(taskId: string, cancelable: boolean): HTMLElement {
    const row = el("div", "webio-form-buttons");
    const submit = el("button", "btn btn-primary", "Submit");
    submit.type = "submit";
    const reset = el("button", "btn btn-warning", "Reset");
    reset.type = "reset";
    row.append(submit, reset);
    if (cancelable) {
      const cancel = el("button", "btn btn-secondary", "Cancel");
      cancel.type = "button";
      cancel.addEventListener("click", () => this.send("from_submit", taskId, null));
      row.appendChild(cancel);
    }
    return row;
  }
}
