// `datatable_update`, `datatable_insert`, `datatable_remove`: changes to the rows of a
// datatable named by its instance_id (datatables.ts finds it, waiting for it if it is loading).

import type { Datatables } from "../datatables";
import type { CommandHandlers } from "../dispatcher";
import { str } from "../read";

export function datatableCommands(
  tables: Datatables,
): Pick<CommandHandlers, "datatable_update" | "datatable_insert" | "datatable_remove"> {
  return {
    datatable_update: ({ spec }) =>
      tables.change(str(spec, "instance_id"), "datatable_update", (table) => table.update(spec)),
    datatable_insert: ({ spec }) =>
      tables.change(str(spec, "instance_id"), "datatable_insert", (table) => table.insert(spec)),
    datatable_remove: ({ spec }) =>
      tables.change(str(spec, "instance_id"), "datatable_remove", (table) => table.remove(spec)),
  };
}
