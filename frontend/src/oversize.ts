// An event larger than the server takes (its max_payload_size, from the page configuration)
// is not sent. The server would drop the frame, and over a WebSocket every later event with
// it, since events must arrive in order; the person is told instead, and can send less.

import type { ClientEvent } from "./generated/protocol";
import { encodeFrame } from "./transport/frame";

/** Bytes of the frame that would carry `event` alone. */
export function frameBytes(event: ClientEvent, ack: number): number {
  const frame = encodeFrame({ ack, events: [event] });
  return typeof frame === "string" ? new TextEncoder().encode(frame).byteLength : frame.size;
}

/** What the person reads when an answer of `size` bytes is over `limit`. */
export function tooLargeText(size: number, limit: number): string {
  return "Not sent: this is " + readable(size) + ", and the page accepts " + readable(limit) + ".";
}

function readable(bytes: number): string {
  if (bytes < 1024) return bytes + " bytes";
  if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + " KB";
  return (bytes / (1024 * 1024)).toFixed(1) + " MB";
}
