// What a renderer may use besides its spec.

import type { EventData, FieldSpec, OutputOf, OutputSpec, OutputType } from "../generated/protocol";

export interface RenderContext {
  /** Sends a `callback` event (button clicks). */
  callback(callbackId: string, data: EventData["callback"]): void;
  /** Renders a nested output spec (used by the scope output). */
  render(spec: OutputSpec): HTMLElement | null;
  /** Registers a scope element created by an output. */
  registerScope(name: string, node: HTMLElement): void;
  /** Renders a pin's field (null: the spec has none) and registers it under its name. */
  pin(field: FieldSpec | null): HTMLElement;
}

export type Renderer<K extends OutputType> = (spec: OutputOf<K>, ctx: RenderContext) => HTMLElement;
