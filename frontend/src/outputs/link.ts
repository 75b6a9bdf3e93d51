// `link`: an <a> whose text is the name; dangerous URL schemes get no href.

import { el, safeHref } from "../dom";
import { QUERY_APP, OutputOf } from "../generated/protocol";
import { bool, get, optStr, str } from "../read";

export function renderLink(spec: OutputOf<"link">): HTMLElement {
  const a = el("a", undefined, str(spec, "name"));
  const app = optStr(spec, "app");
  const href =
    app !== null ? "?" + QUERY_APP + "=" + encodeURIComponent(app) : safeHref(str(spec, "url"));
  if (href !== null) a.href = href;
  else console.warn("webio: refused link URL", get(spec, "url"));
  if (bool(spec, "new_window")) {
    a.target = "_blank";
    a.rel = "noopener";
  }
  return a;
}
