// Records as the grid sees them. The grid knows no nested rows, so a record
// {"a": {"b": 1}, "c": 2} becomes the flat row {'["a","b"]': 1, '["c"]': 2}: a field is its path
// of keys written as JSON, which no key can make ambiguous (keys may hold dots or any separator).
// A row carries its id under ROW_ID, a name no path can take (their JSON starts with "[").

import { isObject } from "../read";
import type { RowId } from "./api";

export type Path = readonly string[];
export type Row = Record<string, unknown>;

/** The column tree: each name leads to its sub-columns, or to null for a leaf. */
export type ColumnTree = Map<string, ColumnTree | null>;

export const ROW_ID = "webio:row-id";

/** The grid's field name of a path. */
export function fieldOf(path: Path): string {
  return JSON.stringify(path);
}

/** A path from the wire: a list of strings (a lone string is a path of one key), else null. */
export function pathOf(value: unknown): string[] | null {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value) || value.length === 0) return null;
  return value.every((key): key is string => typeof key === "string") ? value : null;
}

/** The record's fields (nested dicts followed) written into `row`. */
export function flatten(record: unknown, row: Row = {}, prefix: readonly string[] = []): Row {
  if (!isObject(record)) return row;
  for (const key of Object.keys(record)) {
    const value = record[key];
    const path = [...prefix, key];
    if (isObject(value)) flatten(value, row, path);
    else row[fieldOf(path)] = value;
  }
  return row;
}

/** A copy of the row whose field at `path` is `value`: a dict replaces every field below it. */
export function withValueAt(row: Row, path: Path, value: unknown): Row {
  const exact = fieldOf(path);
  // The JSON of a path below ["a"] starts with '["a",'.
  const below = exact.slice(0, -1) + ",";
  const copy: Row = {};
  for (const key of Object.keys(row)) {
    if (key !== exact && !key.startsWith(below)) copy[key] = row[key];
  }
  if (isObject(value)) flatten(value, copy, path);
  else copy[exact] = value;
  return copy;
}

/** The value at `path` of a (nested) record, undefined when it has none. */
export function valueAt(record: unknown, path: Path): unknown {
  let value = record;
  for (const key of path) {
    if (!isObject(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * The columns named by `column_order`, a tree of names whose leaves are anything but a dict
 * (PyWebIO's list of names is accepted too).
 */
export function treeOfOrder(order: unknown): ColumnTree {
  const tree: ColumnTree = new Map();
  if (Array.isArray(order)) {
    for (const name of order) if (typeof name === "string") tree.set(name, null);
  } else if (isObject(order)) {
    for (const name of Object.keys(order)) {
      const sub = order[name];
      tree.set(name, isObject(sub) || Array.isArray(sub) ? treeOfOrder(sub) : null);
    }
  }
  return tree;
}

/**
 * The columns of the records: the first record's, in its order, then any that later records
 * add, so that no field is hidden because the first record lacks it.
 */
export function treeOfRecords(records: readonly unknown[]): ColumnTree {
  const tree: ColumnTree = new Map();
  for (const record of records) addColumns(tree, record);
  return tree;
}

function addColumns(tree: ColumnTree, record: unknown): void {
  if (!isObject(record)) return;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (isObject(value)) {
      let sub = tree.get(key);
      if (!sub) {
        sub = new Map();
        tree.set(key, sub);
      }
      addColumns(sub, value);
    } else if (!tree.has(key)) {
      tree.set(key, null);
    }
  }
}

/**
 * Row ids: the value of the `id_field` path, or a number. Numbers count from 0 in the order of
 * the records, and go on counting for rows inserted later, so that an id is never given twice.
 */
export class RowIds {
  private readonly idField: Path | null;
  private next = 0;
  private warned = false;

  constructor(idField: Path | null) {
    this.idField = idField;
  }

  /** Numbering starts again (every record was replaced). */
  restart(): void {
    this.next = 0;
  }

  idOf(record: unknown): RowId {
    if (this.idField !== null) {
      const value = valueAt(record, this.idField);
      if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return value;
      if (!this.warned) {
        this.warned = true;
        console.warn("webio: datatable record without a string or number id_field; numbered", record);
      }
    }
    return this.next++;
  }

  /** The grid row of a record, with its id. */
  row(record: unknown, id: RowId = this.idOf(record)): Row {
    const row = flatten(record);
    row[ROW_ID] = id;
    return row;
  }
}

/** The grid's id of a row: a string, so the number 1 and the string "1" name the same row. */
export function gridRowId(id: RowId): string {
  return String(id);
}
