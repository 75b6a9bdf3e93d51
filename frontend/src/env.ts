// `set_env`: page settings.

import type { Layout } from "./layout";
import { Spec, bool, num, str } from "./protocol";

export interface EnvState {
  autoScrollBottom: boolean;
  outputAnimation: boolean;
}

export function applyEnv(
  spec: Spec,
  layout: Layout,
  state: EnvState,
  setPullInterval: (ms: number) => void,
): void {
  if ("title" in spec) document.title = str(spec, "title");
  if ("output_max_width" in spec) {
    const width = spec.output_max_width;
    // A number means pixels; a string is a CSS length. The style API drops invalid values.
    layout.container.style.maxWidth =
      typeof width === "number" && Number.isFinite(width) ? width + "px" : str(spec, "output_max_width");
  }
  if ("http_pull_interval" in spec) {
    const ms = num(spec, "http_pull_interval");
    if (ms !== null) setPullInterval(ms);
  }
  if ("auto_scroll_bottom" in spec) state.autoScrollBottom = bool(spec, "auto_scroll_bottom");
  if ("output_animation" in spec) {
    state.outputAnimation = bool(spec, "output_animation");
    layout.host.classList.toggle("webio-animate", state.outputAnimation);
  }
}
