// The progress bar a file field shows while its files are being sent.

import { el } from "../dom";
import type { FieldFrame } from "./frame";

export class UploadProgress {
  private readonly frame: FieldFrame;
  private bar: HTMLElement | null = null;
  private fill: HTMLElement | null = null;

  constructor(frame: FieldFrame) {
    this.frame = frame;
  }

  show(sent: number, total: number): void {
    const percent = total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 100;
    if (this.bar === null || this.fill === null) {
      this.bar = el("div", "progress mt-2 webio-upload-progress");
      this.bar.setAttribute("role", "progressbar");
      this.bar.setAttribute("aria-label", "Upload");
      this.bar.setAttribute("aria-valuemin", "0");
      this.bar.setAttribute("aria-valuemax", "100");
      this.fill = el("div", "progress-bar");
      this.bar.appendChild(this.fill);
      this.frame.add(this.bar);
    }
    this.bar.setAttribute("aria-valuenow", String(percent));
    this.fill.style.width = percent + "%";
    this.fill.textContent = percent + "%";
  }

  hide(): void {
    this.bar?.remove();
    this.bar = null;
    this.fill = null;
  }
}
