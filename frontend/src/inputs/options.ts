// The options of a choice field (select, checkbox, radio): read from a spec or an update, and
// the indices the field sends. An option is sent by its index, never by a value of its own.

import type { OptionSpec } from "../generated/protocol";
import { bool, slots, str } from "../read";

export interface Choice {
  label: string;
  selected: boolean;
  disabled: boolean;
}

/** Every entry keeps its place, a malformed one as an empty option: the index is the value. */
export function readOptions(source: { options?: OptionSpec[] }): Choice[] {
  return slots(source, "options").map((option) => ({
    label: str(option, "label"),
    selected: bool(option, "selected"),
    disabled: bool(option, "disabled"),
  }));
}

/** update_input's value for a choice field: one index, a list of them, or none. */
export function readIndices(value: unknown): Set<number> {
  const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return new Set(items.filter((item): item is number => Number.isSafeInteger(item) && item >= 0));
}
