// `pin`: a form field in the output area, without a form (pins/ keeps it by name).

import type { OutputOf } from "../generated/protocol";
import { obj } from "../read";
import type { RenderContext } from "./context";

export function renderPin(spec: OutputOf<"pin">, ctx: RenderContext): HTMLElement {
  return ctx.pin(obj(spec, "field"));
}
