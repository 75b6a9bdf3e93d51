// `output` and `output_ctl`: content and named scopes of the output area.

import type { Datatables } from "../datatables";
import type { CommandHandlers } from "../dispatcher";
import { insertAt } from "../dom";
import type { CommandSpecs } from "../generated/protocol";
import { ROOT_SCOPE } from "../layout";
import { RenderContext, renderOutput } from "../outputs/index";
import type { Pins } from "../pins/index";
import { has, int, obj, str } from "../read";
import type { Scopes } from "../scopes";
import type { CommandContext, EnvState } from "./context";
import type { ProgressBars } from "./progress";

/** How outputs are rendered, wherever they go (the output area, a popup). */
export function renderContext(
  ctx: CommandContext,
  scopes: Scopes,
  pins: Pins,
  bars: ProgressBars,
  datatables: Datatables,
): RenderContext {
  const render: RenderContext = {
    assets: ctx.assets,
    callback: (callbackId, data) => ctx.send("callback", callbackId, data),
    render: (spec) => renderOutput(spec, render),
    registerScope: (name, node) => scopes.register(name, node),
    pin: (field) => pins.render(field),
    registerProgressbar: (name, bar) => bars.register(name, bar),
    datatables,
  };
  return render;
}

export function outputCommands(
  env: EnvState,
  scopes: Scopes,
  render: RenderContext,
): Pick<CommandHandlers, "output" | "output_ctl"> {
  return {
    output: ({ spec }) => {
      const scopeName = str(spec, "scope", ROOT_SCOPE);
      const target = scopes.get(scopeName);
      if (!target) {
        console.warn("webio: output to unknown scope ignored:", scopeName);
        return;
      }
      const output = obj(spec, "output");
      if (output === null) {
        console.warn("webio: output command without an output spec skipped");
        return;
      }
      const node = render.render(output);
      if (!node) return;
      if (env.outputAnimation) node.classList.add("webio-enter");
      insertAt(target, node, int(spec, "position", -1));
      if (env.autoScrollBottom) {
        window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "smooth" });
      }
    },
    output_ctl: ({ spec }) => control(scopes, spec),
  };
}

/** One operation per command, told apart by the key naming its scope. */
function control(scopes: Scopes, spec: CommandSpecs["output_ctl"]): void {
  if (has(spec, "set_scope")) scopes.setScope(spec);
  else if (has(spec, "clear")) scopes.clear(str(spec, "clear"));
  else if (has(spec, "remove")) scopes.remove(str(spec, "remove"));
  else if (has(spec, "scroll_to")) scopes.scrollTo(str(spec, "scroll_to"), str(spec, "position"));
  else console.warn("webio: output_ctl without a known operation", spec);
}
