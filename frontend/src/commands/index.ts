// Every declared command and its handler. The record's type lists every CommandName, so tsc
// fails when a command has no handler here, or a handler names a command nobody declared.

import { ActivitySign } from "../activity";
import { Datatables } from "../datatables";
import type { CommandHandlers } from "../dispatcher";
import { Forms } from "../forms/index";
import { Pins } from "../pins/index";
import { Popup } from "../popup";
import { Scopes } from "../scopes";
import { Uploads } from "../uploads";
import { busyCommands, noticedBy } from "./busy";
import type { CommandContext, EnvState } from "./context";
import { datatableCommands } from "./datatable";
import { downloadCommands } from "./download";
import { envCommands } from "./env";
import { formCommands } from "./forms";
import { outputCommands, renderContext } from "./output";
import { pinCommands } from "./pins";
import { popupCommands } from "./popup";
import { ProgressBars, progressCommands } from "./progress";
import { scriptCommands } from "./script";
import { sessionCommands } from "./session";
import { toastCommands } from "./toast";
import { uploadCommands } from "./uploads";

export type { CommandContext } from "./context";

export function commandHandlers(ctx: CommandContext): CommandHandlers {
  const { layout } = ctx;
  const env: EnvState = { autoScrollBottom: false, outputAnimation: false };
  // Shared by several families: an upload reads the files of a form's or a pin's fields; the
  // popup renders outputs and holds a scope as the output area does.
  const formsView = new Forms(layout.inputPanel, ctx);
  const pinsView = new Pins(ctx);
  const uploadsRun = new Uploads(ctx);
  const scopes = new Scopes(layout.root);
  const bars = new ProgressBars();
  const tables = new Datatables(ctx.assets, ctx.send);
  const render = renderContext(ctx, scopes, pinsView, bars, tables);
  const popupView = new Popup(layout.host, layout.container);
  const activity = new ActivitySign(layout.host);

  const session = sessionCommands(ctx);
  const output = outputCommands(env, scopes, render);
  const forms = formCommands(formsView, uploadsRun);
  const pins = pinCommands(ctx, pinsView);
  const uploads = uploadCommands(formsView, pinsView, uploadsRun);
  const toast = toastCommands(ctx);
  const settings = envCommands(ctx, env, formsView);
  const datatable = datatableCommands(tables);
  const progress = progressCommands(bars);
  const popup = popupCommands(popupView, render);
  const download = downloadCommands();
  const script = scriptCommands(ctx);
  const busy = busyCommands(activity);
  return noticedBy(activity, {
    session: session.session,
    close_session: (cmd) => {
      // Nothing is coming any more: no sign says otherwise.
      activity.set(false);
      session.close_session(cmd);
    },
    output: output.output,
    output_ctl: output.output_ctl,
    input_group: forms.input_group,
    update_input: forms.update_input,
    destroy_form: forms.destroy_form,
    form_ready: forms.form_ready,
    toast: toast.toast,
    set_env: settings.set_env,
    datatable_update: datatable.datatable_update,
    datatable_insert: datatable.datatable_insert,
    datatable_remove: datatable.datatable_remove,
    set_progressbar: progress.set_progressbar,
    popup: popup.popup,
    close_popup: popup.close_popup,
    download_start: download.download_start,
    download_chunk: download.download_chunk,
    busy: busy.busy,
    pin_value: pins.pin_value,
    pin_wait: pins.pin_wait,
    pin_update: pins.pin_update,
    pin_onchange: pins.pin_onchange,
    run_script: script.run_script,
    open_app: script.open_app,
    upload_files: uploads.upload_files,
  });
}
