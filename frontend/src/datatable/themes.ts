// The grid's look by PyWebIO's theme names: balham, alpine, material (and quartz, the grid's
// own default), each with a "-dark" variant. A light name follows the page: on a dark page
// (Bootstrap's data-bs-theme="dark" on <html>) it is drawn dark, and it changes when the page
// does, since a light grid on a dark page is never what an app asks for by leaving the default.

import {
  Theme,
  colorSchemeDark,
  themeAlpine,
  themeBalham,
  themeMaterial,
  themeQuartz,
} from "ag-grid-community";
import { own } from "../read";

const LOOKS: Readonly<Record<string, Theme>> = {
  balham: themeBalham,
  alpine: themeAlpine,
  material: themeMaterial,
  quartz: themeQuartz,
};
const DEFAULT_LOOK = "balham";
const DARK_SUFFIX = "-dark";

export interface ThemeChoice {
  look: Theme;
  /** Dark whatever the page is. */
  alwaysDark: boolean;
}

/** Reads a theme name ("balham-dark", also "ag-theme-balham-dark"); unknown or "" is balham. */
export function themeChoice(name: string): ThemeChoice {
  let base = name.trim().toLowerCase().replace(/^ag-theme-/, "");
  const alwaysDark = base.endsWith(DARK_SUFFIX);
  if (alwaysDark) base = base.slice(0, -DARK_SUFFIX.length);
  let look = own(LOOKS, base);
  if (look === undefined) {
    if (base !== "" && base !== "default") console.warn("webio: unknown datatable theme", name);
    look = LOOKS[DEFAULT_LOOK];
  }
  return { look, alwaysDark };
}

export function pageIsDark(): boolean {
  return document.documentElement.dataset.bsTheme === "dark";
}

export function gridTheme(choice: ThemeChoice): Theme {
  return choice.alwaysDark || pageIsDark() ? choice.look.withPart(colorSchemeDark) : choice.look;
}

/**
 * Calls `changed` when the page switches between light and dark, as long as `host` is on the
 * page: the observer goes away with the first switch after the datatable is removed.
 */
export function followPageTheme(host: HTMLElement, changed: () => void): void {
  let dark = pageIsDark();
  const observer = new MutationObserver(() => {
    if (!host.isConnected) {
      observer.disconnect();
      return;
    }
    if (pageIsDark() === dark) return;
    dark = pageIsDark();
    changed();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-bs-theme"] });
}
