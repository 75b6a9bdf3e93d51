// Stylesheets: webio.css (Bootstrap, highlight.js colours in light and dark mode, our own
// style), and the Bootswatch themes with their fonts from @fontsource.

import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { BANNER, CSS_TARGET, bundled, common, here, notePackages, single } from "./bundle.mjs";

/** highlight.js colours: GitHub's, and GitHub's dark ones under Bootstrap's dark colour mode. */
const HIGHLIGHT_STYLE = "highlight.js/styles/github.css";
const HIGHLIGHT_DARK_STYLE = "highlight.js/styles/github-dark.css";
/** An @import of "<DARK_PREFIX><package path>" is that stylesheet, for dark mode only. */
const DARK_PREFIX = "webio-dark:";
const DARK_SELECTOR = "[data-bs-theme=dark]";

/** Wraps a stylesheet in DARK_SELECTOR (CSS nesting, which esbuild flattens for old browsers). */
const darkScopePlugin = {
  name: "webio-dark-scope",
  setup(b) {
    b.onResolve({ filter: new RegExp("^" + DARK_PREFIX) }, (args) => ({
      path: args.path.slice(DARK_PREFIX.length),
      namespace: "webio-dark",
    }));
    b.onLoad({ filter: /.*/, namespace: "webio-dark" }, async (args) => {
      const text = await readFile(join(here, "node_modules", args.path), "utf8");
      if (/@import|url\(/.test(text)) throw new Error(args.path + ": imports or URLs cannot be scoped");
      // Licence comments go to the top level, where esbuild keeps legal comments.
      const legal = text.match(/\/\*![\s\S]*?\*\//g) || [];
      const body = legal.reduce((rest, comment) => rest.replace(comment, ""), text);
      const contents = `${legal.join("\n")}\n${DARK_SELECTOR} {\n${body}\n}\n`;
      return { contents, resolveDir: here, loader: "css" };
    });
  },
};

/**
 * The Bootswatch themes of config(theme=...), each built into webio-<theme>.css. Bootswatch
 * loads their fonts from Google Fonts (`remoteImport`, checked and dropped: a page fetches
 * nothing from elsewhere); `fonts` are the same families, weights and styles from @fontsource.
 */
const BOOTSWATCH_THEMES = {
  sketchy: {
    remoteImport: "https://fonts.googleapis.com/css?family=Neucha|Cabin+Sketch&display=swap",
    fonts: [
      { id: "neucha", weights: [400], styles: ["normal"] },
      { id: "cabin-sketch", weights: [400], styles: ["normal"] },
    ],
  },
  minty: {
    remoteImport: "https://fonts.googleapis.com/css2?family=Montserrat:wght@400;500;700&display=swap",
    fonts: [{ id: "montserrat", weights: [400, 500, 700], styles: ["normal"] }],
  },
  yeti: {
    remoteImport:
      "https://fonts.googleapis.com/css2?family=Open+Sans:ital,wght@0,300;0,400;0,700;1,300;1,400;1,700&display=swap",
    fonts: [{ id: "open-sans", weights: [300, 400, 700], styles: ["normal", "italic"] }],
  },
};
export const FONT_PREFIX = "webio-font-";

/**
 * The query that asks the server for a client file (`?webio_static=<name>`), from the generated
 * protocol constants: the URL of a font relative to the stylesheet that names it.
 */
async function staticQuery() {
  const text = await readFile(join(here, "src", "generated", "protocol.ts"), "utf8");
  const match = /export const QUERY_STATIC = "([a-z_]+)";/.exec(text);
  if (!match) throw new Error("QUERY_STATIC not found in src/generated/protocol.ts");
  return "?" + match[1] + "=";
}

/**
 * @font-face rules of a theme's fonts, one per subset as Google Fonts and Fontsource serve them
 * (the browser fetches a file only for characters on the page), and the font files they name.
 * Each rule names its file twice: relative to a stylesheet served by webio-core's endpoint
 * (`?webio_static=<file>`), then to one in a directory of these files (a CDN, `cdn=` of the
 * server); the browser takes the first that loads.
 */
async function themeFonts(fonts, query) {
  const rules = [];
  const files = [];
  for (const { id, weights, styles } of fonts) {
    const pkgDir = join(here, "node_modules", "@fontsource", id);
    const meta = JSON.parse(await readFile(join(pkgDir, "metadata.json"), "utf8"));
    const ranges = JSON.parse(await readFile(join(pkgDir, "unicode.json"), "utf8"));
    bundled.add("@fontsource/" + id);
    for (const weight of weights) {
      if (!meta.weights.includes(weight)) throw new Error(`@fontsource/${id} has no weight ${weight}`);
      for (const style of styles) {
        if (!meta.styles.includes(style)) throw new Error(`@fontsource/${id} has no ${style} style`);
        for (const subset of meta.subsets) {
          const source = `${id}-${subset}-${weight}-${style}.woff2`;
          const name = FONT_PREFIX + source;
          if (!ranges[subset]) throw new Error(`@fontsource/${id}: no unicode range for ${subset}`);
          files.push([name, await readFile(join(pkgDir, "files", source))]);
          rules.push(
            "@font-face {",
            `  font-family: ${JSON.stringify(meta.family)};`,
            `  font-style: ${style};`,
            `  font-weight: ${weight};`,
            "  font-display: swap;",
            `  src: url("${query}${name}") format("woff2"), url("${name}") format("woff2");`,
            `  unicode-range: ${ranges[subset]};`,
            "}",
          );
        }
      }
    }
  }
  return { css: rules.join("\n") + "\n", files };
}

/** Bootswatch's stylesheets without their remote @import, and the generated font rules. */
function themePlugin(theme, fontCss) {
  const { remoteImport } = BOOTSWATCH_THEMES[theme];
  return {
    name: "webio-theme-" + theme,
    setup(b) {
      b.onResolve({ filter: /^webio-fonts:/ }, () => ({ path: theme, namespace: "webio-fonts" }));
      b.onLoad({ filter: /.*/, namespace: "webio-fonts" }, () => ({
        contents: fontCss,
        resolveDir: here,
        loader: "css",
      }));
      // Font URLs stay as written: the files are written beside the stylesheet.
      b.onResolve({ filter: new RegExp("^(\\?[a-z_]+=)?" + FONT_PREFIX) }, (args) => ({
        path: args.path,
        external: true,
      }));
      b.onLoad({ filter: /[\\/]bootswatch[\\/]dist[\\/][a-z]+[\\/]bootstrap\.css$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        const line = `@import url("${remoteImport}");\n`;
        if (text.split(line).length !== 2) {
          throw new Error(`bootswatch ${theme}: expected exactly one ${line.trim()}; have its fonts changed?`);
        }
        return { contents: text.replace(line, ""), loader: "css" };
      });
    },
  };
}

/** [file name, text or bytes] of every theme stylesheet and font file. */
export async function buildThemes() {
  const query = await staticQuery();
  const outputs = [];
  const fontFiles = new Map();
  for (const theme of Object.keys(BOOTSWATCH_THEMES)) {
    const fonts = await themeFonts(BOOTSWATCH_THEMES[theme].fonts, query);
    fonts.files.forEach(([name, data]) => fontFiles.set(name, data));
    const result = await build({
      ...common,
      stdin: {
        contents: [
          `@import "bootswatch/dist/${theme}/bootstrap.css";`,
          `@import "webio-fonts:${theme}";`,
          `@import "${HIGHLIGHT_STYLE}";`,
          '@import "./src/style.css";',
        ].join("\n"),
        resolveDir: here,
        sourcefile: `webio-${theme}.css`,
        loader: "css",
      },
      target: CSS_TARGET,
      banner: { css: BANNER },
      plugins: [themePlugin(theme, fonts.css)],
    });
    notePackages(result);
    const name = `webio-${theme}.css`;
    outputs.push([name, checkLocalOnly(name, single(result, ".css"))]);
  }
  const fonts = [...fontFiles].sort(([a], [b]) => (a < b ? -1 : 1));
  return [...outputs, ...fonts];
}

/** A stylesheet may import nothing and name no URL but data: ones and our font files. */
function checkLocalOnly(name, css) {
  if (/@import/.test(css)) throw new Error(name + " still has an @import");
  for (const match of css.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/g)) {
    const url = match[2];
    if (!/^data:/.test(url) && !new RegExp("^(\\?[a-z_]+=)?" + FONT_PREFIX + "[a-z0-9-]+\\.woff2$").test(url)) {
      throw new Error(name + " names a URL that is not ours: " + url);
    }
  }
  return css;
}

export async function buildCss() {
  const result = await build({
    ...common,
    stdin: {
      contents: [
        '@import "bootstrap/dist/css/bootstrap.css";',
        `@import "${HIGHLIGHT_STYLE}";`,
        `@import "${DARK_PREFIX}${HIGHLIGHT_DARK_STYLE}";`,
        '@import "./src/style.css";',
      ].join("\n"),
      resolveDir: here,
      sourcefile: "webio.css",
      loader: "css",
    },
    target: CSS_TARGET,
    banner: { css: BANNER },
    plugins: [darkScopePlugin],
  });
  notePackages(result);
  return checkLocalOnly("webio.css", single(result, ".css"));
}
