// One datatable: the grid with its records, selection and bars, and the changes commands make
// to its rows. Rows change through the grid's transactions, so sorting and filtering stay
// applied to rows that are added or updated.

import {
  CellFocusedEvent,
  GridApi,
  GridOptions,
  IRowNode,
  RowSelectionOptions,
  SelectionChangedEvent,
  createGrid,
} from "ag-grid-community";
import { el } from "../dom";
import { asText, bool, get, isObject, str } from "../read";
import type { Datatable, DatatableOptions, RowId } from "./api";
import { actionBar, cellBar, cellText } from "./bars";
import { columnDefs, fitColumns } from "./columns";
import { chained, withFunctions } from "./functions";
import { ROW_ID, Row, RowIds, gridRowId, pathOf, treeOfOrder, treeOfRecords, withValueAt } from "./records";
import { followPageTheme, gridTheme, themeChoice } from "./themes";

/** PyWebIO's default height, for a height the browser does not take. */
const DEFAULT_HEIGHT = "600px";

export function createDatatable(options: DatatableOptions): Datatable {
  const { host, spec } = options;
  // The app's own options, functions included (functions.ts says why that is safe).
  const key = str(spec, "js_function_key");
  const gridArgs = asProps(withFunctions(get(spec, "grid_args"), key)) as GridOptions;
  const fieldArgs = asProps(withFunctions(get(spec, "field_args"), key));
  const pathArgs = asList(withFunctions(get(spec, "path_args"), key));
  const records = asList(get(spec, "records"));
  const order = get(spec, "column_order");
  const ids = new RowIds(pathOf(get(spec, "id_field")));
  const labels = asList(get(spec, "actions")).map((label) => (label === null ? null : asText(label)));
  const onSelect = bool(spec, "on_select");
  const multiple = bool(spec, "multiple_select");
  const autoHeight = str(spec, "height").trim() === "auto";

  host.textContent = "";
  const bar = labels.length
    ? actionBar(
        labels,
        (index) => options.act(selectedIds(api), index),
        () => api.deselectAll(),
      )
    : null;
  const cells = bool(spec, "cell_content_bar", true) ? cellBar() : null;
  const box = el("div", "webio-datatable-grid");
  if (!autoHeight) {
    box.style.height = str(spec, "height");
    if (!box.style.height) box.style.height = DEFAULT_HEIGHT;
  }
  if (bar) host.appendChild(bar.element);
  if (cells) host.appendChild(cells.element);
  host.appendChild(box);

  const theme = themeChoice(str(spec, "theme"));
  const selecting = onSelect || labels.length > 0;
  // Handlers take the grid's API from their event: some events come before createGrid returns.
  const selectionChanged = (event: SelectionChangedEvent) => {
    const rows = selectedIds(event.api);
    bar?.selected(rows.length);
    // As in PyWebIO, an emptied selection is not an event: the app's callback gets rows.
    if (onSelect && rows.length > 0) options.act(rows, null);
  };
  const cellFocused = (event: CellFocusedEvent) => {
    if (cells) cells.show(focusedText(event));
  };

  const api = createGrid(box, {
    // Defaults the app may change,
    enableCellTextSelection: true,
    ensureDomOrder: true,
    ...gridArgs,
    // and what the datatable needs.
    columnDefs: columnDefs(order === null || order === undefined ? treeOfRecords(records) : treeOfOrder(order), fieldArgs, pathArgs),
    rowData: records.map((record) => ids.row(record)),
    defaultColDef: { sortable: true, filter: true, resizable: true, ...gridArgs.defaultColDef },
    // Lists (and dicts inside them) are shown as JSON, as in the cell content bar.
    dataTypeDefinitions: {
      object: { baseDataType: "object", extendsDataType: "object", valueFormatter: (params) => cellText(params.value) },
      ...gridArgs.dataTypeDefinitions,
    },
    getRowId: (params) => gridRowId(params.data[ROW_ID]),
    // Fields are paths written as JSON (records.ts), not dotted names.
    suppressFieldDotNotation: true,
    theme: gridTheme(theme),
    // Everything comes from our own files: the page may be offline.
    loadThemeGoogleFonts: false,
    domLayout: autoHeight ? "autoHeight" : gridArgs.domLayout,
    rowSelection: selecting ? selection(multiple, gridArgs.rowSelection) : gridArgs.rowSelection,
    onSelectionChanged: chained(selectionChanged, gridArgs.onSelectionChanged, "onSelectionChanged"),
    onCellFocused: chained(cellFocused, gridArgs.onCellFocused, "onCellFocused"),
    onFirstDataRendered: chained(
      (event) => {
        if (!gridArgs.autoSizeStrategy) fitColumns(event.api, box);
      },
      gridArgs.onFirstDataRendered,
      "onFirstDataRendered",
    ),
  });
  followPageTheme(host, () => api.setGridOption("theme", gridTheme(theme)));

  /** The row of `id`; null (and a warning) when there is none. */
  const rowOf = (id: RowId, command: string): IRowNode<Row> | null => {
    const node = api.getRowNode(gridRowId(id));
    if (!node || !node.data) {
      console.warn("webio: " + command + ": datatable has no row", id);
      return null;
    }
    return node;
  };

  return {
    api,
    update(change) {
      const rowId = get(change, "row_id");
      const field = pathOf(get(change, "field"));
      const data = get(change, "data");
      if (rowId === null || rowId === undefined) {
        if (field !== null || !Array.isArray(data)) {
          console.warn("webio: datatable_update of every row needs a list of records", change);
          return;
        }
        ids.restart();
        api.setGridOption("rowData", data.map((record) => ids.row(record)));
        return;
      }
      const node = rowOf(rowId as RowId, "datatable_update");
      if (!node || !node.data) return;
      // The row keeps its id: the command named it by that id.
      const row = field === null ? ids.row(data, node.data[ROW_ID] as RowId) : withValueAt(node.data, field, data);
      api.applyTransaction({ update: [row] });
    },
    insert(change) {
      const given = get(change, "records");
      const added = (Array.isArray(given) ? given : [given]).map((record) => ids.row(record));
      const before = get(change, "row_id");
      let addIndex: number | null = null;
      if (before !== null && before !== undefined) {
        // The index among the records as given, whatever the sort order shown (the end when
        // there is no such row).
        addIndex = rowOf(before as RowId, "datatable_insert")?.sourceRowIndex ?? null;
      }
      api.applyTransaction({ add: added, addIndex });
    },
    remove(change) {
      const given = get(change, "row_ids");
      const gone: Row[] = [];
      for (const id of Array.isArray(given) ? given : [given]) {
        const node = rowOf(id as RowId, "datatable_remove");
        if (node && node.data) gone.push(node.data);
      }
      if (gone.length) api.applyTransaction({ remove: gone });
    },
  };
}

function selection(multiple: boolean, fromApp: unknown): RowSelectionOptions {
  const app = isObject(fromApp) ? fromApp : {};
  // Several rows: checkboxes (and one in the header to select every row), and a click on a
  // row toggles it as its checkbox does. One row: a click selects it.
  return multiple
    ? {
        checkboxes: true,
        headerCheckbox: true,
        enableClickSelection: true,
        enableSelectionWithoutKeys: true,
        ...app,
        mode: "multiRow",
      }
    : { checkboxes: false, enableClickSelection: true, ...app, mode: "singleRow" };
}

/** Ids of the selected rows, in the order the grid keeps them. */
function selectedIds(api: GridApi): RowId[] {
  const rows: RowId[] = [];
  for (const node of api.getSelectedNodes()) {
    const data: unknown = node.data;
    if (isObject(data)) rows.push(data[ROW_ID] as RowId);
  }
  return rows;
}

/** The whole text of the focused cell, as the grid shows it (its formatter applied). */
function focusedText(event: CellFocusedEvent): string {
  const { api, rowIndex, column, rowPinned } = event;
  if (rowIndex === null || rowIndex === undefined || !column) return "";
  const node =
    rowPinned === "top"
      ? api.getPinnedTopRow(rowIndex)
      : rowPinned === "bottom"
        ? api.getPinnedBottomRow(rowIndex)
        : api.getDisplayedRowAtIndex(rowIndex);
  if (!node) return "";
  return cellText(api.getCellValue({ rowNode: node, colKey: column, useFormatter: true }));
}

function asProps(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
