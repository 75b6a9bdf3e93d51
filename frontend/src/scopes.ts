// Named scopes. Lookups go through a Map (never through CSS selectors built from
// server strings).

import { el, insertAt } from "./dom";
import { ROOT_SCOPE } from "./layout";
import { Spec, int, optStr, str } from "./protocol";

export type ScrollPosition = "top" | "middle" | "bottom";

export function createScopeElement(name: string): HTMLElement {
  const node = el("div", "webio-scope");
  node.dataset.scope = name;
  return node;
}

export class Scopes {
  private readonly byName = new Map<string, HTMLElement>();
  private readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.byName.set(ROOT_SCOPE, root);
  }

  get(name: string): HTMLElement | null {
    const node = this.byName.get(name);
    if (!node) return null;
    if (node !== this.root && !this.root.contains(node)) {
      this.byName.delete(name);
      return null;
    }
    return node;
  }

  /** Makes `node` the scope called `name` (the newest scope of a name wins). */
  register(name: string, node: HTMLElement): void {
    if (name === ROOT_SCOPE) {
      console.warn("webio: a scope may not be called " + ROOT_SCOPE);
      return;
    }
    this.byName.set(name, node);
  }

  /** Forgets scopes whose element has left the page. */
  prune(): void {
    this.byName.forEach((node, name) => {
      if (node !== this.root && !this.root.contains(node)) this.byName.delete(name);
    });
  }

  /** `output_ctl` with `set_scope`. */
  setScope(spec: Spec): void {
    const name = str(spec, "set_scope");
    const containerName = str(spec, "container", ROOT_SCOPE);
    const position = int(spec, "position", -1);
    const ifExist = optStr(spec, "if_exist");
    const container = this.get(containerName);
    if (!container) {
      console.warn("webio: set_scope in unknown scope ignored:", containerName);
      return;
    }
    const existing = this.get(name);
    if (existing) {
      if (ifExist === "clear" || (ifExist === "remove" && existing === this.root)) {
        this.clear(name);
      } else if (ifExist === "remove") {
        this.remove(name);
        this.create(name, container, position);
      }
      return;
    }
    this.create(name, container, position);
  }

  private create(name: string, container: HTMLElement, position: number): void {
    if (name === "" || name === ROOT_SCOPE) return;
    const node = createScopeElement(name);
    insertAt(container, node, position);
    this.register(name, node);
  }

  clear(name: string): void {
    const node = this.get(name);
    if (!node) return;
    node.textContent = "";
    this.prune();
  }

  remove(name: string): void {
    const node = this.get(name);
    if (!node) return;
    if (node === this.root) {
      // ROOT always exists: removing it only empties it.
      this.clear(name);
      return;
    }
    node.remove();
    this.prune();
  }

  scrollTo(name: string, position: string): void {
    const node = this.get(name);
    if (!node) return;
    const block: ScrollLogicalPosition =
      position === "middle" ? "center" : position === "bottom" ? "end" : "start";
    node.scrollIntoView({ behavior: "smooth", block });
  }

  /** Handles one `output_ctl` spec. */
  control(spec: Spec): void {
    if ("set_scope" in spec) this.setScope(spec);
    else if ("clear" in spec) this.clear(str(spec, "clear"));
    else if ("remove" in spec) this.remove(str(spec, "remove"));
    else if ("scroll_to" in spec) this.scrollTo(str(spec, "scroll_to"), str(spec, "position", "top"));
    else console.warn("webio: output_ctl without a known operation", spec);
  }
}
