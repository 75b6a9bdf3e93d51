// The checks applied to a server frame before anything acts on it, and the typed shapes the
// rest of the client works with. Names and specs come from generated/protocol.ts.

import {
  ClientEvent,
  CommandName,
  CommandSpecs,
  EventData,
  EventName,
  PROTOCOL_VERSION,
} from "./generated/protocol";
import { isObject } from "./read";

/** Major version this client speaks. */
export const PROTOCOL_MAJOR = Number(PROTOCOL_VERSION.split(".")[0]);

/** A command as received: its name is not yet known to be one of ours. */
export interface RawCommand {
  seq: number;
  command: string;
  task_id: string;
  spec: Record<string, unknown>;
}

/** A command whose name is declared; its spec is still only as trustworthy as the server. */
export interface CommandOf<K extends CommandName> {
  seq: number;
  command: K;
  task_id: string;
  spec: CommandSpecs[K];
}

/**
 * Sends one event; the data type follows the event name. Returns the event's seq (0 when the
 * session sends nothing any more), for those who wait for its acknowledgement.
 */
export type Send = <K extends EventName>(
  event: K,
  taskId: string,
  data: EventData[K],
  payload?: ArrayBuffer,
) => number;

export function clientEvent<K extends EventName>(
  seq: number,
  event: K,
  taskId: string,
  data: EventData[K],
): ClientEvent {
  // TypeScript cannot see that a generic K picks one member of the ClientEvent union.
  return { seq, event, task_id: taskId, data } as ClientEvent;
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
export function toCommand(raw: unknown): RawCommand | null {
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

/** A server frame as received: bad commands come back as null items. */
export interface RawFrame {
  /** The highest event seq the server received. */
  ack: number;
  commands: (RawCommand | null)[];
}

/** Parses a server frame; null when the frame as a whole is unusable. */
export function parseFrame(text: string): RawFrame | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(data) || !Array.isArray(data.commands)) return null;
  const ack = typeof data.ack === "number" && Number.isSafeInteger(data.ack) ? data.ack : 0;
  return { ack, commands: data.commands.map(toCommand) };
}
