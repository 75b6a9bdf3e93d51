// The page's colour mode, as Bootstrap 5.3 reads it: data-bs-theme on <html>. PyWebIO's
// "default" theme follows the system's light or dark preference, live; "dark" is always dark;
// the Bootswatch themes (their own stylesheet, chosen by the server) are light themes.

import type { Theme } from "./config";

export type ColorMode = "light" | "dark";

/** The attribute Bootstrap's colour modes and our own dark styles key on. */
export const COLOR_MODE_ATTRIBUTE = "data-bs-theme";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Sets the page's colour mode for `theme`; with "default", keeps following the system. */
export function applyColorMode(doc: Document, theme: Theme): void {
  const root = doc.documentElement;
  if (theme !== "default") {
    root.setAttribute(COLOR_MODE_ATTRIBUTE, theme === "dark" ? "dark" : "light");
    return;
  }
  const view = doc.defaultView;
  const query = view && typeof view.matchMedia === "function" ? view.matchMedia(DARK_QUERY) : null;
  const follow = () => root.setAttribute(COLOR_MODE_ATTRIBUTE, query && query.matches ? "dark" : "light");
  follow();
  // For the page's lifetime: nothing to remove it for.
  if (query) query.addEventListener("change", follow);
}

/** The colour mode in force on `doc`. */
export function colorModeOf(doc: Document): ColorMode {
  return doc.documentElement.getAttribute(COLOR_MODE_ATTRIBUTE) === "dark" ? "dark" : "light";
}
