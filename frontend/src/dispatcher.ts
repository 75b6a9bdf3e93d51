// Command name -> handler. A bad frame must never stop the session, so an unknown command or
// a handler that throws is logged and skipped.

import { COMMAND_NAMES, CommandName } from "./generated/protocol";
import type { CommandOf, RawCommand } from "./protocol";

export type Handler<K extends CommandName> = (cmd: CommandOf<K>) => void;

/** One handler per declared command: tsc refuses a missing or an undeclared one. */
export type CommandHandlers = { [K in CommandName]: Handler<K> };

export class Dispatcher {
  private readonly handlers = new Map<string, (cmd: RawCommand) => void>();

  /** Throws on a second handler for a name: two modules claiming a command is a bug. */
  register<K extends CommandName>(name: K, handler: Handler<K>): this {
    if (this.handlers.has(name)) {
      throw new Error("webio: a handler for " + name + " is already registered");
    }
    // The name is declared; the spec is read through the defensive readers of read.ts.
    this.handlers.set(name, handler as unknown as (cmd: RawCommand) => void);
    return this;
  }

  registerAll(handlers: CommandHandlers): this {
    COMMAND_NAMES.forEach(<K extends CommandName>(name: K) => this.register(name, handlers[name]));
    return this;
  }

  dispatch(cmd: RawCommand): void {
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
