// `html_attrs`: extra attributes an app puts on a form control. Only the names the protocol
// declares harmless (SAFE_HTML_ATTRIBUTES, and the data-* and aria-* prefixes) are applied:
// anything else could run script (on*) or load something (src, formaction).

import { applyStyle } from "../dom";
import {
  FieldBase,
  SAFE_HTML_ATTRIBUTE_PREFIXES,
  SAFE_HTML_ATTRIBUTES,
} from "../generated/protocol";
import { isOneOf, obj } from "../read";

function isSafe(name: string): boolean {
  if (isOneOf(SAFE_HTML_ATTRIBUTES, name)) return true;
  return SAFE_HTML_ATTRIBUTE_PREFIXES.some(
    (prefix) => name.startsWith(prefix) && name.length > prefix.length,
  );
}

/** Applies the spec's html_attrs to `control`; unsafe names are skipped with a warning. */
export function applyHtmlAttrs(control: HTMLElement, spec: FieldBase): void {
  const attrs = obj(spec, "html_attrs");
  if (attrs === null) return;
  for (const rawName of Object.keys(attrs)) {
    const name = rawName.toLowerCase();
    const value = attrs[rawName];
    if (!isSafe(name)) {
      console.warn("webio: html attribute not allowed on a form control, skipped:", rawName);
      continue;
    }
    if (value === false || value === null || value === undefined) continue;
    // true: present and empty (a boolean attribute); numbers and strings as text.
    let text: string;
    if (value === true) text = "";
    else if (typeof value === "number" || typeof value === "string") text = String(value);
    else continue;
    // The control's own classes and style are what makes it look like one: add to them.
    if (name === "class") control.classList.add(...text.split(/\s+/).filter(Boolean));
    else if (name === "style") applyStyle(control, text);
    else {
      try {
        control.setAttribute(name, text);
      } catch (err) {
        console.warn("webio: bad html attribute name skipped:", rawName, err);
      }
    }
  }
}
