// The app's JavaScript functions in field_args, path_args and grid_args (value formatters,
// event handlers...), sent as {<js_function_key>: true, params: [...], body: "..."} with a key
// drawn anew for each datatable.
//
// Why running them is no new power: they come from the app's own Python code (JSFunction),
// which can run any script on its pages anyway (run_js). Records are never read this way: they
// are data, often typed by the app's users, and a record that copies the marker stays a dict.

import { isObject } from "../read";

/** A copy of `value` in which every function marker is the function it describes. */
export function withFunctions(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withFunctions(item, key));
  if (!isObject(value)) return value;
  if (key !== "" && value[key] === true) {
    const made = functionOf(value.params, value.body);
    if (made !== undefined) return made;
  }
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(value)) copy[name] = withFunctions(value[name], key);
  return copy;
}

/** The function, null when its text does not compile (logged), undefined when not a marker. */
function functionOf(params: unknown, body: unknown): ((...args: unknown[]) => unknown) | null | undefined {
  if (!Array.isArray(params) || !params.every((name) => typeof name === "string") || typeof body !== "string") {
    return undefined;
  }
  try {
    return new Function(...(params as string[]), body) as (...args: unknown[]) => unknown;
  } catch (err) {
    console.error("webio: a datatable JSFunction does not compile", err);
    return null;
  }
}

/**
 * Calls `ours`, then the app's handler of the same grid event if it gave one: the datatable
 * needs some events itself, and the app's own handler must still run. Errors of the app's
 * handler are logged, not thrown into the grid.
 */
export function chained<A extends unknown[]>(
  ours: (...args: A) => void,
  theirs: unknown,
  name: string,
): (...args: A) => void {
  if (typeof theirs !== "function") return ours;
  return (...args: A) => {
    ours(...args);
    try {
      theirs(...args);
    } catch (err) {
      console.error("webio: the datatable's " + name + " handler failed", err);
    }
  };
}
