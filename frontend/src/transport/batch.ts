// Splits events into frames of at most MAX_EVENTS_PER_FRAME.

import { ClientEvent, MAX_EVENTS_PER_FRAME } from "../generated/protocol";

export function chunks(events: readonly ClientEvent[]): ClientEvent[][] {
  const out: ClientEvent[][] = [];
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_FRAME) {
    out.push(events.slice(i, i + MAX_EVENTS_PER_FRAME));
  }
  return out;
}
