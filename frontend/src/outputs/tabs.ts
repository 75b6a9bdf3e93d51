// `tabs`: Bootstrap nav-tabs without Bootstrap's JavaScript, following the WAI-ARIA tabs
// pattern: one tab in the Tab order (roving tabindex), arrow keys, Home and End move between
// tabs and show the one they reach.

import { el, uniqueId } from "../dom";
import type { OutputOf } from "../generated/protocol";
import { objects, own, slots, str } from "../read";
import { RenderContext, renderChildren } from "./context";

export function renderTabs(spec: OutputOf<"tabs">, ctx: RenderContext): HTMLElement {
  const wrap = el("div", "webio-tabs");
  const list = el("ul", "nav nav-tabs");
  list.setAttribute("role", "tablist");
  const content = el("div", "tab-content");
  const tabs: HTMLButtonElement[] = [];
  const panels: HTMLElement[] = [];

  slots(spec, "tabs").forEach((tab, index) => {
    const tabId = uniqueId("tab");
    const panelId = uniqueId("tabpanel");
    const item = el("li", "nav-item");
    item.setAttribute("role", "presentation");
    const button = el("button", "nav-link", str(tab, "title"));
    button.type = "button";
    button.id = tabId;
    button.setAttribute("role", "tab");
    button.setAttribute("aria-controls", panelId);
    button.addEventListener("click", () => select(index));
    item.appendChild(button);
    list.appendChild(item);

    const panel = el("div", "tab-pane");
    panel.id = panelId;
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tabId);
    // A panel may hold nothing focusable: it takes the focus itself after its tab.
    panel.tabIndex = 0;
    renderChildren(panel, objects(tab, "contents"), ctx);
    content.appendChild(panel);
    tabs.push(button);
    panels.push(panel);
  });

  function select(index: number): void {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.classList.toggle("active", on);
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      panels[i].classList.toggle("active", on);
      panels[i].hidden = !on;
    });
  }

  /** Where each key moves from tab `at`. */
  const moves: Record<string, (at: number) => number> = {
    ArrowRight: (at) => (at + 1) % tabs.length,
    ArrowLeft: (at) => (at - 1 + tabs.length) % tabs.length,
    Home: () => 0,
    End: () => tabs.length - 1,
  };
  list.addEventListener("keydown", (event) => {
    const at = tabs.indexOf(event.target as HTMLButtonElement);
    const move = own(moves, event.key);
    if (at === -1 || move === undefined) return;
    event.preventDefault();
    const next = move(at);
    select(next);
    tabs[next].focus();
  });

  if (tabs.length) select(0);
  wrap.append(list, content);
  return wrap;
}
