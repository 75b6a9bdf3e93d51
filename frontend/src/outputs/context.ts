// What a renderer may use besides its spec.

import type { Assets } from "../assets";
import type { Datatables } from "../datatables";
import type { EventData, FieldSpec, OutputOf, OutputSpec, OutputType } from "../generated/protocol";
import type { ProgressBar } from "./progressbar";

export interface RenderContext {
  /** Parts of the client loaded on first use (highlighting). */
  readonly assets: Assets;
  /** Sends a `callback` event (button clicks, clicks on an output with `click_callback_id`). */
  callback(callbackId: string, data: EventData["callback"]): void;
  /** Renders a nested output spec (used by every output that holds others). */
  render(spec: OutputSpec): HTMLElement | null;
  /** Registers a scope element created by an output. */
  registerScope(name: string, node: HTMLElement): void;
  /** Renders a pin's field (null: the spec has none) and registers it under its name. */
  pin(field: FieldSpec | null): HTMLElement;
  /** Makes `bar` the progress bar `set_progressbar` moves under `name`. */
  registerProgressbar(name: string, bar: ProgressBar): void;
  /** The page's datatables (the datatable output). */
  readonly datatables: Datatables;
}

export type Renderer<K extends OutputType> = (spec: OutputOf<K>, ctx: RenderContext) => HTMLElement;

/** Renders `specs` into `parent` in order; unknown types are skipped (and logged). */
export function renderChildren(
  parent: HTMLElement,
  specs: readonly OutputSpec[],
  ctx: RenderContext,
): HTMLElement {
  for (const spec of specs) {
    const node = ctx.render(spec);
    if (node) parent.appendChild(node);
  }
  return parent;
}
