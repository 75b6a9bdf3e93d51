// `toast`: notifications, written without Bootstrap's JavaScript.

import type { CommandHandlers } from "../dispatcher";
import { el } from "../dom";
import { TOAST_COLORS, ToastSpec } from "../generated/protocol";
import { choice, num, optStr, own, str } from "../read";
import type { CommandContext } from "./context";

type ToastPosition = ToastSpec["position"];

/** Slot order on the page, left to right. */
const POSITIONS: readonly ToastPosition[] = ["left", "center", "right"];
const DEFAULT_POSITION: ToastPosition = "center";

type NamedColor = (typeof TOAST_COLORS)[number];

/** The named colours of ToastSpec.color; any other value is taken as a CSS colour. */
const COLOR_CLASSES: Readonly<Record<NamedColor, string>> = {
  info: "text-bg-info",
  error: "text-bg-danger",
  warn: "text-bg-warning",
  success: "text-bg-success",
};
const DEFAULT_COLOR: NamedColor = TOAST_COLORS[0];

const DEFAULT_DURATION_S = 2;

export function toastCommands(ctx: CommandContext): Pick<CommandHandlers, "toast"> {
  const slots = new Map<ToastPosition, HTMLElement>();
  for (const position of POSITIONS) {
    const slot = el("div", "webio-toast-slot webio-toast-" + position);
    ctx.layout.toasts.appendChild(slot);
    slots.set(position, slot);
  }

  function show(spec: ToastSpec): void {
    const slot = slots.get(choice(spec, "position", POSITIONS) ?? DEFAULT_POSITION);
    if (!slot) return;

    const toast = el("div", "webio-toast shadow", str(spec, "content"));
    toast.setAttribute("role", "status");
    const color = str(spec, "color", DEFAULT_COLOR);
    const colorClass = own(COLOR_CLASSES, color);
    if (colorClass) toast.classList.add(colorClass);
    else {
      // The style API rejects a value that is no CSS colour.
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
      if (callbackId !== null) ctx.send("callback", callbackId, null);
    });
    const duration = num(spec, "duration") ?? DEFAULT_DURATION_S;
    if (duration > 0) timer = window.setTimeout(dismiss, duration * 1000);
    slot.appendChild(toast);
  }

  return { toast: ({ spec }) => show(spec) };
}
