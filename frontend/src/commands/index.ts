// Every declared command and its handler. The record's type lists every CommandName, so tsc
// fails when a command has no handler here, or a handler names a command nobody declared.

import type { CommandHandlers } from "../dispatcher";
import { Forms } from "../forms/index";
import { Pins } from "../pins/index";
import { Uploads } from "../uploads";
import type { CommandContext, EnvState } from "./context";
import { envCommands } from "./env";
import { formCommands } from "./forms";
import { outputCommands } from "./output";
import { pinCommands } from "./pins";
import { sessionCommands } from "./session";
import { toastCommands } from "./toast";
import { uploadCommands } from "./uploads";

export type { CommandContext } from "./context";

export function commandHandlers(ctx: CommandContext): CommandHandlers {
  const env: EnvState = { autoScrollBottom: false, outputAnimation: false };
  // Shared by several families: an upload reads the files of a form's or a pin's fields.
  const formsView = new Forms(ctx.layout.inputPanel, ctx);
  const pinsView = new Pins(ctx);
  const uploadsRun = new Uploads(ctx);

  const session = sessionCommands(ctx);
  const output = outputCommands(ctx, env, pinsView);
  const forms = formCommands(formsView, uploadsRun);
  const pins = pinCommands(ctx, pinsView);
  const uploads = uploadCommands(formsView, pinsView, uploadsRun);
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
    form_ready: forms.form_ready,
    toast: toast.toast,
    set_env: settings.set_env,
    pin_value: pins.pin_value,
    pin_wait: pins.pin_wait,
    pin_update: pins.pin_update,
    pin_onchange: pins.pin_onchange,
    upload_files: uploads.upload_files,
  };
}
