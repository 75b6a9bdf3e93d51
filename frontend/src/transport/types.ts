// The contract between the session logic and a transport (WebSocket or HTTP).

import type { ClientEvent } from "../generated/protocol";

export interface TransportHost {
  /** Highest seq processed so far. */
  ack(): number;
  /** A server frame (JSON text) arrived. */
  receive(text: string): void;
  /** The connection is down; `reconnecting` while another attempt will be made. */
  lost(reconnecting: boolean): void;
  /** The connection is back after a reconnect. */
  restored(): void;
}

export interface Transport {
  start(): void;
  /** Sends events (with the current ack). */
  send(events: ClientEvent[]): void;
  /** Commands were processed: the ack moved. */
  acked(): void;
  /** Data of the `session` command. */
  setSession(sessionId: string, reconnectTimeout: number): void;
  /** `set_env` http_pull_interval (ms); only the HTTP transport uses it. */
  setPullInterval(ms: number): void;
  /** Stops for good, quietly: no reconnect, no more callbacks to the host. */
  stop(): void;
}
