// The app's JavaScript (run_js, eval_js): the code runs in a function whose parameters are the
// app's arguments, and the value of eval_js goes back as JSON data, or as an error saying why
// it cannot.

import type { JsErrorData, JsValueData } from "./generated/protocol";

export type JsResult = JsValueData | JsErrorData;

/**
 * Runs `code` with `args` as local variables; returns its completion value (an expression's
 * value, or the last statement's). Throws what the code throws.
 */
export function runCode(code: string, args: Record<string, unknown>): unknown {
  const names = Object.keys(args);
  // A direct eval inside the function: the code may be statements or an expression, and sees
  // the parameters; the code arrives as a string literal, never spliced into the source.
  const body = "return eval(" + JSON.stringify(code) + ");";
  const fn = new Function(...names, body) as (...values: unknown[]) => unknown;
  return fn(...names.map((name) => args[name]));
}

/** Evaluates `code` (awaiting a Promise) and describes the outcome as a js_result. */
export async function evaluate(
  code: string,
  args: Record<string, unknown>,
  maxSize: number,
): Promise<JsResult> {
  let value: unknown;
  try {
    value = runCode(code, args);
  } catch (err) {
    return failure("thrown", err);
  }
  if (isThenable(value)) {
    try {
      value = await value;
    } catch (err) {
      return failure("rejected", err);
    }
  }
  let data: unknown;
  try {
    data = toJsonData(value, "the value", []);
  } catch (err) {
    return failure("unserializable", err);
  }
  if (maxSize > 0) {
    const size = new TextEncoder().encode(JSON.stringify(data)).length;
    if (size > maxSize) {
      const message = `its JSON is ${size} bytes, over the ${maxSize} the server accepts`;
      return { reason: "unserializable", name: "", message };
    }
  }
  return { value: data };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function failure(reason: JsErrorData["reason"], err: unknown): JsErrorData {
  if (err instanceof Error) return { reason, name: String(err.name), message: String(err.message) };
  let message: string;
  try {
    message = typeof err === "string" ? err : (JSON.stringify(err) ?? String(err));
  } catch {
    message = String(err);
  }
  return { reason, name: "", message };
}

/** What kind of thing `value` is, for a message: "a function", "a HTMLDivElement"... */
function describe(value: unknown): string {
  if (typeof value !== "object" || value === null) return "a " + typeof value;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return "a " + tag;
}

/**
 * `value` as plain JSON data, or an Error naming the part that is not: a function, a symbol, a
 * bigint, a cycle, or an object other than an array or a plain object (a DOM node, a Map, a
 * class instance) unless it has toJSON (a Date). As JSON.stringify does, a non-finite number
 * becomes null, undefined becomes null (and is left out of objects).
 */
export function toJsonData(value: unknown, path: string, parents: object[]): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "undefined":
      return null;
    case "object":
      if (value === null) return null;
      return objectData(value, path, parents);
    default:
      throw new TypeError(`${path} is ${describe(value)}, which is not JSON data`);
  }
}

function objectData(value: object, path: string, parents: object[]): unknown {
  if (parents.indexOf(value) !== -1) {
    throw new TypeError(`${path} contains itself (a cyclic structure), which JSON cannot hold`);
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") {
    return toJsonData(toJSON.call(value), path, parents);
  }
  parents.push(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item, i) => toJsonData(item, `${path}[${i}]`, parents));
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`${path} is ${describe(value)}, not plain data (send its fields)`);
    }
    // No prototype: a "__proto__" key is then a key like any other.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = toJsonData(item, `${path}.${key}`, parents);
    }
    return out;
  } finally {
    parents.pop();
  }
}
