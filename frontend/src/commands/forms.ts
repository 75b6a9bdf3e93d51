// `input_group`, `update_input` and `destroy_form`: forms, named by the command's task_id.

import type { CommandHandlers } from "../dispatcher";
import { Forms } from "../forms";
import type { CommandContext } from "./context";

export function formCommands(
  ctx: CommandContext,
): Pick<CommandHandlers, "input_group" | "update_input" | "destroy_form"> {
  const forms = new Forms(ctx.layout.inputPanel, ctx.send);
  return {
    input_group: (cmd) => forms.show(cmd.task_id, cmd.spec),
    update_input: (cmd) => forms.update(cmd.task_id, cmd.spec),
    destroy_form: (cmd) => forms.destroy(cmd.task_id),
  };
}
