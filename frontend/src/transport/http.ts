// HTTP transport: single-flight polling plus POSTed events.

import {
  ClientFrame,
  MAX_EVENTS_PER_FRAME,
  MORE_HEADER,
  MORE_VALUE,
  NEW_SESSION,
  QUERY_ACK,
  QUERY_APP,
  SESSION_HEADER,
  STATUS_SESSION_GONE,
} from "../generated/protocol";
import type { Transport, TransportHost } from "./types";
import { endpointUrl } from "./url";
import { contentType, encodeFrame } from "./frame";

/** Value of MORE_HEADER on a partial reply (docs/protocol.md; no generated constant yet). */
/** Answers that mean the session is gone for good (webio-core answers 410). */
const GONE_STATUSES = [STATUS_SESSION_GONE, 404];
const DEFAULT_PULL_INTERVAL_MS = 1000;
const MIN_PULL_INTERVAL_MS = 50;
/** Poll again this soon after a POST was answered. */
const FOLLOW_UP_MS = 100;
/**
 * Consecutive failed requests before the connection counts as lost: the page then says it is
 * reconnecting, and keeps polling for as long as the server keeps the session.
 */
const MAX_FAILURES = 4;
/** Wait before sending events again after a failed POST; doubles with each failure. */
const RETRY_MIN_MS = 250;

/** ok; failed (try again); refused (4xx: the request itself is wrong); gone (no session). */
type Outcome = "ok" | "failed" | "refused" | "gone";

export class HttpTransport implements Transport {
  private readonly app: string;
  private readonly host: TransportHost;
  private sessionId: string | null = null;
  private intervalMs = DEFAULT_PULL_INTERVAL_MS;
  private stopped = false;
  private polling = false;
  private pollSoon = false;
  /** The last reply said more commands are waiting. */
  private morePending = false;
  private pollTimer: number | undefined;
  private pollDue = Infinity;
  private failures = 0;
  /** Seconds the server keeps a session without requests (its `reconnect_timeout`). */
  private retryWindowS = 0;
  /** While the connection is lost: when to stop trying (ms since the epoch). */
  private retryDeadline: number | null = null;
  private posting = false;
  /** A post() is queued to run after the current code (see send). */
  private postQueued = false;
  private retryTimer: number | undefined;

  constructor(app: string, host: TransportHost) {
    this.app = app;
    this.host = host;
  }

  start(): void {
    window.addEventListener("pagehide", this.onPageHide);
    this.schedulePoll(0);
  }

  setSession(sessionId: string, reconnectTimeout: number): void {
    if (this.sessionId === null && sessionId) this.sessionId = sessionId;
    if (Number.isFinite(reconnectTimeout) && reconnectTimeout > 0) {
      this.retryWindowS = reconnectTimeout;
    }
  }

  setPullInterval(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.intervalMs = Math.max(MIN_PULL_INTERVAL_MS, ms);
  }

  send(): void {
    // The host keeps the events until a reply acknowledges them: post() sends what is pending.
    // It runs once the code sending them is done, so events sent in one go (a window of upload
    // chunks) share one request rather than the first going alone.
    if (this.stopped || this.postQueued) return;
    this.postQueued = true;
    queueMicrotask(() => {
      this.postQueued = false;
      void this.post();
    });
  }

  finish(): void {
    if (!this.stopped && this.sessionId !== null) this.postQuietly({ ack: this.host.ack() });
    this.stop();
  }

  acked(): void {
    // Every poll carries the ack.
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const timer of [this.pollTimer, this.retryTimer]) {
      if (timer !== undefined) window.clearTimeout(timer);
    }
    this.pollTimer = this.retryTimer = undefined;
    window.removeEventListener("pagehide", this.onPageHide);
  }

  private readonly onPageHide = (event: PageTransitionEvent): void => {
    // A page kept in the back/forward cache may come back: keep its session.
    if (event.persisted || this.stopped || this.sessionId === null) return;
    this.postQuietly({ ack: this.host.ack(), events: [], close: true });
    this.stop();
  };

  /** A last frame, sent even while the page goes away, whose answer nobody reads. */
  private postQuietly(frame: ClientFrame): void {
    if (this.sessionId === null) return;
    fetch(endpointUrl({ [QUERY_APP]: this.app }), {
      method: "POST",
      keepalive: true,
      credentials: "same-origin",
      headers: { [SESSION_HEADER]: this.sessionId, "Content-Type": "application/json" },
      body: JSON.stringify(frame),
    }).catch(() => undefined);
  }

  private schedulePoll(delayMs: number): void {
    if (this.stopped) return;
    if (this.polling) {
      if (delayMs < this.intervalMs) this.pollSoon = true;
      return;
    }
    const due = Date.now() + delayMs;
    if (this.pollTimer !== undefined) {
      if (this.pollDue <= due) return;
      window.clearTimeout(this.pollTimer);
    }
    this.pollDue = due;
    this.pollTimer = window.setTimeout(() => {
      this.pollTimer = undefined;
      this.pollDue = Infinity;
      void this.poll();
    }, delayMs);
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.polling) return;
    this.polling = true;
    this.pollSoon = false;
    this.morePending = false;
    let outcome: Outcome;
    try {
      const url = endpointUrl({ [QUERY_APP]: this.app, [QUERY_ACK]: this.host.ack() });
      const response = await fetch(url, {
        method: "GET",
        cache: "no-store",
        credentials: "same-origin",
        headers: { [SESSION_HEADER]: this.sessionId ?? NEW_SESSION },
      });
      outcome = await this.handle(response);
    } catch (err) {
      console.error("webio: poll failed", err);
      outcome = "failed";
    }
    this.polling = false;
    // A poll carries no events to give up on: a refused one counts as a failure.
    if (outcome === "refused") outcome = "failed";
    if (this.settle(outcome)) {
      this.schedulePoll(this.morePending ? 0 : this.pollSoon ? FOLLOW_UP_MS : this.intervalMs);
      void this.post();
    }
  }

  /**
   * Sends the pending events: all of them again after a failure, with their numbers, so the
   * server applies each once whether or not the failed request reached it.
   */
  private async post(): Promise<void> {
    const pending = this.host.pending();
    if (this.posting || this.stopped || this.sessionId === null || pending.length === 0) return;
    if (this.retryTimer !== undefined) return;
    this.posting = true;
    const events = pending.slice(0, MAX_EVENTS_PER_FRAME);
    const frame: ClientFrame = { ack: this.host.ack(), events };
    const body = encodeFrame(frame);
    let outcome: Outcome;
    try {
      const response = await fetch(endpointUrl({ [QUERY_APP]: this.app }), {
        method: "POST",
        cache: "no-store",
        credentials: "same-origin",
        headers: { [SESSION_HEADER]: this.sessionId, "Content-Type": contentType(body) },
        body,
      });
      outcome = await this.handle(response);
    } catch (err) {
      console.error("webio: sending events failed", err);
      outcome = "failed";
    }
    this.posting = false;
    if (outcome === "refused") {
      // The server will never take these: sending them again would loop.
      const last = events[events.length - 1].seq;
      console.error("webio: the server refused events " + events[0].seq + " to " + last);
      this.host.forget(last);
      outcome = "ok";
    }
    if (!this.settle(outcome)) return;
    if (outcome === "failed") {
      const delay = RETRY_MIN_MS * 2 ** (this.failures - 1);
      this.retryTimer = window.setTimeout(() => {
        this.retryTimer = undefined;
        void this.post();
      }, delay);
      return;
    }
    this.schedulePoll(this.morePending ? 0 : FOLLOW_UP_MS);
    void this.post();
  }

  /** Reads one poll or POST answer and hands its frame to the host. */
  private async handle(response: Response): Promise<Outcome> {
    if (GONE_STATUSES.indexOf(response.status) !== -1) return "gone";
    if (!response.ok) {
      console.error("webio: server answered HTTP " + response.status);
      return response.status >= 400 && response.status < 500 ? "refused" : "failed";
    }
    if (this.sessionId === null) {
      const id = response.headers.get(SESSION_HEADER);
      if (!id || id === NEW_SESSION) {
        console.error("webio: the server gave no session id");
        return "failed";
      }
      this.sessionId = id;
    }
    // Fetch the rest of a long burst at once rather than after the poll interval.
    if (response.headers.get(MORE_HEADER) === MORE_VALUE) this.morePending = true;
    const text = await response.text();
    if (this.stopped) return "ok";
    if (text.trim() !== "") this.host.receive(text);
    return "ok";
  }

  /** Counts failures; returns whether the transport goes on. */
  private settle(outcome: Outcome): boolean {
    if (this.stopped) return false;
    if (outcome === "ok") {
      this.failures = 0;
      if (this.retryDeadline !== null) {
        this.retryDeadline = null;
        this.host.restored();
      }
      return true;
    }
    if (outcome === "failed") {
      this.failures += 1;
      if (this.failures < MAX_FAILURES) return true;
      if (this.keepTrying()) return true;
    }
    this.stop();
    this.host.lost(false);
    return false;
  }

  /**
   * After MAX_FAILURES failures in a row, a page with a session goes on polling (the server
   * may be restarting, or a proxy between) until the server would have dropped the session.
   */
  private keepTrying(): boolean {
    if (this.sessionId === null || this.retryWindowS <= 0) return false;
    if (this.retryDeadline === null) {
      this.retryDeadline = Date.now() + this.retryWindowS * 1000;
      this.host.lost(true);
    }
    return Date.now() < this.retryDeadline;
  }
}
