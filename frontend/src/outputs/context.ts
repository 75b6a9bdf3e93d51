// What a renderer may use besides its spec.

import type { EventData, OutputOf, OutputSpec, OutputType } from "../generated/protocol";

export interface RenderContext {
  /** Sends a `callback` event (button clicks). */
  callback(callbackId: string, data: EventData["callback"]): void;
  /** Renders a nested output spec (used by the scope output). */
  render(spec: OutputSpec): HTMLElement | null;
  /** Registers a scope element created by an output. */
  registerScope(name: string, node: HTMLElement): void;
}

export type Renderer<K extends OutputType> = (spec: OutputOf<K>, ctx: RenderContext) => HTMLElement;
