// Builds the browser client into webio_core/static/:
//   webio.js                 minified IIFE bundle (ES2019)
//   webio-code.js            the code editor (CodeMirror), an IIFE that webio.js loads the
//                            first time a page shows a code textarea
//   webio-datatable.js       the datatable (AG Grid), an IIFE that webio.js loads the first
//                            time a page shows a datatable
//   webio.css                Bootstrap + highlight.js themes (light, and dark under Bootstrap's
//                            dark colour mode) + src/style.css, minified
//   webio-highlight.js       the highlight.js core, and
//   webio-hl-<language>.js   one bundle per language: IIFEs that webio.js loads when a code
//                            block names a language (src/highlight/)
//   webio-<theme>.css        a Bootswatch theme (sketchy, minty, yeti) in place of webio.css,
//   webio-font-*.woff2       with its fonts from @fontsource packages instead of Google Fonts
//   icon.svg                 the page's icon (web app manifest), copied from src/
//   THIRD_PARTY_LICENSES.txt licence texts of the bundled packages
// Deterministic: no source maps, no timestamps, no absolute paths.


import { mkdir, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildJs, here, outDir } from "./build/bundle.mjs";
import { buildHighlight, highlightTableDefine, LANGUAGE_PREFIX } from "./build/highlight.mjs";
import { checkPackageList, licenses } from "./build/packages.mjs";
import { buildCss, buildThemes, FONT_PREFIX } from "./build/styles.mjs";

/** Files of the generated kinds (languages, fonts) that this build no longer writes. */
async function removeStale(names) {
  const keep = new Set(names);
  let present = [];
  try {
    present = await readdir(outDir);
  } catch {
    return;
  }
  const stale = present.filter(
    (name) => (name.startsWith(LANGUAGE_PREFIX) || name.startsWith(FONT_PREFIX)) && !keep.has(name),
  );
  await Promise.all(stale.map((name) => unlink(join(outDir, name))));
}

// ---- build ----------------------------------------------------------------------------------

const highlightDefine = await highlightTableDefine();
const [js, codeJs, datatableJs, css, highlightFiles, themeFiles] = await Promise.all([
  buildJs("src/main.ts", highlightDefine),
  buildJs("src/codeeditor/main.ts"),
  buildJs("src/datatable/main.ts"),
  buildCss(),
  buildHighlight(),
  buildThemes(),
]);
checkPackageList();
const legal = await licenses();
const outputs = [
  ["webio.js", js],
  ["webio-code.js", codeJs],
  ["webio-datatable.js", datatableJs],
  ["webio.css", css],
  // The page's icon (web app manifest, touch icon): ours, copied as it is.
  ["icon.svg", await readFile(join(here, "src", "icon.svg"), "utf8")],
  ...highlightFiles,
  ...themeFiles,
  ["THIRD_PARTY_LICENSES.txt", legal],
];
await mkdir(outDir, { recursive: true });
await removeStale(outputs.map(([name]) => name));
await Promise.all(outputs.map(([name, data]) => writeFile(join(outDir, name), data)));
for (const [name, data] of outputs) {
  // Many files of one kind: one line with their count and total size, below.
  if (name.startsWith(LANGUAGE_PREFIX) || name.startsWith(FONT_PREFIX)) continue;
  console.log(`${name.padEnd(26)} ${Buffer.byteLength(data)} bytes`);
}
for (const prefix of [LANGUAGE_PREFIX, FONT_PREFIX]) {
  const many = outputs.filter(([name]) => name.startsWith(prefix));
  const bytes = many.reduce((sum, [, data]) => sum + Buffer.byteLength(data), 0);
  console.log(`${(prefix + "* (" + many.length + ")").padEnd(26)} ${bytes} bytes`);
}
