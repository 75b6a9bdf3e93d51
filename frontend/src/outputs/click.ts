// `click_callback_id` (every output): a click on the output sends `callback` with null data.
// The output is also reachable with Tab and answers Enter, as a button would.

/** Makes `node` clickable; the innermost clickable output under the pointer takes the click. */
export function onClick(node: HTMLElement, clicked: () => void): void {
  node.classList.add("webio-clickable");
  if (!node.hasAttribute("tabindex")) node.tabIndex = 0;
  node.addEventListener("click", (event) => {
    // A clickable output inside this one had the click first: one click, one callback.
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(".webio-clickable") !== node) return;
    clicked();
  });
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target === node) {
      event.preventDefault();
      clicked();
    }
  });
}
