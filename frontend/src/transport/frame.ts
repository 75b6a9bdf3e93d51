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

/**
 * The frame as text, or as a binary frame in a Blob (a WebSocket message or an HTTP body).
 * The browser takes a Blob's pieces as they are, where an ArrayBuffer is copied again on its
 * way to the network and, while DevTools (or a test driver) watches the page, also handed to
 * it; nor are the pieces first copied into one buffer here.
 */
export function encodeFrame(frame: ClientFrame): string | Blob {
  const header = JSON.stringify(frame);
  const parts = (frame.events ?? []).map((event) => payloads.get(event)).filter(isBuffer);
  if (parts.length === 0) return header;
  const head = new TextEncoder().encode(header);
  const prefix = new Uint8Array(BINARY_FRAME_PREFIX);
  new DataView(prefix.buffer).setUint32(0, head.byteLength);
  return new Blob([prefix, head, ...parts]);
}

/** The Content-Type of a frame's body in an HTTP request. */
export function contentType(body: string | Blob): string {
  return typeof body === "string" ? "application/json" : "application/octet-stream";
}

function isBuffer(value: ArrayBuffer | undefined): value is ArrayBuffer {
  return value !== undefined;
}
