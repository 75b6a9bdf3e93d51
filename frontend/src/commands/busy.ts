// `busy`, and the notice every command gives the busy sign (commands/index.ts wraps each
// handler with it, so no command has to remember to).

import type { ActivitySign } from "../activity";
import type { CommandHandlers, Handler } from "../dispatcher";
import { COMMAND_NAMES, CommandName } from "../generated/protocol";
import { bool } from "../read";

export function busyCommands(sign: ActivitySign): Pick<CommandHandlers, "busy"> {
  return { busy: ({ spec }) => sign.set(bool(spec, "busy")) };
}

/** The same handlers, each telling the sign first that a command arrived. */
export function noticedBy(sign: ActivitySign, handlers: CommandHandlers): CommandHandlers {
  const wrapped: Partial<CommandHandlers> = {};
  const wrap = <K extends CommandName>(name: K): Handler<K> => {
    const handler = handlers[name];
    return (cmd) => {
      sign.commandArrived();
      handler(cmd);
    };
  };
  COMMAND_NAMES.forEach(<K extends CommandName>(name: K) => {
    (wrapped as Record<K, Handler<K>>)[name] = wrap(name);
  });
  return wrapped as CommandHandlers;
}
