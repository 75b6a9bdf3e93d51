// `upload_files`: the content of the files picked in the named fields of a task. The task is
// a form (its fields), or else a pin read or wait (the names are pin names).

import type { CommandHandlers } from "../dispatcher";
import type { Forms } from "../forms/index";
import type { FieldView } from "../inputs/index";
import type { Pins } from "../pins/index";
import { strings } from "../read";
import type { UploadField, Uploads } from "../uploads";

export function uploadCommands(
  forms: Forms,
  pins: Pins,
  uploads: Uploads,
): Pick<CommandHandlers, "upload_files"> {
  return {
    upload_files: ({ task_id, spec }) => {
      const form = forms.get(task_id);
      const find = (name: string): FieldView | null | undefined =>
        form ? form.field(name) : pins.get(name);
      const fields: UploadField[] = [];
      for (const name of strings(spec, "names")) {
        const source = find(name)?.upload;
        if (source) fields.push({ name, source });
        else console.warn("webio: upload_files names no file field:", name);
      }
      uploads.start(task_id, fields);
    },
  };
}
