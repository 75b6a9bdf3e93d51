// `run_script` and `open_app`: the app's JavaScript (run_js, eval_js), and go_app.

import type { CommandHandlers } from "../dispatcher";
import { QUERY_APP } from "../generated/protocol";
import { bool, int, obj, str } from "../read";
import { evaluate, runCode } from "../script";
import type { CommandContext } from "./context";

export function scriptCommands(
  ctx: CommandContext,
): Pick<CommandHandlers, "run_script" | "open_app"> {
  return {
    run_script: ({ task_id, spec }) => {
      const code = str(spec, "code");
      const args = obj(spec, "args") ?? {};
      if (bool(spec, "eval")) {
        void evaluate(code, args, int(spec, "max_size", 0)).then((result) =>
          ctx.send("js_result", task_id, result),
        );
        return;
      }
      // run_js: nobody waits for the outcome; the console is where a developer looks.
      try {
        const value = runCode(code, args);
        if (value instanceof Promise) {
          value.catch((err: unknown) => console.error("webio: the run_js code failed:", err));
        }
      } catch (err) {
        console.error("webio: the run_js code failed:", err);
      }
    },
    open_app: ({ spec }) => {
      const url = new URL(window.location.href);
      url.searchParams.set(QUERY_APP, str(spec, "app"));
      if (!bool(spec, "new_window")) {
        window.location.assign(url.href);
      } else if (!window.open(url.href, "_blank")) {
        // Browsers may refuse a window that no recent click of the user asked for.
        console.warn("webio: the browser blocked the new window of go_app");
      }
    },
  };
}
