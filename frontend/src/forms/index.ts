// The forms of a session, by task_id: input_group, update_input, destroy_form, form_ready.
// One form's behaviour is in view.ts.

import type { InputGroupSpec, UpdateInputSpec } from "../generated/protocol";
import { obj, str } from "../read";
import { FormHost, FormView } from "./view";

export type { FormHost } from "./view";

export class Forms {
  private readonly panel: HTMLElement;
  private readonly host: FormHost;
  private readonly views = new Map<string, FormView>();
  /** Whether a new form takes the focus (set_env's input_auto_focus). */
  autoFocus = true;

  constructor(panel: HTMLElement, host: FormHost) {
    this.panel = panel;
    this.host = host;
  }

  get(taskId: string): FormView | undefined {
    return this.views.get(taskId);
  }

  /** `input_group`: shows a form; a form with the same task_id is replaced. */
  show(taskId: string, spec: InputGroupSpec): void {
    this.destroy(taskId);
    const view = new FormView(taskId, spec, this.host);
    this.views.set(taskId, view);
    this.panel.appendChild(view.form);
    if (this.autoFocus) view.focusFirst();
  }

  /** `update_input`. */
  update(taskId: string, spec: UpdateInputSpec): void {
    const view = this.views.get(taskId);
    if (!view) {
      console.warn("webio: update_input for unknown form", taskId);
      return;
    }
    view.update(str(spec, "target_name"), obj(spec, "attributes") ?? {});
  }

  /** `form_ready`. */
  ready(taskId: string): void {
    const view = this.views.get(taskId);
    if (view) view.ready();
    else console.warn("webio: form_ready for unknown form", taskId);
  }

  /** `destroy_form`. */
  destroy(taskId: string): void {
    const view = this.views.get(taskId);
    if (!view) return;
    view.form.remove();
    this.views.delete(taskId);
  }
}
