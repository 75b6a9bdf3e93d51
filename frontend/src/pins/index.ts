// Pins: form fields in the output area, without a form, read and watched by the app by name.
// A later pin of a name replaces the earlier one as the live one; a pin whose element has
// left the page counts as missing. Fields are drawn by the same kinds as in forms (inputs/).

import type { Assets } from "../assets";
import { el } from "../dom";
import type { FieldAttributes, FieldSpec } from "../generated/protocol";
import { FieldContext, FieldValue, FieldView, renderField } from "../inputs/index";
import type { Send } from "../protocol";
import { str } from "../read";
import { PinWatchers } from "./watchers";

/** What pins need of the session. */
export interface PinHost {
  readonly send: Send;
  readonly assets: Assets;
}

export class Pins {
  private readonly host: PinHost;
  readonly watchers: PinWatchers;
  private readonly live = new Map<string, FieldView>();

  constructor(host: PinHost) {
    this.host = host;
    this.watchers = new PinWatchers(host.send, (name) => this.value(name));
  }

  /** The `pin` output: the field's element, registered under its name. */
  render(spec: FieldSpec | null): HTMLElement {
    if (spec === null) {
      console.warn("webio: pin output without a field spec");
      return el("div");
    }
    const name = str(spec, "name");
    const ctx: FieldContext = {
      changed: (value) => {
        if (this.live.get(name) === view) this.watchers.changed(name, value);
      },
      // Nobody checks a pin's value as the user leaves it: there is no form task.
      blurred: () => undefined,
      cancel: () => undefined,
      callback: (callbackId) => this.host.send("callback", callbackId, null),
      standalone: true,
      assets: this.host.assets,
    };
    const view = renderField(spec, ctx);
    view.element.classList.add("webio-pin");
    this.live.set(name, view);
    this.watchers.heard(name);
    return view.element;
  }

  /** The live pin of this name, if it is still on the page. */
  get(name: string): FieldView | null {
    const view = this.live.get(name);
    return view && view.element.isConnected ? view : null;
  }

  /** pin_value: the value, which the app now has; undefined when there is no such pin. */
  read(name: string): FieldValue | undefined {
    this.watchers.heard(name);
    return this.value(name);
  }

  /** Its value as a form would send it; undefined when there is no such pin. */
  value(name: string): FieldValue | undefined {
    const view = this.get(name);
    if (!view) return undefined;
    const value = view.value(null);
    return value === undefined ? null : value;
  }

  /** pin_update. */
  update(name: string, attrs: FieldAttributes): void {
    const view = this.get(name);
    if (view && "value" in attrs) this.watchers.heard(name);
    if (view) view.update(attrs);
    else console.warn("webio: pin_update for a missing pin", name);
  }
}
