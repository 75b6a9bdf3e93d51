// The state behind a non-native select (listbox.ts): its options, which are chosen, which
// are shown by the filter and which one has the keyboard. No DOM here.

import type { Choice } from "./options";

export class ListModel {
  private options: Choice[] = [];
  /** Lower-case labels, by option index, for the filter. */
  private folded: string[] = [];
  private chosen = new Set<number>();
  /** Option indices the filter lets through, in order. */
  shown: number[] = [];
  /** The option with the keyboard focus (an option index), or -1. */
  active = -1;
  private filterText = "";

  constructor(readonly multiple: boolean) {}

  get size(): number {
    return this.options.length;
  }

  option(index: number): Choice {
    return this.options[index];
  }

  setOptions(options: Choice[]): void {
    this.options = options;
    this.folded = options.map((option) => option.label.toLowerCase());
    this.restoreDefaults();
    this.filter(this.filterText);
  }

  /** The selection the options came with (a form reset). */
  restoreDefaults(): void {
    const marked = this.options.map((option, index) => (option.selected ? index : -1)).filter((i) => i >= 0);
    this.choose(marked);
  }

  /** Exactly these are chosen (one at most when not multiple). */
  choose(indices: Iterable<number>): void {
    this.chosen = new Set();
    for (const index of indices) {
      if (index < 0 || index >= this.options.length) continue;
      if (!this.multiple) this.chosen.clear();
      this.chosen.add(index);
    }
    const first = this.selected(true)[0];
    this.active = first === undefined ? this.active : first;
  }

  isChosen(index: number): boolean {
    return this.chosen.has(index);
  }

  /** The user picks an option: one replaces the other, or (multiple) toggles. */
  pick(index: number): boolean {
    const option = this.options[index];
    if (!option || option.disabled) return false;
    this.active = index;
    if (this.multiple) {
      if (this.chosen.has(index)) this.chosen.delete(index);
      else this.chosen.add(index);
      return true;
    }
    if (this.chosen.size === 1 && this.chosen.has(index)) return false;
    this.chosen = new Set([index]);
    return true;
  }

  /** Chosen indices in order; disabled options only with `withDisabled` (never sent). */
  selected(withDisabled = false): number[] {
    return Array.from(this.chosen)
      .filter((index) => withDisabled || !this.options[index].disabled)
      .sort((a, b) => a - b);
  }

  filter(text: string): void {
    this.filterText = text;
    const needle = text.trim().toLowerCase();
    this.shown = [];
    for (let index = 0; index < this.folded.length; index++) {
      if (needle === "" || this.folded[index].indexOf(needle) !== -1) this.shown.push(index);
    }
  }

  /** The shown option `steps` away from the active one (clamped), or -1 when none is shown. */
  step(steps: number): number {
    if (this.shown.length === 0) return -1;
    const at = this.shown.indexOf(this.active);
    const from = at === -1 ? (steps > 0 ? -1 : this.shown.length) : at;
    const to = Math.max(0, Math.min(this.shown.length - 1, from + steps));
    return this.shown[to];
  }
}
