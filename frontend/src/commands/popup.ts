// `popup` and `close_popup`. The popup's body is a scope named by the spec, so later outputs to
// that scope land in it; it stops being one when the popup closes (its element leaves the page).

import type { CommandHandlers } from "../dispatcher";
import type { PopupSpec } from "../generated/protocol";
import { RenderContext, renderChildren } from "../outputs/context";
import type { Popup } from "../popup";
import { bool, choice, objects, str } from "../read";
import { createScopeElement } from "../scopes";

const SIZES: readonly PopupSpec["size"][] = ["small", "normal", "large"];

export function popupCommands(
  popup: Popup,
  render: RenderContext,
): Pick<CommandHandlers, "popup" | "close_popup"> {
  return {
    popup: ({ spec }) => {
      const name = str(spec, "scope");
      const body = renderChildren(createScopeElement(name), objects(spec, "contents"), render);
      if (name !== "") render.registerScope(name, body);
      popup.open({
        title: str(spec, "title"),
        size: choice(spec, "size", SIZES) ?? "normal",
        implicitClose: bool(spec, "implicit_close", true),
        closable: bool(spec, "closable", true),
        body,
      });
    },
    close_popup: () => popup.close(),
  };
}
