// What a renderer may use besides its spec.

import type { Spec } from "../protocol";

export interface RenderContext {
  /** Sends a `callback` event (button clicks). */
  callback(callbackId: string, data: unknown): void;
  /** Renders a nested output spec (used by the scope output). */
  render(spec: Spec): HTMLElement | null;
  /** Registers a scope element created by an output. */
  registerScope(name: string, node: HTMLElement): void;
}

export type Renderer = (spec: Spec, ctx: RenderContext) => HTMLElement;
