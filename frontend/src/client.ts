// One browser session: receives frames, drops duplicates by seq, dispatches commands and
// sends events back through the transport. Events are numbered and kept until a server frame
// acknowledges them, so a transport can send them again after a failure and the server applies
// each once. Connection states live here; what each command does lives in commands/.

import { commandHandlers } from "./commands/index";
import type { PageConfig } from "./config";
import { Dispatcher } from "./dispatcher";
import type { ClientEvent, EventData, EventName } from "./generated/protocol";
import type { Layout } from "./layout";
import { PROTOCOL_MAJOR, clientEvent, majorOf, parseFrame } from "./protocol";
import { StatusBanner, versionMismatchText } from "./status";
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
        send: (event, taskId, data) => this.send(event, taskId, data),
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

  private send<K extends EventName>(event: K, taskId: string, data: EventData[K]): void {
    if (this.state !== "running" && this.state !== "reconnecting") return;
    const numbered = clientEvent(this.nextEventSeq++, event, taskId, data);
    this.unacked.push(numbered);
    this.transport.send([numbered]);
  }

  /** The server has the events up to `upTo` (or refused them for good). */
  private forgetEvents(upTo: number): void {
    if (this.unacked.length && this.unacked[0].seq <= upTo) {
      this.unacked = this.unacked.filter((event) => event.seq > upTo);
    }
  }

  private onCloseSession(): void {
    this.state = "closed";
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
    this.status.lockControls();
    this.status.showError(versionMismatchText(serverVersion));
  }
}
