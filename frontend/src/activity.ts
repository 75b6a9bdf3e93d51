// The app's busy sign: a thin bar at the top of the page, shown while the app says it is busy
// (the `busy` command) and nothing has arrived from it for DELAY_MS. Any command hides it at
// once; the wait starts again from there if the app is still busy. The status region stays in
// the page, empty when idle: a live region is read out when content appears in it, not when
// it appears itself.

import { el } from "./dom";

export const DELAY_MS = 700;
export const TEXT_WORKING = "Working\u2026";

export class ActivitySign {
  private readonly sign: HTMLElement;
  private busy = false;
  private timer: number | undefined;
  /** When the last command arrived (performance.now()). */
  private lastCommand = 0;
  private shown = false;

  constructor(host: HTMLElement) {
    this.sign = el("div", "webio-activity");
    this.sign.setAttribute("role", "status");
    host.appendChild(this.sign);
  }

  set(busy: boolean): void {
    this.busy = busy;
    if (busy) this.arm(DELAY_MS);
    else this.stop();
  }

  /**
   * A command arrived. Called for every command, so it only notes the time: the timer, when it
   * fires, waits again for what is left of the delay.
   */
  commandArrived(): void {
    this.lastCommand = performance.now();
    if (this.shown) this.hide();
    if (this.busy && this.timer === undefined) this.arm(DELAY_MS);
  }

  private arm(ms: number): void {
    if (this.timer !== undefined) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.due(), ms);
  }

  private due(): void {
    this.timer = undefined;
    if (!this.busy) return;
    const quiet = performance.now() - this.lastCommand;
    if (quiet < DELAY_MS) this.arm(DELAY_MS - quiet);
    else this.show();
  }

  private show(): void {
    this.shown = true;
    // Named only while shown: an idle page has no "Working…" region to come across.
    this.sign.setAttribute("aria-label", TEXT_WORKING);
    this.sign.append(el("div", "webio-activity-bar"), el("span", "visually-hidden", TEXT_WORKING));
  }

  private hide(): void {
    this.shown = false;
    this.sign.removeAttribute("aria-label");
    this.sign.textContent = "";
  }

  private stop(): void {
    if (this.timer !== undefined) window.clearTimeout(this.timer);
    this.timer = undefined;
    this.hide();
  }
}
