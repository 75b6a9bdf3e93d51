// Builds the browser client into webio_core/static/:
//   webio.js                 minified IIFE bundle (ES2019)
//   webio-code.js            the code editor (CodeMirror), an IIFE that webio.js loads the
//                            first time a page shows a code textarea
//   webio.css                Bootstrap + highlight.js theme + src/style.css, minified
//   THIRD_PARTY_LICENSES.txt licence texts of the bundled packages
// Deterministic: no source maps, no timestamps, no absolute paths.

import { build } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "webio_core", "static");

/**
 * npm packages whose code or CSS ends up in the bundles. Checked against what esbuild
 * actually bundled: the build fails when a package is missing here or listed for nothing.
 */
const BUNDLED_PACKAGES = [
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
  "bootstrap",
  "codemirror",
  "crelt",
  "dompurify",
  "highlight.js",
  "marked",
  "style-mod",
  "w3c-keyname",
];
const LICENSE_FILES = ["LICENSE", "LICENSE.md", "LICENSE.txt", "LICENSE-MPL"];

const BANNER = "/*! webio-client | bundled third-party code: see THIRD_PARTY_LICENSES.txt */";

const common = {
  bundle: true,
  minify: true,
  write: false,
  sourcemap: false,
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
  absWorkingDir: here,
  outdir: "out",
  metafile: true,
};

/** Package names of the node_modules files esbuild put in a bundle. */
const bundled = new Set();

function notePackages(result) {
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) bundled.add(match[1]);
  }
}

async function buildJs(entry) {
  const result = await build({
    ...common,
    entryPoints: [entry],
    format: "iife",
    platform: "browser",
    target: "es2019",
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: BANNER },
  });
  notePackages(result);
  return single(result, ".js");
}

async function buildCss() {
  const result = await build({
    ...common,
    stdin: {
      contents: [
        '@import "bootstrap/dist/css/bootstrap.css";',
        '@import "highlight.js/styles/github.css";',
        '@import "./src/style.css";',
      ].join("\n"),
      resolveDir: here,
      sourcefile: "webio.css",
      loader: "css",
    },
    target: ["chrome90", "firefox88", "safari14", "edge90"],
    banner: { css: BANNER },
  });
  notePackages(result);
  return single(result, ".css");
}

function single(result, ext) {
  const files = result.outputFiles.filter((f) => f.path.endsWith(ext));
  if (files.length !== 1) throw new Error("expected one " + ext + " output, got " + files.length);
  return files[0].text;
}

function checkPackageList() {
  const listed = new Set(BUNDLED_PACKAGES);
  const unlisted = [...bundled].filter((name) => !listed.has(name)).sort();
  const unused = BUNDLED_PACKAGES.filter((name) => !bundled.has(name));
  if (unlisted.length || unused.length) {
    throw new Error(
      "BUNDLED_PACKAGES is out of date: add " + JSON.stringify(unlisted) + ", remove " + JSON.stringify(unused),
    );
  }
}

async function licenses() {
  const parts = [
    "Third-party software bundled in webio.js, webio-code.js and webio.css",
    "=====================================================================",
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

const [js, codeJs, css] = await Promise.all([
  buildJs("src/main.ts"),
  buildJs("src/codeeditor/main.ts"),
  buildCss(),
]);
checkPackageList();
const legal = await licenses();
const outputs = [
  ["webio.js", js],
  ["webio-code.js", codeJs],
  ["webio.css", css],
  ["THIRD_PARTY_LICENSES.txt", legal],
];
await mkdir(outDir, { recursive: true });
await Promise.all(outputs.map(([name, text]) => writeFile(join(outDir, name), text)));
for (const [name, text] of outputs) {
  console.log(`${name.padEnd(26)} ${Buffer.byteLength(text)} bytes`);
}
