// Column definitions from the column tree: a nested dict is a column group, a leaf a column
// whose field is its path. Properties come, later ones winning, from the path args of the
// groups above it, the field args of its key (any column of that name, at any depth), and the
// path args of its own path, as PyWebIO's `column_args` has them.

import type { ColDef, ColGroupDef, GridApi } from "ag-grid-community";
import { isObject } from "../read";
import { ColumnTree, Path, fieldOf, pathOf } from "./records";

type Props = Record<string, unknown>;

export function columnDefs(tree: ColumnTree, fieldArgs: Props, pathArgs: readonly unknown[]): (ColDef | ColGroupDef)[] {
  const byPath = new Map<string, Props>();
  for (const pair of pathArgs) {
    if (!Array.isArray(pair) || pair.length !== 2) continue;
    const path = pathOf(pair[0]);
    if (path !== null && isObject(pair[1])) byPath.set(fieldOf(path), pair[1]);
  }
  return defsOf(tree, [], {}, fieldArgs, byPath);
}

function defsOf(
  tree: ColumnTree,
  prefix: Path,
  inherited: Props,
  fieldArgs: Props,
  byPath: Map<string, Props>,
): (ColDef | ColGroupDef)[] {
  const defs: (ColDef | ColGroupDef)[] = [];
  tree.forEach((sub, name) => {
    const path = [...prefix, name];
    const own = byPath.get(fieldOf(path)) ?? {};
    if (sub !== null) {
      const children = defsOf(sub, path, { ...inherited, ...own }, fieldArgs, byPath);
      defs.push({ headerName: titleOf(name), children });
      return;
    }
    const byName = Object.prototype.hasOwnProperty.call(fieldArgs, name) ? fieldArgs[name] : undefined;
    defs.push({
      headerName: titleOf(name),
      field: fieldOf(path),
      // Readable in the DOM (col-id) and for the app's JavaScript; the grid makes it unique.
      colId: path.join("."),
      ...inherited,
      ...(isObject(byName) ? byName : {}),
      ...own,
    });
  });
  return defs;
}

/** "first_name" -> "First name", as PyWebIO heads its columns. */
export function titleOf(key: string): string {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Content wider than this (a long text) is cut in its column and shown whole in the cell bar. */
const MAX_FITTED_WIDTH = 400;

/**
 * Columns as wide as their content (up to MAX_FITTED_WIDTH), and together at least as wide as
 * the grid; columns the app sized (width, flex) keep their size. A grid that is not shown yet
 * (a hidden tab) has no width to share: it waits until it has one.
 */
export function fitColumns(api: GridApi, box: HTMLElement): void {
  const columns = api.getColumns() ?? [];
  if (columns.some((column) => column.getColDef().flex)) return;
  const fit = () => {
    const free = columns.filter((column) => {
      const def = column.getColDef();
      return !def.hide && !def.width && !def.flex;
    });
    if (free.length) api.autoSizeColumns({ colIds: free.map((column) => column.getColId()), defaultMaxWidth: MAX_FITTED_WIDTH });
    const used = columns.reduce((sum, column) => sum + (column.isVisible() ? column.getActualWidth() : 0), 0);
    if (used < box.clientWidth) api.sizeColumnsToFit();
  };
  if (box.clientWidth > 0) {
    fit();
    return;
  }
  const observer = new ResizeObserver(() => {
    if (box.clientWidth === 0 || api.isDestroyed()) return;
    observer.disconnect();
    fit();
  });
  observer.observe(box);
}
