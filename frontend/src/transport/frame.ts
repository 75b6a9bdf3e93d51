// A client frame on the wire: JSON text, or, when events carry bytes (upload chunks), a
// binary frame: the JSON header's length (BINARY_FRAME_PREFIX bytes, big-endian), the header,
// then the events' bytes in their order. Bytes travel as they are: no base64 to build, send
// and decode.

import { BINARY_FRAME_PREFIX, ClientEvent, ClientFrame } from "../generated/protocol";

/** The bytes of events that carry some, kept beside the event (its JSON stays the same). */
const payloads = new WeakMap<ClientEvent, ArrayBuffer>();

export function attachPayload(event: ClientEvent, bytes: ArrayBuffer): void {
  payloads.set(event, bytes);
}

/** The frame as text, or as a binary frame when one of its events carries bytes. */
export function encodeFrame(frame: ClientFrame): string | ArrayBuffer {
  const header = JSON.stringify(frame);
  const parts = (frame.events ?? []).map((event) => payloads.get(event)).filter(isBuffer);
  if (parts.length === 0) return header;
  const head = new TextEncoder().encode(header);
  const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(BINARY_FRAME_PREFIX + head.byteLength + size);
  new DataView(out.buffer).setUint32(0, head.byteLength);
  out.set(head, BINARY_FRAME_PREFIX);
  let at = BINARY_FRAME_PREFIX + head.byteLength;
  for (const part of parts) {
    out.set(new Uint8Array(part), at);
    at += part.byteLength;
  }
  return out.buffer;
}

/** The Content-Type of a frame's body in an HTTP request. */
export function contentType(body: string | ArrayBuffer): string {
  return typeof body === "string" ? "application/json" : "application/octet-stream";
}

function isBuffer(value: ArrayBuffer | undefined): value is ArrayBuffer {
  return value !== undefined;
}
