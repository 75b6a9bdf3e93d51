// What every field has around its control: the wrapper, the label, the validity mark and its
// feedback text, the help text, and the ARIA attributes that tie them to the control. The
// kinds only build their controls and tell the frame which elements carry what.

import { el } from "../dom";
import type { FieldAttributes, FieldBase } from "../generated/protocol";
import { get, has, str } from "../read";
import type { FieldStatus } from "./kind";

/**
 * How the label names the control: a `<label for>` (one control), or a caption naming a
 * group of controls (checkboxes, radios, buttons) through aria-labelledby.
 */
export type LabelStyle = "control" | "group";

export interface FrameBinding {
  /** Get aria-invalid and aria-describedby (feedback, then help text). */
  described: HTMLElement[];
  /** Get Bootstrap's is-invalid / is-valid classes; `described` when absent. */
  marked?: HTMLElement[];
  /**
   * Named by the label through aria-labelledby: the group a caption names (LabelStyle
   * "group"), or a control a `<label for>` cannot name (a listbox is no form control).
   */
  labelled?: HTMLElement;
}

let lastId = 0;

/** A page-unique id: names and ids from the server may repeat across forms and pins. */
export function uniqueId(prefix = "webio-field-"): string {
  lastId += 1;
  return prefix + lastId;
}

export class FieldFrame {
  readonly element: HTMLElement;
  /** The id of the main control (the one a `<label for>` names). */
  readonly id: string;
  private readonly labelStyle: LabelStyle;
  private labelNode: HTMLElement | null = null;
  private helpNode: HTMLElement | null = null;
  private readonly feedback: HTMLElement;
  private binding: FrameBinding = { described: [] };
  private status: FieldStatus = null;
  private feedbackText = "";

  constructor(spec: FieldBase & { type: string }, labelStyle: LabelStyle) {
    this.id = uniqueId();
    this.labelStyle = labelStyle;
    this.element = el("div", "mb-3 webio-field");
    this.element.dataset.webioField = str(spec, "type");
    this.element.dataset.webioName = str(spec, "name");
    // Always there, so that its text is announced when it changes (a live region that
    // appears together with its text is often not read).
    this.feedback = el("div", "invalid-feedback webio-feedback");
    this.feedback.id = this.id + "-feedback";
    this.feedback.setAttribute("aria-live", "polite");
    this.element.appendChild(this.feedback);
    this.setLabel(str(spec, "label"));
    this.setHelp(str(spec, "help_text"));
  }

  /** Places the kind's own nodes between the label and the feedback. */
  add(...nodes: Node[]): void {
    for (const node of nodes) this.element.insertBefore(node, this.feedback);
  }

  bind(binding: FrameBinding): void {
    this.binding = binding;
    binding.labelled?.setAttribute("aria-labelledby", this.labelId());
    this.describe();
    this.render();
  }

  /** The keys every kind has: label, help text, validity mark and feedback. */
  update(attrs: FieldAttributes): void {
    if (has(attrs, "label")) this.setLabel(str(attrs, "label"));
    if (has(attrs, "help_text")) this.setHelp(str(attrs, "help_text"));
    if (has(attrs, "valid_status")) {
      const raw = get(attrs, "valid_status");
      // Anything but a boolean is "no mark", as null is.
      this.status = typeof raw === "boolean" ? raw : null;
      this.feedbackText = str(attrs, "invalid_feedback");
    } else if (has(attrs, "invalid_feedback")) {
      this.feedbackText = str(attrs, "invalid_feedback");
    }
    this.render();
  }

  /** A mark the client sets itself (a file over its size limit). */
  mark(status: FieldStatus, text: string): void {
    this.status = status;
    this.feedbackText = text;
    this.render();
  }

  clearMark(): void {
    this.mark(null, "");
  }

  get invalid(): boolean {
    return this.status === false;
  }

  private render(): void {
    const invalid = this.status === false;
    for (const node of this.binding.marked ?? this.binding.described) {
      node.classList.toggle("is-invalid", invalid);
      node.classList.toggle("is-valid", this.status === true);
    }
    for (const node of this.binding.described) {
      if (invalid) node.setAttribute("aria-invalid", "true");
      else node.removeAttribute("aria-invalid");
    }
    // Only an invalid mark shows its text: Bootstrap styles it as an error.
    this.feedback.textContent = invalid ? this.feedbackText : "";
  }

  private describe(): void {
    const ids = [this.feedback.id];
    if (this.helpNode) ids.push(this.helpNode.id);
    for (const node of this.binding.described) node.setAttribute("aria-describedby", ids.join(" "));
  }

  private labelId(): string {
    return this.id + "-label";
  }

  private setLabel(text: string): void {
    if (this.labelNode === null) {
      if (text === "") return;
      const node =
        this.labelStyle === "control" ? el("label", "form-label") : el("div", "form-label");
      if (node instanceof HTMLLabelElement) node.htmlFor = this.id;
      node.id = this.labelId();
      this.labelNode = this.element.insertBefore(node, this.element.firstChild);
    }
    this.labelNode.textContent = text;
    this.labelNode.hidden = text === "";
  }

  private setHelp(text: string): void {
    if (this.helpNode === null) {
      if (text === "") return;
      const node = el("div", "form-text webio-help");
      node.id = this.id + "-help";
      this.helpNode = this.element.appendChild(node);
      this.describe();
    }
    this.helpNode.textContent = text;
    this.helpNode.hidden = text === "";
  }
}
