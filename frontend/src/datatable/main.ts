// Entry point of webio-datatable.js: the grid library with every feature of its community
// edition (apps reach them through grid_args and the grid's API), and the datatable factory
// for webio.js (api.ts).

import { AllCommunityModule, ModuleRegistry } from "ag-grid-community";
import { DATATABLE_GLOBAL } from "./api";
import { createDatatable } from "./grid";

ModuleRegistry.registerModules([AllCommunityModule]);
window[DATATABLE_GLOBAL] = createDatatable;
