// `pin_value`, `pin_wait`, `pin_update` and `pin_onchange`: the app reading and watching
// the pins of the page by name.

import type { CommandHandlers } from "../dispatcher";
import type { Pins } from "../pins/index";
import { bool, num, obj, optStr, str, strings } from "../read";
import type { CommandContext } from "./context";

export function pinCommands(
  ctx: CommandContext,
  pins: Pins,
): Pick<CommandHandlers, "pin_value" | "pin_wait" | "pin_update" | "pin_onchange"> {
  return {
    pin_value: ({ task_id, spec }) => {
      const value = pins.read(str(spec, "name"));
      ctx.send("pin_value", task_id, value === undefined ? null : { value });
    },
    pin_wait: ({ task_id, spec }) =>
      pins.watchers.wait(task_id, strings(spec, "names"), num(spec, "timeout")),
    pin_update: ({ spec }) => pins.update(str(spec, "name"), obj(spec, "attributes") ?? {}),
    pin_onchange: ({ spec }) =>
      pins.watchers.onChange(str(spec, "name"), optStr(spec, "callback_id"), bool(spec, "clear")),
  };
}
