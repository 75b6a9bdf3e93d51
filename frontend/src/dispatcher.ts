// Command name -> handler. A handler that throws is logged; nothing escapes.

import type { Command } from "./protocol";

export type Handler = (cmd: Command) => void;

export class Dispatcher {
  private readonly handlers = new Map<string, Handler>();

  register(name: string, handler: Handler): this {
    this.handlers.set(name, handler);
    return this;
  }

  has(name: string): boolean {
    return this.handlers.has(name);
  }

  dispatch(cmd: Command): void {
    const handler = this.handlers.get(cmd.command);
    if (!handler) {
      console.warn("webio: unknown command skipped:", cmd.command);
      return;
    }
    try {
      handler(cmd);
    } catch (err) {
      console.error("webio: command " + cmd.command + " (seq " + cmd.seq + ") failed", err);
    }
  }
}
