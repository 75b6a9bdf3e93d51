// The contract between the session logic and a transport (WebSocket or HTTP).

import type { ClientEvent } from "../generated/protocol";

export interface TransportHost {
  /** Highest seq processed so far. */
  ack(): number;
  /** Events not yet acknowledged by the server, in order: sent again after a failure. */
  pending(): readonly ClientEvent[];
  /** Stop sending the events up to `upTo` (the server refused them for good). */
  forget(upTo: number): void;
  /** A server frame (JSON text) arrived. */
  receive(text: string): void;
  /** The connection is down; `reconnecting` while another attempt will be made. */
  lost(reconnecting: boolean): void;
  /** The connection is back after a reconnect. */
  restored(): void;
}

export interface Transport {
  start(): void;
  /** New events are pending (the host numbered them): send them with the current ack. */
  send(events: ClientEvent[]): void;
  /** Commands were processed: the ack moved. */
  acked(): void;
  /** Data of the `session` command. */
  setSession(sessionId: string, reconnectTimeout: number): void;
  /** `set_env` http_pull_interval (ms); only the HTTP transport uses it. */
  setPullInterval(ms: number): void;
  /** Stops for good, quietly: no reconnect, no more callbacks to the host. */
  stop(): void;
  /** The session is over: acknowledge what was processed, then stop. */
  finish(): void;
}
