// The page skeleton built inside #webio.

import { el } from "./dom";
import { ROOT_SCOPE } from "./generated/protocol";

export interface Layout {
  host: HTMLElement;
  status: HTMLElement;
  container: HTMLElement;
  root: HTMLElement;
  inputPanel: HTMLElement;
  toasts: HTMLElement;
}

export { ROOT_SCOPE } from "./generated/protocol";

export function buildLayout(doc: Document): Layout {
  let host = doc.getElementById("webio");
  if (!host) {
    host = el("div");
    host.id = "webio";
    doc.body.appendChild(host);
  }
  host.textContent = "";
  host.classList.add("webio");

  const status = el("div", "webio-status");
  status.setAttribute("role", "alert");
  status.hidden = true;

  const container = el("div", "container webio-container");
  const root = el("div", "webio-scope webio-output-area");
  root.dataset.scope = ROOT_SCOPE;
  const inputPanel = el("div", "webio-input-panel");
  container.append(root, inputPanel);

  const toasts = el("div", "webio-toasts");
  toasts.setAttribute("aria-live", "polite");

  host.append(status, container, toasts);
  return { host, status, container, root, inputPanel, toasts };
}
