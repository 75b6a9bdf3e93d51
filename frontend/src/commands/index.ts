// Every declared command and its handler. The record's type lists every CommandName, so tsc
// fails when a command has no handler here, or a handler names a command nobody declared.

import type { CommandHandlers } from "../dispatcher";
import type { CommandContext, EnvState } from "./context";
import { envCommands } from "./env";
import { formCommands } from "./forms";
import { outputCommands } from "./output";
import { sessionCommands } from "./session";
import { toastCommands } from "./toast";

export type { CommandContext } from "./context";

export function commandHandlers(ctx: CommandContext): CommandHandlers {
  const env: EnvState = { autoScrollBottom: false, outputAnimation: false };
  const session = sessionCommands(ctx);
  const output = outputCommands(ctx, env);
  const forms = formCommands(ctx);
  const toast = toastCommands(ctx);
  const settings = envCommands(ctx, env);
  return {
    session: session.session,
    close_session: session.close_session,
    output: output.output,
    output_ctl: output.output_ctl,
    input_group: forms.input_group,
    update_input: forms.update_input,
    destroy_form: forms.destroy_form,
    toast: toast.toast,
    set_env: settings.set_env,
  };
}
