// The contract between webio.js and the datatable bundle (webio-datatable.js, the grid library
// and our use of it), which is loaded only when a page first shows a datatable: the bundle
// registers a factory on window under DATATABLE_GLOBAL. Only types cross the boundary, so
// webio.js holds no grid code.

import type { GridApi } from "ag-grid-community";
import type { CommandSpecs, EventData, OutputOf } from "../generated/protocol";

/** File name of the datatable bundle, appended to the page's static prefix. */
export const DATATABLE_FILE = "webio-datatable.js";
/** Where the bundle leaves its factory. */
export const DATATABLE_GLOBAL = "webioDatatable";

export type RowId = EventData["datatable_action"]["rows"][number];

export interface DatatableOptions {
  /** The output element: the bundle replaces what it holds (the loading sign) with the table. */
  host: HTMLElement;
  spec: OutputOf<"datatable">;
  /** The selection changed (`action` null) or action button number `action` was clicked. */
  act(rows: RowId[], action: number | null): void;
}

export interface Datatable {
  /** The grid's own API, for the app's JavaScript (`ag_grid_<instance_id>_promise`). */
  readonly api: GridApi;
  update(spec: CommandSpecs["datatable_update"]): void;
  insert(spec: CommandSpecs["datatable_insert"]): void;
  remove(spec: CommandSpecs["datatable_remove"]): void;
}

export type DatatableFactory = (options: DatatableOptions) => Datatable;

declare global {
  interface Window {
    webioDatatable?: DatatableFactory;
  }
}
