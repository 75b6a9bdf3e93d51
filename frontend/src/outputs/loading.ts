// `loading`: a Bootstrap spinner, spinning (border) or pulsing (grow), named for screen readers.

import type { LoadingOutput, OutputOf } from "../generated/protocol";
import { bootstrapColor } from "../buttons";
import { el } from "../dom";
import { choice, get } from "../read";

const SHAPES: readonly LoadingOutput["shape"][] = ["border", "grow"];

export function renderLoading(spec: OutputOf<"loading">): HTMLElement {
  const shape = choice(spec, "shape", SHAPES) ?? SHAPES[0];
  const color = bootstrapColor(get(spec, "color"), "");
  const node = el("div", "spinner-" + shape + (color ? " text-" + color : ""));
  node.setAttribute("role", "status");
  node.appendChild(el("span", "visually-hidden", "Loading..."));
  return node;
}
