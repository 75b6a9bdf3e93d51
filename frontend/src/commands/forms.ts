// `input_group`, `update_input`, `destroy_form` and `form_ready`: forms, named by the
// command's task_id. A form's upload stops when the form goes or is ready again.

import type { CommandHandlers } from "../dispatcher";
import type { Forms } from "../forms/index";
import type { Uploads } from "../uploads";

export function formCommands(
  forms: Forms,
  uploads: Uploads,
): Pick<CommandHandlers, "input_group" | "update_input" | "destroy_form" | "form_ready"> {
  return {
    input_group: (cmd) => {
      uploads.stop(cmd.task_id);
      forms.show(cmd.task_id, cmd.spec);
    },
    update_input: (cmd) => forms.update(cmd.task_id, cmd.spec),
    destroy_form: (cmd) => {
      uploads.stop(cmd.task_id);
      forms.destroy(cmd.task_id);
    },
    form_ready: (cmd) => {
      uploads.stop(cmd.task_id);
      forms.ready(cmd.task_id);
    },
  };
}
