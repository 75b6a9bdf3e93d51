// `slider`: a range input with its current value written beside it. Sends a number: an
// integer unless `float`.

import { el } from "../dom";
import type { FieldAttributes, SliderSpec } from "../generated/protocol";
import { asText, bool, get, has, num } from "../read";
import { applyHtmlAttrs } from "./attrs";
import { reportControl } from "./events";
import { FieldFrame } from "./frame";
import type { FieldKind } from "./kind";

export const slider: FieldKind<"slider"> = {
  render(spec, ctx) {
    const frame = new FieldFrame(spec, "control");
    const input = el("input", "form-range");
    input.type = "range";
    input.id = frame.id;
    const isFloat = bool(spec, "float");
    // Bounds and step first: the browser fits the value into them.
    applyRange(input, spec);
    const initial = num(spec, "value");
    if (initial !== null) input.defaultValue = String(initial);
    applyHtmlAttrs(input, spec);

    const shown = el("output", "webio-slider-value");
    shown.htmlFor.add(input.id);
    const show = () => {
      shown.textContent = input.value;
    };
    input.addEventListener("input", show);
    show();
    const read = () => {
      const value = Number(input.value);
      return isFloat ? value : Math.round(value);
    };
    reportControl(input, ctx, read);
    const row = el("div", "webio-slider");
    row.append(input, shown);
    frame.add(row);
    frame.bind({ described: [input] });

    return {
      element: frame.element,
      value: read,
      update(attrs) {
        frame.update(attrs);
        applyRange(input, attrs);
        if (has(attrs, "value")) {
          const value = get(attrs, "value");
          if (typeof value === "number" && Number.isFinite(value)) input.value = String(value);
        }
        show();
      },
      reset() {
        frame.clearMark();
        // The reset event comes before the browser resets the input.
        window.setTimeout(show, 0);
      },
      focusTarget: () => (input.disabled ? null : input),
    };
  },
};

/** min_value, max_value and step, from a spec or an update (absent keys: unchanged). */
function applyRange(
  input: HTMLInputElement,
  source: Pick<FieldAttributes, "min_value" | "max_value" | "step"> | SliderSpec,
): void {
  const min = num(source, "min_value");
  if (min !== null) input.min = String(min);
  const max = num(source, "max_value");
  if (max !== null) input.max = String(max);
  if (has(source, "step")) {
    const step = get(source, "step");
    const text = step === "any" ? "any" : typeof step === "number" && step > 0 ? asText(step) : "";
    if (text !== "") input.step = text;
  }
}
