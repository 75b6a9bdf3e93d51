// Builds the browser client into webio_core/static/:
//   webio.js                 minified IIFE bundle (ES2019)
//   webio.css                Bootstrap + highlight.js theme + src/style.css, minified
//   THIRD_PARTY_LICENSES.txt licence texts of the bundled packages
// Deterministic: no source maps, no timestamps, no absolute paths.

import { build } from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "webio_core", "static");

/** npm packages whose code or CSS ends up in the bundles. */
const BUNDLED_PACKAGES = ["bootstrap", "dompurify", "highlight.js", "marked"];
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
};

async function buildJs() {
  const result = await build({
    ...common,
    entryPoints: ["src/main.ts"],
    format: "iife",
    platform: "browser",
    target: "es2019",
    define: { "process.env.NODE_ENV": '"production"' },
    banner: { js: BANNER },
  });
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
  return single(result, ".css");
}

function single(result, ext) {
  const files = result.outputFiles.filter((f) => f.path.endsWith(ext));
  if (files.length !== 1) throw new Error("expected one " + ext + " output, got " + files.length);
  return files[0].text;
}

async function licenses() {
  const parts = [
    "Third-party software bundled in webio.js and webio.css",
    "=======================================================",
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

const [js, css, legal] = await Promise.all([buildJs(), buildCss(), licenses()]);
await mkdir(outDir, { recursive: true });
await Promise.all([
  writeFile(join(outDir, "webio.js"), js),
  writeFile(join(outDir, "webio.css"), css),
  writeFile(join(outDir, "THIRD_PARTY_LICENSES.txt"), legal),
]);
for (const [name, text] of [["webio.js", js], ["webio.css", css], ["THIRD_PARTY_LICENSES.txt", legal]]) {
  console.log(`${name.padEnd(26)} ${Buffer.byteLength(text)} bytes`);
}
