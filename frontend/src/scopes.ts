// Named scopes. Lookups go through a Map (never through CSS selectors built from
// server strings). A scope whose element has left the page (cleared, removed, a closed popup)
// counts as missing; a popup's body is a scope outside the output area.

import { el, insertAt } from "./dom";
import type { ScrollToSpec, SetScopeSpec } from "./generated/protocol";
import { ROOT_SCOPE } from "./layout";
import { choice, int, own, str } from "./read";

/** Where scrollIntoView puts a scope for each ScrollToSpec position. */
const SCROLL_BLOCKS: Readonly<Record<ScrollToSpec["position"], ScrollLogicalPosition>> = {
  top: "start",
  middle: "center",
  bottom: "end",
};

const IF_EXIST: readonly NonNullable<SetScopeSpec["if_exist"]>[] = ["clear", "remove"];

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
    if (node !== this.root && !node.isConnected) {
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
      if (node !== this.root && !node.isConnected) this.byName.delete(name);
    });
  }

  setScope(spec: SetScopeSpec): void {
    const name = str(spec, "set_scope");
    const containerName = str(spec, "container", ROOT_SCOPE);
    const position = int(spec, "position", -1);
    const ifExist = choice(spec, "if_exist", IF_EXIST);
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

  /** An unknown position scrolls to the top. */
  scrollTo(name: string, position: string): void {
    const node = this.get(name);
    if (!node) return;
    const block = own(SCROLL_BLOCKS, position) ?? SCROLL_BLOCKS.top;
    node.scrollIntoView({ behavior: "smooth", block });
  }
}
