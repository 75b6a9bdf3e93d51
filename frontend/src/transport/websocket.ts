// WebSocket transport: one socket per session, reconnect with backoff when the
// session allows it. Every socket that opens first sends the events the server has not
// acknowledged, so none is lost with a socket (the server skips what it already has).

import {
  ACK_EVERY,
  CLOSE_SESSION_NOT_FOUND,
  ClientEvent,
  ClientFrame,
  QUERY_ACK,
  QUERY_APP,
  QUERY_SESSION,
} from "../generated/protocol";
import { chunks } from "./batch";
import type { Transport, TransportHost } from "./types";
import { endpointUrl } from "./url";
import { encodeFrame } from "./frame";

const ACK_INTERVAL_MS = 500;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 3000;
/** A re-opened socket counts as stable (ends the reconnect window) after this long. */
const STABLE_AFTER_MS = 1000;
/** How long a connection attempt started just before the deadline may still take. */
const LAST_ATTEMPT_GRACE_MS = 2000;
const CLOSE_NORMAL = 1000;

export class WebSocketTransport implements Transport {
  private readonly app: string;
  private readonly host: TransportHost;
  private socket: WebSocket | null = null;
  private stopped = false;
  private sessionId: string | null = null;
  private reconnectTimeoutS = 0;
  private lastSentAck = 0;
  private ackTimer: number | undefined;
  /** The host was told the connection is lost and not yet that it is back. */
  private reconnecting = false;
  /** End of the current reconnect window (null: no window open). */
  private deadline: number | null = null;
  private backoffMs = BACKOFF_MIN_MS;
  private retryTimer: number | undefined;
  private deadlineTimer: number | undefined;
  private stableTimer: number | undefined;

  constructor(app: string, host: TransportHost) {
    this.app = app;
    this.host = host;
  }

  start(): void {
    this.connect(false);
  }

  setSession(sessionId: string, reconnectTimeout: number): void {
    this.sessionId = sessionId || this.sessionId;
    this.reconnectTimeoutS = reconnectTimeout > 0 ? reconnectTimeout : 0;
  }

  setPullInterval(): void {
    // Polling interval: HTTP only.
  }

  send(events: ClientEvent[]): void {
    // Not open yet: the host keeps them, and they go out when the socket opens.
    if (!this.stopped && this.isOpen()) this.sendEvents(events);
  }

  acked(): void {
    if (this.stopped) return;
    if (this.host.ack() - this.lastSentAck >= ACK_EVERY && this.isOpen()) {
      // The server slows the app once a window of commands waits: keep it moving.
      this.sendFrame(this.host.ack(), []);
      return;
    }
    if (this.ackTimer !== undefined || this.host.ack() <= this.lastSentAck) return;
    this.ackTimer = window.setTimeout(() => {
      this.ackTimer = undefined;
      const ack = this.host.ack();
      if (ack > this.lastSentAck && this.isOpen()) this.sendFrame(ack, []);
    }, ACK_INTERVAL_MS);
  }

  finish(): void {
    if (!this.stopped && this.isOpen()) this.sendFrame(this.host.ack(), []);
    this.stop();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) {
      try {
        socket.close(CLOSE_NORMAL);
      } catch (err) {
        console.error("webio: closing the socket failed", err);
      }
    }
  }

  private isOpen(): boolean {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  private connect(resume: boolean): void {
    const params: Record<string, string | number> = { [QUERY_APP]: this.app };
    /** The ack the URL carries, when it resumes a session. */
    let resumedAck = 0;
    if (resume && this.sessionId !== null) {
      resumedAck = this.host.ack();
      params[QUERY_SESSION] = this.sessionId;
      params[QUERY_ACK] = resumedAck;
    }
    let socket: WebSocket;
    try {
      socket = new WebSocket(endpointUrl(params, "ws"));
    } catch (err) {
      console.error("webio: cannot open the WebSocket", err);
      this.onClose(null);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (socket !== this.socket || this.stopped) return;
      // The URL carried the ack of a resumed session.
      if (resume) this.lastSentAck = Math.max(this.lastSentAck, resumedAck);
      if (this.deadline !== null) {
        // Keep the reconnect window open until the socket proves stable, so a server
        // that accepts and at once drops the socket cannot make us retry forever.
        this.stableTimer = window.setTimeout(() => this.endReconnectWindow(), STABLE_AFTER_MS);
      }
      if (this.reconnecting) {
        this.reconnecting = false;
        this.host.restored();
      }
      this.sendEvents(this.host.pending());
    };
    socket.onmessage = (event: MessageEvent) => {
      if (socket !== this.socket || this.stopped) return;
      this.endReconnectWindow();
      if (typeof event.data === "string") this.host.receive(event.data);
      else console.error("webio: binary frame ignored");
    };
    socket.onclose = (event: CloseEvent) => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.onClose(event.code);
    };
  }

  private onClose(code: number | null): void {
    if (this.stopped) return;
    if (this.stableTimer !== undefined) window.clearTimeout(this.stableTimer);
    this.stableTimer = undefined;
    const canResume =
      code !== CLOSE_SESSION_NOT_FOUND && this.sessionId !== null && this.reconnectTimeoutS > 0;
    if (!canResume) {
      this.giveUp();
      return;
    }
    if (this.deadline === null) {
      this.backoffMs = BACKOFF_MIN_MS;
      this.deadline = Date.now() + this.reconnectTimeoutS * 1000;
      // Guard against an attempt that neither opens nor fails.
      this.deadlineTimer = window.setTimeout(() => {
        this.deadlineTimer = undefined;
        if (!this.isOpen()) this.giveUp();
      }, this.reconnectTimeoutS * 1000 + LAST_ATTEMPT_GRACE_MS);
    }
    if (!this.reconnecting) {
      this.reconnecting = true;
      this.host.lost(true);
    }
    const remaining = this.deadline - Date.now();
    if (remaining <= 0) {
      this.giveUp();
      return;
    }
    // The last attempt is made at the deadline at the latest.
    const delay = Math.min(this.backoffMs, remaining);
    this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX_MS);
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) this.connect(true);
    }, delay);
  }

  /** The connection works again: the next loss starts a fresh reconnect window. */
  private endReconnectWindow(): void {
    if (this.deadline === null) return;
    this.deadline = null;
    this.backoffMs = BACKOFF_MIN_MS;
    for (const timer of [this.deadlineTimer, this.stableTimer]) {
      if (timer !== undefined) window.clearTimeout(timer);
    }
    this.deadlineTimer = this.stableTimer = undefined;
  }

  private giveUp(): void {
    this.stop();
    this.host.lost(false);
  }

  private sendEvents(events: readonly ClientEvent[]): void {
    for (const chunk of chunks(events)) this.sendFrame(this.host.ack(), chunk);
  }

  private sendFrame(ack: number, events: readonly ClientEvent[]): void {
    if (!this.socket) return;
    const frame: ClientFrame = { ack, events: [...events] };
    this.socket.send(encodeFrame(frame));
    this.lastSentAck = Math.max(this.lastSentAck, ack);
  }

  private clearTimers(): void {
    for (const timer of [this.ackTimer, this.retryTimer, this.deadlineTimer, this.stableTimer]) {
      if (timer !== undefined) window.clearTimeout(timer);
    }
    this.ackTimer = this.retryTimer = this.deadlineTimer = this.stableTimer = undefined;
  }
}
