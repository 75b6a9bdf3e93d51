// A non-native select: a filter box over an ARIA listbox that draws only the rows in view,
// so that a hundred thousand options cost what twenty do. A transparent input beside it
// carries what a native control would: `required` (the browser's validation), and the
// disabled state of a busy form's fieldset or of a lost connection.

import { el } from "../dom";
import { ListModel } from "./listmodel";
import type { Choice } from "./options";

/** Height of one row in pixels: rows are placed by index, so all are equal. */
const ROW_PX = 32;
/** Rows drawn beyond the visible ones, above and below, so that scrolling shows no gap. */
const OVERSCAN = 6;
const FILTER_PAUSE_MS = 120;
const REQUIRED_MESSAGE = "Please select an item in the list.";

export class Listbox {
  readonly element: HTMLElement;
  /** The focusable listbox: what the label names and the validity mark is on. */
  readonly control: HTMLElement;
  readonly filterBox: HTMLInputElement;
  private readonly model: ListModel;
  private readonly viewport: HTMLElement;
  private readonly sizer: HTMLElement;
  private readonly validity: HTMLInputElement;
  private readonly rows: number;
  private required = false;
  private drawn = false;
  private filterTimer: number | undefined;

  constructor(id: string, multiple: boolean, rows: number) {
    this.model = new ListModel(multiple);
    this.rows = rows;
    this.element = el("div", "webio-listbox-wrap");
    this.filterBox = el("input", "form-control form-control-sm mb-1 webio-select-filter");
    this.filterBox.type = "search";
    this.filterBox.placeholder = "Filter\u2026";
    this.filterBox.autocomplete = "off";
    this.filterBox.setAttribute("aria-label", "Filter the options");
    this.filterBox.setAttribute("aria-controls", id);
    this.validity = el("input", "webio-listbox-validity");
    this.validity.tabIndex = -1;
    this.validity.setAttribute("aria-hidden", "true");
    this.viewport = el("div", "form-control webio-listbox");
    this.viewport.id = id;
    this.viewport.tabIndex = 0;
    this.viewport.setAttribute("role", "listbox");
    if (multiple) this.viewport.setAttribute("aria-multiselectable", "true");
    this.sizer = el("div", "webio-listbox-rows");
    this.viewport.appendChild(this.sizer);
    this.control = this.viewport;
    this.element.append(this.filterBox, this.validity, this.viewport);
    this.listen();
  }

  setOptions(options: Choice[]): void {
    this.model.setOptions(options);
    this.afterChange();
    this.revealSoon();
  }

  choose(indices: Iterable<number>): void {
    this.model.choose(indices);
    this.afterChange();
    this.revealSoon();
  }

  restoreDefaults(): void {
    this.model.restoreDefaults();
    this.afterChange();
    this.revealSoon();
  }

  selected(): number[] {
    return this.model.selected();
  }

  get multiple(): boolean {
    return this.model.multiple;
  }

  setRequired(required: boolean): void {
    this.required = required;
    this.checkValidity();
  }

  /** Disabled by the form's fieldset (busy), or by the page (connection lost). */
  get disabled(): boolean {
    return this.validity.matches(":disabled");
  }

  private listen(): void {
    this.viewport.addEventListener("scroll", () => this.scheduleDraw());
    this.viewport.addEventListener("click", (event) => {
      const row = (event.target as Element).closest<HTMLElement>("[data-index]");
      if (row && !this.disabled) this.userPick(Number(row.dataset.index));
    });
    this.viewport.addEventListener("keydown", (event) => this.onListKey(event));
    this.validity.addEventListener("focus", () => this.viewport.focus());
    this.filterBox.addEventListener("input", () => {
      window.clearTimeout(this.filterTimer);
      this.filterTimer = window.setTimeout(() => this.applyFilter(), FILTER_PAUSE_MS);
    });
    this.filterBox.addEventListener("keydown", (event) => this.onFilterKey(event));
  }

  private onListKey(event: KeyboardEvent): void {
    if (this.disabled) return;
    const page = this.rows - 1;
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -Infinity,
      End: Infinity,
    };
    const steps = Object.prototype.hasOwnProperty.call(moves, event.key) ? moves[event.key] : 0;
    if (steps !== 0) {
      event.preventDefault();
      const target = this.model.step(Math.max(-1e9, Math.min(1e9, steps)));
      if (target === -1) return;
      // One choice follows the keyboard, as a native select does; several wait for Space.
      if (this.model.multiple) this.model.active = target;
      else if (!this.model.option(target).disabled) this.userPick(target);
      else this.model.active = target;
      this.reveal(target);
    } else if (event.key === " " && this.model.multiple) {
      event.preventDefault();
      if (this.model.active !== -1) this.userPick(this.model.active);
    }
  }

  private onFilterKey(event: KeyboardEvent): void {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      this.viewport.focus();
    } else if (event.key === "Enter") {
      // Enter takes the first match rather than submitting the form.
      event.preventDefault();
      window.clearTimeout(this.filterTimer);
      this.applyFilter();
      const first = this.model.shown.find((index) => !this.model.option(index).disabled);
      if (first !== undefined && !this.model.multiple) this.userPick(first);
      this.viewport.focus();
    }
  }

  private applyFilter(): void {
    this.model.filter(this.filterBox.value);
    this.viewport.scrollTop = 0;
    this.afterChange();
  }

  private userPick(index: number): void {
    if (!this.model.pick(index)) {
      this.draw();
      return;
    }
    this.afterChange();
    // What a native control would fire: the field's change listeners are on the control.
    this.viewport.dispatchEvent(new Event("change", { bubbles: true }));
  }

  private afterChange(): void {
    this.sizer.style.height = this.model.shown.length * ROW_PX + "px";
    this.viewport.style.height = Math.max(2, Math.min(this.rows, this.model.size)) * ROW_PX + 2 + "px";
    this.checkValidity();
    this.draw();
  }

  private checkValidity(): void {
    const missing = this.required && this.model.selected().length === 0;
    this.validity.setCustomValidity(missing ? REQUIRED_MESSAGE : "");
  }

  /** Shows the chosen option once the list is on the page (it may not be yet). */
  private revealSoon(): void {
    window.requestAnimationFrame(() => {
      if (this.model.active !== -1) this.reveal(this.model.active);
    });
  }

  /** Scrolls option `index` into view. */
  private reveal(index: number): void {
    const at = this.model.shown.indexOf(index);
    if (at === -1) return;
    const top = at * ROW_PX;
    const height = this.viewport.clientHeight;
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    else if (top + ROW_PX > this.viewport.scrollTop + height) this.viewport.scrollTop = top + ROW_PX - height;
    this.draw();
  }

  private scheduleDraw(): void {
    if (this.drawn) return;
    this.drawn = true;
    window.requestAnimationFrame(() => {
      this.drawn = false;
      this.draw();
    });
  }

  /** Draws the rows in view; the active row is named by aria-activedescendant. */
  private draw(): void {
    const shown = this.model.shown;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / ROW_PX) - OVERSCAN);
    const last = Math.min(shown.length, first + this.rows + 2 * OVERSCAN);
    const fragment = document.createDocumentFragment();
    let activeId = "";
    for (let at = first; at < last; at++) {
      const index = shown[at];
      const option = this.model.option(index);
      const row = el("div", "webio-listbox-option", option.label);
      row.id = this.viewport.id + "-" + index;
      row.dataset.index = String(index);
      row.setAttribute("role", "option");
      row.setAttribute("aria-selected", String(this.model.isChosen(index)));
      if (option.disabled) row.setAttribute("aria-disabled", "true");
      // Where it sits among all the options, since only some are in the document.
      row.setAttribute("aria-setsize", String(shown.length));
      row.setAttribute("aria-posinset", String(at + 1));
      row.style.top = at * ROW_PX + "px";
      if (index === this.model.active) {
        row.classList.add("webio-listbox-active");
        activeId = row.id;
      }
      fragment.appendChild(row);
    }
    this.sizer.textContent = "";
    this.sizer.appendChild(fragment);
    if (activeId) this.viewport.setAttribute("aria-activedescendant", activeId);
    else this.viewport.removeAttribute("aria-activedescendant");
  }
}
