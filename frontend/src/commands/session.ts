// `session` and `close_session`: the start and the end of a session.

import type { CommandHandlers } from "../dispatcher";
import { PROTOCOL_MAJOR, majorOf } from "../protocol";
import { num, str } from "../read";
import type { CommandContext } from "./context";

export function sessionCommands(
  ctx: CommandContext,
): Pick<CommandHandlers, "session" | "close_session"> {
  return {
    session: ({ spec }) => {
      const version = str(spec, "protocol");
      if (majorOf(version) !== PROTOCOL_MAJOR) {
        ctx.refuse(version || "an unknown version");
        return;
      }
      ctx.transport.setSession(str(spec, "session_id"), num(spec, "reconnect_timeout") ?? 0);
    },
    close_session: () => ctx.close(),
  };
}
