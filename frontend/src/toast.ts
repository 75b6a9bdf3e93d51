// Toast notifications, written without Bootstrap's JavaScript.

import { el } from "./dom";
import { Spec, num, optStr, str } from "./protocol";

const COLOR_CLASSES: Record<string, string> = {
  info: "text-bg-info",
  error: "text-bg-danger",
  warn: "text-bg-warning",
  success: "text-bg-success",
};

const POSITIONS = ["left", "center", "right"] as const;
type ToastPosition = (typeof POSITIONS)[number];

const DEFAULT_DURATION_S = 2;

export class Toasts {
  private readonly slots = new Map<ToastPosition, HTMLElement>();
  private readonly onClick: (callbackId: string) => void;

  constructor(container: HTMLElement, onClick: (callbackId: string) => void) {
    this.onClick = onClick;
    for (const position of POSITIONS) {
      const slot = el("div", "webio-toast-slot webio-toast-" + position);
      container.appendChild(slot);
      this.slots.set(position, slot);
    }
  }

  show(spec: Spec): void {
    const requested = str(spec, "position", "center");
    const position: ToastPosition = (POSITIONS as readonly string[]).includes(requested)
      ? (requested as ToastPosition)
      : "center";
    const slot = this.slots.get(position);
    if (!slot) return;

    const toast = el("div", "webio-toast shadow", str(spec, "content"));
    toast.setAttribute("role", "status");
    const color = str(spec, "color", "info");
    const colorClass = COLOR_CLASSES[color];
    if (colorClass) toast.classList.add(colorClass);
    else {
      // Any other string is a CSS colour; the style API rejects invalid values.
      toast.classList.add("webio-toast-custom");
      toast.style.background = color;
    }

    const callbackId = optStr(spec, "callback_id");
    if (callbackId !== null) toast.classList.add("webio-toast-clickable");
    let timer: number | undefined;
    const dismiss = () => {
      if (timer !== undefined) window.clearTimeout(timer);
      toast.remove();
    };
    toast.addEventListener("click", () => {
      dismiss();
      if (callbackId !== null) this.onClick(callbackId);
    });
    const duration = num(spec, "duration") ?? DEFAULT_DURATION_S;
    if (duration > 0) timer = window.setTimeout(dismiss, duration * 1000);
    slot.appendChild(toast);
  }
}
