// Who wants to hear of a pin's changes: pin_wait (the first change of any of its pins, or
// null after its timeout; answered exactly once) and pin_onchange (every change, until
// cleared), by pin name.
//
// A change made while no wait was pending (between an answered wait and the app's next one)
// is remembered: the next wait for that pin is answered at once with the current value, so
// a loop on pin_wait_change (a live preview) never misses the last keystrokes. The app
// reading the pin, or setting its value, counts as hearing of it.

import type { FieldValue } from "../inputs/index";
import type { Send } from "../protocol";

interface Wait {
  taskId: string;
  names: ReadonlySet<string>;
  timer: number | undefined;
}

export class PinWatchers {
  private readonly send: Send;
  private waits: Wait[] = [];
  /** Pins changed by the user since the app last heard of their value. */
  private readonly unheard = new Set<string>();
  private readonly current: (name: string) => FieldValue | undefined;
  /** pin_onchange callback ids, by pin name, in the order they came. */
  private readonly callbacks = new Map<string, string[]>();

  constructor(send: Send, current: (name: string) => FieldValue | undefined) {
    this.send = send;
    this.current = current;
  }

  /** The app has the current value of pin `name` (it read it, set it, or put the pin). */
  heard(name: string): void {
    this.unheard.delete(name);
  }

  /** pin_wait: `timeout` in seconds, null for none. */
  wait(taskId: string, names: string[], timeout: number | null): void {
    for (const name of names) {
      const value = this.unheard.has(name) ? this.current(name) : undefined;
      this.unheard.delete(name);
      if (value !== undefined) {
        this.send("pin_change", taskId, { name, value });
        return;
      }
    }
    const wait: Wait = { taskId, names: new Set(names), timer: undefined };
    if (timeout !== null) {
      wait.timer = window.setTimeout(() => {
        if (this.drop(wait)) this.send("pin_change", taskId, null);
      }, Math.max(0, timeout) * 1000);
    }
    this.waits.push(wait);
  }

  /** pin_onchange: `clear` forgets the earlier callbacks; a null id only clears. */
  onChange(name: string, callbackId: string | null, clear: boolean): void {
    if (clear) this.callbacks.delete(name);
    if (callbackId === null) return;
    const ids = this.callbacks.get(name);
    if (ids) ids.push(callbackId);
    else this.callbacks.set(name, [callbackId]);
  }

  /** The live pin `name` changed to `value`. */
  changed(name: string, value: FieldValue): void {
    const waits = this.waits.filter((w) => w.names.has(name));
    if (waits.length === 0) this.unheard.add(name);
    for (const wait of waits) {
      if (this.drop(wait)) this.send("pin_change", wait.taskId, { name, value });
    }
    for (const callbackId of this.callbacks.get(name) ?? []) {
      this.send("pin_callback", callbackId, { name, value });
    }
  }

  /** Removes a wait; false when it was answered already. */
  private drop(wait: Wait): boolean {
    const at = this.waits.indexOf(wait);
    if (at === -1) return false;
    this.waits.splice(at, 1);
    window.clearTimeout(wait.timer);
    return true;
  }
}
