// `set_env`: page settings. Keys that are absent leave their setting as it is. The
// input_panel_* keys are accepted and ignored: forms here sit below the output, in the page's
// flow, rather than in a fixed panel whose height they would set.

import type { CommandHandlers } from "../dispatcher";
import type { Forms } from "../forms/index";
import { bool, get, has, num, str } from "../read";
import type { CommandContext, EnvState } from "./context";

export function envCommands(
  ctx: CommandContext,
  env: EnvState,
  forms: Forms,
): Pick<CommandHandlers, "set_env"> {
  const { layout } = ctx;
  return {
    set_env: ({ spec }) => {
      if (has(spec, "title")) document.title = str(spec, "title");
      if (has(spec, "output_max_width")) {
        const width = get(spec, "output_max_width");
        // A number means pixels; a string is a CSS length. The style API drops invalid values.
        const pixels = typeof width === "number" && Number.isFinite(width);
        layout.container.style.maxWidth = pixels ? width + "px" : str(spec, "output_max_width");
      }
      if (has(spec, "http_pull_interval")) {
        const ms = num(spec, "http_pull_interval");
        if (ms !== null) ctx.transport.setPullInterval(ms);
      }
      if (has(spec, "auto_scroll_bottom")) env.autoScrollBottom = bool(spec, "auto_scroll_bottom");
      if (has(spec, "input_auto_focus")) forms.autoFocus = bool(spec, "input_auto_focus", true);
      if (has(spec, "output_animation")) {
        env.outputAnimation = bool(spec, "output_animation");
        layout.host.classList.toggle("webio-animate", env.outputAnimation);
      }
    },
  };
}
