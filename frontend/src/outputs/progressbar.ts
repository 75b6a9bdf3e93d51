// `progressbar`: a Bootstrap progress bar that `set_progressbar` moves by name. The element
// with role=progressbar is the output itself, so `style` and removal apply to the whole bar.

import { el } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { bool, num, optStr, str } from "../read";
import type { RenderContext } from "./context";

export class ProgressBar {
  readonly element: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly autoClose: boolean;

  constructor(autoClose: boolean) {
    this.element = el("div", "progress webio-progressbar");
    this.element.setAttribute("role", "progressbar");
    this.element.setAttribute("aria-valuemin", "0");
    this.element.setAttribute("aria-valuemax", "100");
    this.bar = el("div", "progress-bar");
    this.element.appendChild(this.bar);
    this.autoClose = autoClose;
  }

  /**
   * Moves the bar to `value` (0 to 1; a value that is no number leaves it where it is) with
   * `label`, or the percentage when the label is null. With auto_close, 1 removes it.
   */
  set(value: number | null, label: string | null): void {
    if (value === null) return;
    const fraction = Math.min(1, Math.max(0, value));
    const percent = (fraction * 100).toFixed(1);
    const text = label ?? percent + "%";
    this.bar.style.width = percent + "%";
    this.bar.textContent = text;
    this.element.setAttribute("aria-valuenow", percent);
    this.element.setAttribute("aria-valuetext", text);
    if (this.autoClose && fraction >= 1) this.element.remove();
  }
}

export function renderProgressbar(spec: OutputOf<"progressbar">, ctx: RenderContext): HTMLElement {
  const bar = new ProgressBar(bool(spec, "auto_close"));
  // The first value is drawn even at 1: auto_close acts on set_progressbar, as the bar is new.
  bar.set(num(spec, "value") ?? 0, optStr(spec, "label"));
  const name = str(spec, "name");
  if (name !== "") ctx.registerProgressbar(name, bar);
  return bar.element;
}
