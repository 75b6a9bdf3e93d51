// `textarea`: several lines of text. With `code`, a code editor takes its place once the
// editor bundle has loaded (codefield.ts); the textarea keeps the value either way.

import { el } from "../dom";
import type { FieldAttributes } from "../generated/protocol";
import { asText, bool, get, has, int, obj, str } from "../read";
import { applyHtmlAttrs } from "./attrs";
import { CodeField, attachCodeEditor } from "./codefield";
import { reportControl } from "./events";
import { FieldFrame } from "./frame";
import type { FieldKind } from "./kind";

const DEFAULT_ROWS = 6;

export const textarea: FieldKind<"textarea"> = {
  render(spec, ctx) {
    const frame = new FieldFrame(spec, "control");
    const area = el("textarea", "form-control");
    area.id = frame.id;
    area.name = str(spec, "name");
    area.rows = Math.max(1, int(spec, "rows", DEFAULT_ROWS));
    const initial = get(spec, "value");
    // defaultValue, so that a form reset goes back to it.
    if (initial !== undefined && initial !== null) area.defaultValue = asText(initial);
    area.required = bool(spec, "required");
    area.readOnly = bool(spec, "readonly");
    applyTextAttrs(area, spec);
    applyHtmlAttrs(area, spec);
    reportControl(area, ctx, () => area.value, "input");
    frame.add(area);
    frame.bind({ described: [area] });

    const code = obj(spec, "code");
    const editor: CodeField | null = code === null ? null : attachCodeEditor(area, code, ctx.assets);

    return {
      element: frame.element,
      value: () => area.value,
      update(attrs) {
        frame.update(attrs);
        if (has(attrs, "value")) {
          area.value = asText(get(attrs, "value"));
          editor?.setText(area.value);
        }
        if (has(attrs, "readonly")) {
          area.readOnly = bool(attrs, "readonly");
          editor?.setReadOnly(area.readOnly);
        }
        if (has(attrs, "required")) area.required = bool(attrs, "required");
        if (has(attrs, "rows")) area.rows = Math.max(1, int(attrs, "rows", area.rows));
        applyTextAttrs(area, attrs);
      },
      reset() {
        frame.clearMark();
        // The reset event comes before the browser resets the textarea: give the editor the
        // text the textarea is about to get back.
        editor?.setText(area.defaultValue);
      },
      focusTarget: () => (area.readOnly || area.disabled ? null : area),
      setBusy: (busy) => editor?.setReadOnly(busy || area.readOnly),
    };
  },
};

/** placeholder, maxlength and minlength, from a spec or an update (absent keys: unchanged). */
function applyTextAttrs(
  area: HTMLTextAreaElement,
  source: Pick<FieldAttributes, "placeholder" | "maxlength" | "minlength">,
): void {
  if (has(source, "placeholder")) {
    const text = str(source, "placeholder");
    if (text !== "") area.placeholder = text;
    else area.removeAttribute("placeholder");
  }
  if (has(source, "maxlength")) setLength(area, "maxlength", get(source, "maxlength"));
  if (has(source, "minlength")) setLength(area, "minlength", get(source, "minlength"));
}

function setLength(area: HTMLTextAreaElement, name: "maxlength" | "minlength", value: unknown): void {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
    area.setAttribute(name, String(Math.trunc(value)));
  } else {
    area.removeAttribute(name);
  }
}
