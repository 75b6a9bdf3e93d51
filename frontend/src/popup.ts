// The popup: a modal dialog drawn with Bootstrap's modal classes, without Bootstrap's
// JavaScript. While it is open the rest of the page is inert, Tab cycles inside the dialog and
// the focus cannot leave it; closing gives the focus back to where it was before the first
// popup. A new popup replaces the open one.

import { el, uniqueId } from "./dom";
import type { PopupSpec } from "./generated/protocol";

export interface PopupOptions {
  title: string;
  size: PopupSpec["size"];
  /** Esc and a click outside the dialog close it. */
  implicitClose: boolean;
  /** A close button in its header. */
  closable: boolean;
  /** The body: the popup's scope, already filled. */
  body: HTMLElement;
}

const SIZE_CLASSES: Readonly<Record<PopupSpec["size"], string>> = {
  small: "modal-sm",
  normal: "",
  large: "modal-lg",
};

const FOCUSABLE = [
  "a[href]",
  "area[href]",
  "button:not([disabled])",
  'input:not([disabled]):not([type="hidden"])',
  "select:not([disabled])",
  "textarea:not([disabled])",
  "iframe",
  "[contenteditable]",
  '[tabindex]:not([tabindex="-1"])',
].join(",");

interface Shown {
  root: HTMLElement;
  modal: HTMLElement;
  implicitClose: boolean;
}

export class Popup {
  private readonly host: HTMLElement;
  /** What becomes inert while a popup is open. */
  private readonly background: HTMLElement;
  private shown: Shown | null = null;
  private returnFocus: Element | null = null;
  private bodyOverflow = "";

  constructor(host: HTMLElement, background: HTMLElement) {
    this.host = host;
    this.background = background;
    document.addEventListener("focusin", (event) => this.keepFocus(event));
  }

  get isOpen(): boolean {
    return this.shown !== null;
  }

  open(options: PopupOptions): void {
    if (this.shown) this.detach();
    else {
      this.returnFocus = document.activeElement;
      this.bodyOverflow = document.body.style.overflow;
      // The page behind does not scroll under the dialog.
      document.body.style.overflow = "hidden";
      this.background.setAttribute("inert", "");
    }
    const shown = this.build(options);
    this.shown = shown;
    this.host.appendChild(shown.root);
    shown.modal.focus();
  }

  close(): void {
    if (!this.shown) return;
    this.detach();
    this.background.removeAttribute("inert");
    document.body.style.overflow = this.bodyOverflow;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }

  private detach(): void {
    this.shown?.root.remove();
    this.shown = null;
  }

  private build(options: PopupOptions): Shown {
    const root = el("div", "webio-popup");
    const backdrop = el("div", "modal-backdrop show");
    const modal = el("div", "modal d-block");
    modal.tabIndex = -1;
    modal.setAttribute("role", "dialog");
    modal.setAttribute("aria-modal", "true");
    const dialog = el("div", ("modal-dialog " + SIZE_CLASSES[options.size]).trim());
    const content = el("div", "modal-content");
    const header = el("div", "modal-header");
    const title = el("h5", "modal-title", options.title);
    title.id = uniqueId("popup-title");
    modal.setAttribute("aria-labelledby", title.id);
    header.appendChild(title);
    if (options.closable) {
      const close = el("button", "btn-close");
      close.type = "button";
      close.setAttribute("aria-label", "Close");
      close.addEventListener("click", () => this.close());
      header.appendChild(close);
    }
    options.body.classList.add("modal-body");
    content.append(header, options.body);
    dialog.appendChild(content);
    modal.appendChild(dialog);
    root.append(backdrop, modal);

    const shown: Shown = { root, modal, implicitClose: options.implicitClose };
    modal.addEventListener("keydown", (event) => this.onKey(event, shown));
    // Bootstrap's dialog box lets clicks through around its content, so a click that starts
    // and ends on the .modal element itself is a click outside the dialog. (A text selection
    // dragged out of the dialog starts inside it and does not count.)
    let downOutside = false;
    modal.addEventListener("mousedown", (event) => {
      downOutside = event.target === modal;
    });
    modal.addEventListener("click", (event) => {
      if (downOutside && event.target === modal && shown.implicitClose) this.close();
    });
    return shown;
  }

  private onKey(event: KeyboardEvent, shown: Shown): void {
    if (event.key === "Escape" && shown.implicitClose && !event.defaultPrevented) {
      event.preventDefault();
      this.close();
    } else if (event.key === "Tab") {
      this.cycle(event, shown.modal);
    }
  }

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  private cycle(event: KeyboardEvent, modal: HTMLElement): void {
    const controls = Array.from(modal.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (node) => node.getClientRects().length > 0,
    );
    if (!controls.length) {
      event.preventDefault();
      modal.focus();
      return;
    }
    const first = controls[0];
    const last = controls[controls.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === modal)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /** Focus that lands outside an open popup (a script, a browser without inert) goes back in. */
  private keepFocus(event: FocusEvent): void {
    const shown = this.shown;
    if (!shown || !(event.target instanceof Node) || shown.modal.contains(event.target)) return;
    shown.modal.focus();
  }
}
