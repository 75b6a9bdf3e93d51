// One browser session: receives frames, drops duplicates by seq, dispatches commands
// and sends events back through the transport.

import type { PageConfig } from "./config";
import { Dispatcher } from "./dispatcher";
import { insertAt } from "./dom";
import { EnvState, applyEnv } from "./env";
import { Forms } from "./forms";
import { Layout, ROOT_SCOPE } from "./layout";
import { renderOutput, RenderContext } from "./outputs/index";
import {
  ClientEvent,
  Command,
  PROTOCOL_MAJOR,
  int,
  isObject,
  majorOf,
  num,
  parseFrame,
  str,
} from "./protocol";
import { Scopes } from "./scopes";
import { StatusBanner, versionMismatchText } from "./status";
import { Toasts } from "./toast";
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
  private readonly scopes: Scopes;
  private readonly forms: Forms;
  private readonly toasts: Toasts;
  private readonly env: EnvState = { autoScrollBottom: false, outputAnimation: false };
  private readonly renderContext: RenderContext;
  private state: State = "running";
  /** Highest seq processed. */
  private lastSeq = 0;

  constructor(config: PageConfig, layout: Layout) {
    this.config = config;
    this.layout = layout;
    this.status = new StatusBanner(layout.status, layout.host);
    this.scopes = new Scopes(layout.root);
    this.forms = new Forms(layout.inputPanel, {
      submit: (taskId, data) => this.send({ event: "from_submit", task_id: taskId, data }),
      inputEvent: (taskId, name, value) =>
        this.send({ event: "input_event", task_id: taskId, data: { event_name: "blur", name, value } }),
    });
    this.toasts = new Toasts(layout.toasts, (callbackId) =>
      this.send({ event: "callback", task_id: callbackId, data: null }),
    );
    this.renderContext = {
      callback: (callbackId, data) => this.send({ event: "callback", task_id: callbackId, data }),
      render: (spec) => renderOutput(spec, this.renderContext),
      registerScope: (name, node) => this.scopes.register(name, node),
    };
    const host: TransportHost = {
      ack: () => this.lastSeq,
      receive: (text) => this.receive(text),
      lost: (reconnecting) => this.onLost(reconnecting),
      restored: () => this.onRestored(),
    };
    this.transport =
      config.transport === "http"
        ? new HttpTransport(config.app, host)
        : new WebSocketTransport(config.app, host);
    this.registerCommands();
  }

  start(): void {
    if (majorOf(this.config.protocol) !== PROTOCOL_MAJOR) {
      this.refuse(this.config.protocol);
      return;
    }
    this.transport.start();
  }

  private registerCommands(): void {
    const d = this.dispatcher;
    d.register("session", (cmd) => this.onSession(cmd));
    d.register("output", (cmd) => this.onOutput(cmd));
    d.register("output_ctl", (cmd) => this.scopes.control(cmd.spec));
    d.register("input_group", (cmd) => this.forms.show(cmd.task_id, cmd.spec));
    d.register("update_input", (cmd) => this.forms.update(cmd.task_id, cmd.spec));
    d.register("destroy_form", (cmd) => this.forms.destroy(cmd.task_id));
    d.register("toast", (cmd) => this.toasts.show(cmd.spec));
    d.register("set_env", (cmd) =>
      applyEnv(cmd.spec, this.layout, this.env, (ms) => this.transport.setPullInterval(ms)),
    );
    d.register("close_session", () => this.onCloseSession());
  }

  /** A server frame: every new command in order, duplicates (seq <= last) skipped. */
  private receive(text: string): void {
    if (this.state !== "running") return;
    try {
      const commands = parseFrame(text);
      if (commands === null) {
        console.error("webio: malformed frame skipped:", text.slice(0, 200));
        return;
      }
      let moved = false;
      for (const cmd of commands) {
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

  private send(event: ClientEvent): void {
    if (this.state !== "running" && this.state !== "reconnecting") return;
    this.transport.send([event]);
  }

  private onSession(cmd: Command): void {
    const version = str(cmd.spec, "protocol");
    if (majorOf(version) !== PROTOCOL_MAJOR) {
      this.refuse(version || "an unknown version");
      return;
    }
    this.transport.setSession(str(cmd.spec, "session_id"), num(cmd.spec, "reconnect_timeout") ?? 0);
  }

  private onOutput(cmd: Command): void {
    const scopeName = str(cmd.spec, "scope", ROOT_SCOPE);
    const target = this.scopes.get(scopeName);
    if (!target) {
      console.warn("webio: output to unknown scope ignored:", scopeName);
      return;
    }
    const output = cmd.spec.output;
    if (!isObject(output)) {
      console.warn("webio: output command without an output spec skipped");
      return;
    }
    const node = renderOutput(output, this.renderContext);
    if (!node) return;
    if (this.env.outputAnimation) node.classList.add("webio-enter");
    insertAt(target, node, int(cmd.spec, "position", -1));
    if (this.env.autoScrollBottom) {
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "smooth" });
    }
  }

  private onCloseSession(): void {
    this.state = "closed";
    this.transport.stop();
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
