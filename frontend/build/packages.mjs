// The npm packages in the bundles, and THIRD_PARTY_LICENSES.txt with their licence texts.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { bundled, here } from "./bundle.mjs";

/**
 * npm packages whose code or CSS ends up in the bundles. Checked against what esbuild
 * actually bundled: the build fails when a package is missing here or listed for nothing.
 */
export const BUNDLED_PACKAGES = [
  "@codemirror/autocomplete",
  "@codemirror/commands",
  "@codemirror/lang-css",
  "@codemirror/lang-html",
  "@codemirror/lang-javascript",
  "@codemirror/lang-json",
  "@codemirror/lang-markdown",
  "@codemirror/lang-python",
  "@codemirror/lang-sql",
  "@codemirror/language",
  "@codemirror/lint",
  "@codemirror/search",
  "@codemirror/state",
  "@codemirror/streamparser",
  "@codemirror/theme-one-dark",
  "@codemirror/view",
  "@fontsource/cabin-sketch",
  "@fontsource/montserrat",
  "@fontsource/neucha",
  "@fontsource/open-sans",
  "@lezer/common",
  "@lezer/css",
  "@lezer/highlight",
  "@lezer/html",
  "@lezer/javascript",
  "@lezer/json",
  "@lezer/lr",
  "@lezer/markdown",
  "@lezer/python",
  "@marijn/find-cluster-break",
  "ag-grid-community",
  "ag-stack",
  "bootstrap",
  "bootswatch",
  "codemirror",
  "crelt",
  "dompurify",
  "highlight.js",
  "marked",
  "mustache",
  "style-mod",
  "w3c-keyname",
];
const LICENSE_FILES = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENSE-MPL"];

export function checkPackageList() {
  const listed = new Set(BUNDLED_PACKAGES);
  const unlisted = [...bundled].filter((name) => !listed.has(name)).sort();
  const unused = BUNDLED_PACKAGES.filter((name) => !bundled.has(name));
  if (unlisted.length || unused.length) {
    throw new Error(
      "BUNDLED_PACKAGES is out of date: add " + JSON.stringify(unlisted) + ", remove " + JSON.stringify(unused),
    );
  }
}

export async function licenses() {
  const parts = [
    "Third-party software bundled in the files of webio-client (webio*.js, webio*.css, fonts)",
    "=========================================================================================",
    "",
  ];
  for (const name of BUNDLED_PACKAGES) {
    const pkgDir = join(here, "node_modules", name);
    const pkg = JSON.parse(await readFile(join(pkgDir, "package.json"), "utf8"));
    parts.push("-".repeat(72), `${pkg.name} ${pkg.version} (${pkg.license})`, "-".repeat(72), "");
    let found = 0;
    for (const file of LICENSE_FILES) {
      let text;
      try {
        text = await readFile(join(pkgDir, file), "utf8");
      } catch {
        continue;
      }
      found += 1;
      parts.push(text.replace(/\r\n/g, "\n").trimEnd(), "");
    }
    if (found === 0) throw new Error("no licence file found for " + name);
  }
  return parts.join("\n") + "\n";
}
