// One browser session: receives frames, drops duplicates by seq, dispatches commands and
// sends events back through the transport. Events are numbered and kept until a server frame
// acknowledges them, so a transport can send them again after a failure and the server applies
// each once. Connection states live here; what each command does lives in commands/.

import { pageAssets } from "./assets";
import { commandHandlers } from "./commands/index";
import type { PageConfig } from "./config";
import { Dispatcher } from "./dispatcher";
import type { ClientEvent, EventData, EventName } from "./generated/protocol";
import type { Layout } from "./layout";
import { PROTOCOL_MAJOR, clientEvent, majorOf, parseFrame } from "./protocol";
import { frameBytes, tooLargeText } from "./oversize";
import { StatusBanner, versionMismatchText } from "./status";
import { attachPayload } from "./transport/frame";
import { HttpTransport } from "./transport/http";
import type { Transport, TransportHost } from "./transport/types";
import { WebSocketTransport } from "./transport/websocket";

type State = "running" | "reconnecting" | "closed" | "lost" | "refused";

export class Client {
  private readonly config: PageConfig;
  private readonly layout: Layout;
  private readonly dispatcher = new Dispatcher();
  private readonly transport: Transport;
  private readonly status: StatusBanner;
  private state: State = "running";
  /** Highest seq processed. */
  private lastSeq = 0;
  /** Events sent and not yet acknowledged by the server, in order. */
  private unacked: ClientEvent[] = [];
  private nextEventSeq = 1;
  /** Who waits for the server to acknowledge an event (uploads, to keep their window). */
  private ackWaiters: { seq: number; settle: (acked: boolean) => void }[] = [];

  constructor(config: PageConfig, layout: Layout) {
    this.config = config;
    this.layout = layout;
    this.status = new StatusBanner(layout.status, layout.host);
    const host: TransportHost = {
      ack: () => this.lastSeq,
      pending: () => this.unacked,
      forget: (upTo) => this.forgetEvents(upTo),
      receive: (text) => this.receive(text),
      lost: (reconnecting) => this.onLost(reconnecting),
      restored: () => this.onRestored(),
    };
    this.transport =
      config.transport === "http"
        ? new HttpTransport(config.app, host)
        : new WebSocketTransport(config.app, host);
    this.dispatcher.registerAll(
      commandHandlers({
        layout,
        transport: this.transport,
        send: (event, taskId, data, payload) => this.send(event, taskId, data, payload),
        acknowledged: (seq) => this.acknowledged(seq),
        unacknowledged: (seq) => this.unacknowledged(seq),
        assets: pageAssets(config),
        refuse: (version) => this.refuse(version),
        close: () => this.onCloseSession(),
      }),
    );
  }

  start(): void {
    if (majorOf(this.config.protocol) !== PROTOCOL_MAJOR) {
      this.refuse(this.config.protocol);
      return;
    }
    this.transport.start();
  }

  /** A server frame: every new command in order, duplicates (seq <= last) skipped. */
  private receive(text: string): void {
    if (this.state !== "running") return;
    try {
      const frame = parseFrame(text);
      if (frame === null) {
        console.error("webio: malformed frame skipped:", text.slice(0, 200));
        return;
      }
      this.forgetEvents(frame.ack);
      let moved = false;
      for (const cmd of frame.commands) {
        if (this.state !== "running") break;
        if (cmd === null) {
          console.error("webio: malformed command skipped");
          continue;
        }
        if (cmd.seq <= this.lastSeq) continue;
        this.lastSeq = cmd.seq;
        moved = true;
        this.dispatcher.dispatch(cmd);
      }
      if (moved && this.state === "running") this.transport.acked();
    } catch (err) {
      console.error("webio: frame handling failed", err);
    }
  }

  /** Returns the event's seq, or 0 when it is not sent: the session no longer sends anything,
   * or the event is larger than the server takes (the person is told). */
  private send<K extends EventName>(
    event: K,
    taskId: string,
    data: EventData[K],
    payload?: ArrayBuffer,
  ): number {
    if (this.state !== "running" && this.state !== "reconnecting") return 0;
    const numbered = clientEvent(this.nextEventSeq, event, taskId, data);
    if (payload !== undefined) attachPayload(numbered, payload);
    const limit = this.config.max_payload;
    const size = limit > 0 ? frameBytes(numbered, this.lastSeq) : 0;
    if (size > limit) {
      this.showNotSent(tooLargeText(size, limit));
      return 0;
    }
    const seq = this.nextEventSeq++;
    this.unacked.push(numbered);
    this.transport.send([numbered]);
    return seq;
  }

  private showNotSent(message: string): void {
    // Shown as the app's own toasts are, without a round trip to the server.
    const spec = { content: message, duration: 6, position: "center", color: "error" };
    const toast = { ...spec, callback_id: null };
    this.dispatcher.dispatch({ seq: 0, command: "toast", task_id: "", spec: toast });
  }

  /** The server has the events up to `upTo` (or refused them for good). */
  private forgetEvents(upTo: number): void {
    if (this.unacked.length && this.unacked[0].seq <= upTo) {
      this.unacked = this.unacked.filter((event) => event.seq > upTo);
    }
    if (this.ackWaiters.length && this.ackWaiters[0].seq <= upTo) {
      const done = this.ackWaiters.filter((waiter) => waiter.seq <= upTo);
      this.ackWaiters = this.ackWaiters.filter((waiter) => waiter.seq > upTo);
      done.forEach((waiter) => waiter.settle(true));
    }
  }

  /** true once the server acknowledged event `seq`; false if the session ends first. */
  private acknowledged(seq: number): Promise<boolean> {
    // Not waiting any more: acknowledged already (or refused for good, which ends it too).
    if (seq <= 0 || !this.unacknowledged(seq)) return Promise.resolve(seq > 0);
    if (this.state !== "running" && this.state !== "reconnecting") return Promise.resolve(false);
    return new Promise((settle) => {
      // Kept in seq order, so that forgetEvents settles a prefix.
      const at = this.ackWaiters.findIndex((waiter) => waiter.seq > seq);
      const waiter = { seq, settle };
      if (at === -1) this.ackWaiters.push(waiter);
      else this.ackWaiters.splice(at, 0, waiter);
    });
  }

  private unacknowledged(seq: number): boolean {
    return this.unacked.some((event) => event.seq === seq);
  }

  /** Nothing will be acknowledged any more. */
  private endWaits(): void {
    const waiters = this.ackWaiters;
    this.ackWaiters = [];
    waiters.forEach((waiter) => waiter.settle(false));
  }

  private onCloseSession(): void {
    this.state = "closed";
    this.endWaits();
    // The server keeps a closed session until the page acknowledged its last commands.
    this.transport.finish();
    this.status.lockControls();
    this.layout.host.classList.add("webio-closed");
  }

  private onLost(reconnecting: boolean): void {
    if (this.state === "closed" || this.state === "lost" || this.state === "refused") return;
    this.status.lockControls();
    this.status.showLost(reconnecting);
    if (reconnecting) {
      this.state = "reconnecting";
    } else {
      this.state = "lost";
      this.transport.stop();
      this.endWaits();
    }
  }

  private onRestored(): void {
    if (this.state !== "reconnecting") return;
    this.state = "running";
    this.status.hide();
    this.status.unlockControls();
  }

  private refuse(serverVersion: string): void {
    this.state = "refused";
    this.transport.stop();
    this.endWaits();
    this.status.lockControls();
    this.status.showError(versionMismatchText(serverVersion));
  }
}
