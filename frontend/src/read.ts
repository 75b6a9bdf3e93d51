// Typed readers for specs from the server. The generated interfaces say what a spec should
// hold, but a spec is only ever checked at this point: a value of the wrong type falls back
// to a default instead of throwing. Keys are typed, so renaming a key in the Python
// declarations breaks `tsc` here rather than silently reading `undefined`.

/** Keys of T that every member of a union T has. */
type CommonKey<T> = keyof T & string;

/** Keys of T whose declared type admits a V (any key declared `unknown`). */
export type KeyFor<T, V> = {
  [K in keyof T]-?: unknown extends T[K] ? K : [Extract<T[K], V>] extends [never] ? never : K;
}[keyof T] &
  CommonKey<T>;

/** Keys of any member of a union T. */
type AnyKey<T> = T extends unknown ? keyof T & string : never;

/** The members of a union T that declare key K. */
type Having<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T : never) : never;

type ItemOf<A> = A extends readonly (infer E)[] ? E : never;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own properties only: a key like "constructor" must not reach Object.prototype. */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Narrows `value` to one of the generated name lists (COMMAND_NAMES, OUTPUT_TYPES, ...). */
export function isOneOf<N extends string>(names: readonly N[], value: string): value is N {
  return (names as readonly string[]).indexOf(value) !== -1;
}

function field(spec: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(spec, key)
    ? (spec as Record<string, unknown>)[key]
    : undefined;
}

/** Whether the spec carries `key` at all; narrows a union spec to the members declaring it. */
export function has<T extends object, K extends AnyKey<T>>(
  spec: T,
  key: K,
): spec is Having<T, K> & Record<K, unknown> {
  return Object.prototype.hasOwnProperty.call(spec, key);
}

/** The raw value, for the callers that check it themselves. */
export function get<T extends object>(spec: T, key: CommonKey<T>): unknown {
  return field(spec, key);
}

/** Text of a scalar (numbers and booleans are written out), `fallback` for anything else. */
export function asText(value: unknown, fallback = ""): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fallback;
}

export function str<T extends object>(spec: T, key: KeyFor<T, string>, fallback = ""): string {
  return asText(field(spec, key), fallback);
}

/** A string, or null when the value is not one. */
export function optStr<T extends object>(spec: T, key: KeyFor<T, string>): string | null {
  const value = field(spec, key);
  return typeof value === "string" ? value : null;
}

/** Absent and null give `fallback`; anything else its truthiness. */
export function bool<T extends object>(
  spec: T,
  key: KeyFor<T, boolean>,
  fallback = false,
): boolean {
  const value = field(spec, key);
  if (typeof value === "boolean") return value;
  return value === undefined || value === null ? fallback : Boolean(value);
}

export function int<T extends object>(spec: T, key: KeyFor<T, number>, fallback: number): number {
  const value = field(spec, key);
  return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : fallback;
}

export function num<T extends object>(spec: T, key: KeyFor<T, number>): number | null {
  const value = field(spec, key);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The value when it is one of `choices` (tsc checks them against the declared type), else null. */
export function choice<T extends object, K extends CommonKey<T>>(
  spec: T,
  key: K,
  choices: readonly NonNullable<T[K]>[],
): NonNullable<T[K]> | null {
  const value = field(spec, key);
  const known = (choices as readonly unknown[]).indexOf(value) !== -1;
  return known ? (value as NonNullable<T[K]>) : null;
}

/** A nested spec object, or null when the value is not an object. */
export function obj<T extends object, K extends KeyFor<T, object>>(
  spec: T,
  key: K,
): Extract<NonNullable<T[K]>, object> | null {
  const value = field(spec, key);
  return isObject(value) ? (value as Extract<NonNullable<T[K]>, object>) : null;
}

/** The object entries of a list; other entries are dropped. */
export function objects<T extends object, K extends KeyFor<T, readonly unknown[]>>(
  spec: T,
  key: K,
): ItemOf<NonNullable<T[K]>>[] {
  const value = field(spec, key);
  const items = Array.isArray(value) ? value.filter(isObject) : [];
  return items as ItemOf<NonNullable<T[K]>>[];
}

/**
 * Every entry of a list, a non-object read as an empty spec: for lists whose positions matter
 * (a button is sent back by its index).
 */
export function slots<T extends object, K extends KeyFor<T, readonly unknown[]>>(
  spec: T,
  key: K,
): ItemOf<NonNullable<T[K]>>[] {
  const value = field(spec, key);
  const items = Array.isArray(value) ? value.map((item) => (isObject(item) ? item : {})) : [];
  return items as ItemOf<NonNullable<T[K]>>[];
}

/** The string entries of a list; other entries are dropped. */
export function strings<T extends object>(spec: T, key: KeyFor<T, readonly unknown[]>): string[] {
  const value = field(spec, key);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
