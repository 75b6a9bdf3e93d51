// The connection status banner and the switch that disables every control on the
// page while the connection is down.

import { PROTOCOL_MAJOR } from "./protocol";

export const TEXT_LOST = "Connection lost. Reload the page to start again.";
export const TEXT_RECONNECTING = "Connection lost, reconnecting\u2026";

export function versionMismatchText(serverVersion: string): string {
  return (
    "This page's client speaks protocol " +
    PROTOCOL_MAJOR +
    ".x, the server speaks " +
    serverVersion +
    ". Reload the page."
  );
}

const CONTROLS = "button, input, select, textarea";

export class StatusBanner {
  private readonly banner: HTMLElement;
  private readonly scope: HTMLElement;
  /** Controls this class disabled (and so may enable again). */
  private locked: HTMLElement[] = [];

  constructor(banner: HTMLElement, scope: HTMLElement) {
    this.banner = banner;
    this.scope = scope;
  }

  showLost(reconnecting: boolean): void {
    this.show("alert alert-warning", reconnecting ? TEXT_RECONNECTING : TEXT_LOST);
  }

  showError(message: string): void {
    this.show("alert alert-danger", message);
  }

  hide(): void {
    this.banner.hidden = true;
    this.banner.className = "webio-status";
    this.banner.textContent = "";
  }

  private show(classes: string, text: string): void {
    this.banner.className = "webio-status " + classes;
    this.banner.textContent = text;
    this.banner.hidden = false;
  }

  /** Disables every enabled control inside the page (forms, buttons). */
  lockControls(): void {
    this.scope.classList.add("webio-offline");
    const nodes = this.scope.querySelectorAll<HTMLElement>(CONTROLS);
    nodes.forEach((node) => {
      const control = node as HTMLButtonElement | HTMLInputElement;
      if (!control.disabled) {
        control.disabled = true;
        this.locked.push(node);
      }
    });
  }

  /** Enables again what lockControls() disabled (after a successful reconnect). */
  unlockControls(): void {
    this.scope.classList.remove("webio-offline");
    for (const node of this.locked) {
      (node as HTMLButtonElement | HTMLInputElement).disabled = false;
    }
    this.locked = [];
  }
}
