// `set_env`: page settings. Keys that are absent leave their setting as it is.

import type { CommandHandlers } from "../dispatcher";
import { bool, get, has, num, str } from "../read";
import type { CommandContext, EnvState } from "./context";

export function envCommands(ctx: CommandContext, env: EnvState): Pick<CommandHandlers, "set_env"> {
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
      if (has(spec, "output_animation")) {
        env.outputAnimation = bool(spec, "output_animation");
        layout.host.classList.toggle("webio-animate", env.outputAnimation);
      }
    },
  };
}
