// `set_progressbar`: moves a progress bar output by name (the newest bar of a name wins).

import type { CommandHandlers } from "../dispatcher";
import type { ProgressBar } from "../outputs/progressbar";
import { num, optStr, str } from "../read";

/** Progress bars by name. A bar whose element has left the page counts as missing. */
export class ProgressBars {
  private readonly byName = new Map<string, ProgressBar>();
  /** Size after the last sweep: sweeping when it doubles keeps registering O(1) amortised. */
  private swept = 16;

  register(name: string, bar: ProgressBar): void {
    this.byName.set(name, bar);
    if (this.byName.size > this.swept * 2) {
      this.byName.forEach((known, key) => {
        // A bar just rendered is not on the page yet: it is the one being registered.
        if (known !== bar && !known.element.isConnected) this.byName.delete(key);
      });
      this.swept = Math.max(16, this.byName.size);
    }
  }

  get(name: string): ProgressBar | null {
    const bar = this.byName.get(name);
    if (!bar) return null;
    if (!bar.element.isConnected) {
      this.byName.delete(name);
      return null;
    }
    return bar;
  }
}

export function progressCommands(bars: ProgressBars): Pick<CommandHandlers, "set_progressbar"> {
  return {
    set_progressbar: ({ spec }) => {
      const name = str(spec, "name");
      const bar = bars.get(name);
      if (!bar) {
        console.warn("webio: set_progressbar names no progress bar:", name);
        return;
      }
      bar.set(num(spec, "value"), optStr(spec, "label"));
    },
  };
}
