// `widget`: HTML from an app's Mustache template and data (put_widget). The view offers PyWebIO's
// lambda `pywebio_output_parse`: in a section over output specs (or strings), `{{&
// pywebio_output_parse}}` stands for the current item rendered as an output. The lambda leaves
// an empty placeholder element carrying a per-render nonce; the HTML is sanitised like
// put_html(sanitize=True) (DOMPurify: no script, no event handler, no javascript: URL), and
// the placeholders are then replaced by the rendered outputs, which are built as DOM nodes and
// never pass through HTML.

import Mustache from "mustache";
import { el } from "../dom";
import type { OutputOf, OutputSpec } from "../generated/protocol";
import { get, isObject, str } from "../read";
import type { RenderContext } from "./context";
import { setHtml } from "./sanitize";

/** The lambda's name, fixed by PyWebIO's templates. */
const PARSE_LAMBDA = "pywebio_output_parse";
/** data-* attributes survive DOMPurify; the nonce makes placeholders unforgeable. */
const SLOT_ATTR = "data-webio-slot";

// Templates come from apps and may be many: parse each time rather than grow a cache forever.
Mustache.templateCache = undefined;

function nonce(): string {
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return bytes[0].toString(36) + bytes[1].toString(36);
}

/** The output a lambda's item stands for: a spec as it is, a string or number as inline text. */
function itemSpec(item: unknown): OutputSpec | null {
  if (item instanceof String || item instanceof Number) item = item.valueOf();
  if (typeof item === "string" || typeof item === "number") {
    return { type: "text", content: String(item), inline: true };
  }
  if (isObject(item) && typeof item.type === "string") return item as unknown as OutputSpec;
  console.warn("webio: " + PARSE_LAMBDA + " got neither an output spec nor a string");
  return null;
}

export function renderWidget(spec: OutputOf<"widget">, ctx: RenderContext): HTMLElement {
  const node = el("div", "webio-widget");
  const prefix = nonce() + "-";
  const items: OutputSpec[] = [];
  const lambdas = {
    // Mustache calls a lambda with `this` bound to the item of the enclosing section.
    [PARSE_LAMBDA](this: unknown): string {
      const item = itemSpec(this);
      if (item === null) return "";
      items.push(item);
      return "<span " + SLOT_ATTR + '="' + prefix + (items.length - 1) + '"></span>';
    },
  };
  const data = get(spec, "data");
  // The lambda lives in a context below the data, so lookups reach it from any depth and the
  // data object is neither copied nor changed. A null view would make lookups throw.
  const view = new Mustache.Context(data ?? {}, new Mustache.Context(lambdas));
  let html: string;
  try {
    html = Mustache.render(str(spec, "template"), view);
  } catch (err) {
    console.error("webio: widget template failed", err);
    return node;
  }
  setHtml(node, html, true);
  node.querySelectorAll<HTMLElement>("[" + SLOT_ATTR + "]").forEach((slot) => {
    const value = slot.getAttribute(SLOT_ATTR) ?? "";
    // Not one of ours (the template or the data wrote it): an element like any other.
    if (!value.startsWith(prefix)) return;
    const item = items[Number(value.slice(prefix.length))];
    const rendered = item ? ctx.render(item) : null;
    if (rendered) slot.replaceWith(rendered);
    else slot.remove();
  });
  return node;
}
