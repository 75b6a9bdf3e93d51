// The datatables of the page by instance_id, for the commands that change their rows. A
// datatable is there once its bundle is: a command for one still loading waits for it, and
// commands apply in the order they came.

import type { Assets } from "./assets";
import type { Datatable } from "./datatable/api";
import { el } from "./dom";
import type { OutputOf } from "./generated/protocol";
import type { Send } from "./protocol";
import { optStr, str } from "./read";

export class Datatables {
  private readonly assets: Assets;
  private readonly send: Send;
  private readonly named = new Map<string, Promise<Datatable>>();

  constructor(assets: Assets, send: Send) {
    this.assets = assets;
    this.send = send;
  }

  /** Builds the datatable of `spec` in `host` (which says it is loading until then). */
  mount(spec: OutputOf<"datatable">, host: HTMLElement): void {
    const callbackId = optStr(spec, "callback_id");
    const table = this.assets.datatable().then((factory) =>
      factory({
        host,
        spec,
        act: (rows, action) => {
          if (callbackId !== null) this.send("datatable_action", callbackId, { rows, action });
        },
      }),
    );
    table.catch((err) => {
      console.error("webio: datatable unavailable", err);
      host.textContent = "";
      host.appendChild(el("div", "alert alert-warning", "The table could not be loaded."));
    });
    const name = str(spec, "instance_id");
    if (name === "") return;
    // A new datatable of the same name takes the name over.
    this.named.set(name, table);
    // PyWebIO's handle for the app's own JavaScript, there at once: the grid's API when ready.
    const api = table.then((loaded) => loaded.api);
    api.catch(() => undefined); // reported above
    (window as unknown as Record<string, unknown>)["ag_grid_" + name + "_promise"] = api;
  }

  /** Applies one command's change to datatable `name`, once it is loaded. */
  change(name: string, command: string, apply: (table: Datatable) => void): void {
    const table = this.named.get(name);
    if (!table) {
      console.warn("webio: " + command + " for an unknown datatable skipped:", name);
      return;
    }
    table.then(
      (loaded) => {
        try {
          apply(loaded);
        } catch (err) {
          console.error("webio: " + command + " failed", err);
        }
      },
      () => console.warn("webio: " + command + " skipped: datatable " + name + " could not be loaded"),
    );
  }
}
