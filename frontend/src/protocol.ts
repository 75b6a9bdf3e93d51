// Shapes of the wire protocol (see docs/protocol.md) and the checks applied to what
// the server sends before anything acts on it.

import { PROTOCOL_VERSION } from "./generated/protocol";

export { MAX_EVENTS_PER_FRAME, PROTOCOL_VERSION } from "./generated/protocol";

/** Major version this client speaks. */
export const PROTOCOL_MAJOR = Number(PROTOCOL_VERSION.split(".")[0]);

export type Spec = Record<string, unknown>;

export interface Command {
  seq: number;
  command: string;
  task_id: string;
  spec: Spec;
}

export type EventName = "from_submit" | "input_event" | "callback";

export interface ClientEvent {
  event: EventName;
  task_id: string;
  data: unknown;
}

export interface ClientFrame {
  ack: number;
  events: ClientEvent[];
  close?: boolean;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Major number of a "X.Y" version string, or NaN when it is not one. */
export function majorOf(version: unknown): number {
  if (typeof version !== "string" && typeof version !== "number") return NaN;
  const match = /^\s*(\d+)(?:\.\d+)*\s*$/.exec(String(version));
  return match ? Number(match[1]) : NaN;
}

/**
 * Checks one command object. Returns the normalised command, or null when its shape
 * is wrong (the caller logs and skips it).
 */
export function toCommand(raw: unknown): Command | null {
  if (!isObject(raw)) return null;
  const { seq, command, task_id: taskId, spec } = raw;
  if (typeof seq !== "number" || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (typeof command !== "string" || command === "") return null;
  if (taskId !== undefined && taskId !== null && typeof taskId !== "string") return null;
  if (spec !== undefined && spec !== null && !isObject(spec)) return null;
  return {
    seq,
    command,
    task_id: typeof taskId === "string" ? taskId : "",
    spec: isObject(spec) ? spec : {},
  };
}

/**
 * Parses a server frame (JSON array of commands). Returns null when the frame as a
 * whole is unusable; individual bad entries come back as null items.
 */
export function parseFrame(text: string): (Command | null)[] | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  return data.map(toCommand);
}

/** Typed readers for spec fields: wrong types fall back to the default. */
export function str(spec: Spec, key: string, fallback = ""): string {
  const value = spec[key];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fallback;
}

export function bool(spec: Spec, key: string, fallback = false): boolean {
  const value = spec[key];
  return typeof value === "boolean" ? value : value === undefined || value === null ? fallback : Boolean(value);
}

export function int(spec: Spec, key: string, fallback: number): number {
  const value = spec[key];
  return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : fallback;
}

export function num(spec: Spec, key: string): number | null {
  const value = spec[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function optStr(spec: Spec, key: string): string | null {
  const value = spec[key];
  return typeof value === "string" ? value : null;
}

export function list(spec: Spec, key: string): unknown[] {
  const value = spec[key];
  return Array.isArray(value) ? value : [];
}
