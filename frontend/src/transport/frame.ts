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

/** The frame as text, or as a binary frame in one buffer when one of its events carries bytes. */
export function encodeFrame(frame: ClientFrame): string | ArrayBuffer {
  const pieces = framePieces(frame);
  if (typeof pieces === "string") return pieces;
  const size = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.byteLength;
  }
  return out.buffer;
}

/**
 * The frame as text, or as a binary frame in a Blob: the body of an HTTP request. The browser
 * takes a Blob's pieces as they are, where an ArrayBuffer body is copied again on its way to
 * the network and, while DevTools (or a test driver) watches the page, also handed to it.
 */
export function encodeFrameBody(frame: ClientFrame): string | Blob {
  const pieces = framePieces(frame);
  return typeof pieces === "string" ? pieces : new Blob(pieces);
}

/** The Content-Type of a frame's body in an HTTP request. */
export function contentType(body: string | Blob): string {
  return typeof body === "string" ? "application/json" : "application/octet-stream";
}

/** The JSON text, or the pieces of a binary frame in order: prefix, header, events' bytes. */
function framePieces(frame: ClientFrame): string | Uint8Array<ArrayBuffer>[] {
  const header = JSON.stringify(frame);
  const parts = (frame.events ?? []).map((event) => payloads.get(event)).filter(isBuffer);
  if (parts.length === 0) return header;
  const head = new TextEncoder().encode(header);
  const prefix = new Uint8Array(BINARY_FRAME_PREFIX);
  new DataView(prefix.buffer).setUint32(0, head.byteLength);
  return [prefix, head, ...parts.map((part) => new Uint8Array(part))];
}

function isBuffer(value: ArrayBuffer | undefined): value is ArrayBuffer {
  return value !== undefined;
}
