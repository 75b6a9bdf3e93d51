// What every bundle of the build shares: esbuild's options, the banner, and the record of
// which npm packages went into the bundles (for the licence file).

import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The frontend directory: where sources and node_modules are. */
export const here = join(dirname(fileURLToPath(import.meta.url)), "..");
export const outDir = join(here, "..", "webio_core", "static");

export const BANNER = "/*! webio-client | bundled third-party code: see THIRD_PARTY_LICENSES.txt */";

export const common = {
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
export const bundled = new Set();

export function notePackages(result) {
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) bundled.add(match[1]);
  }
}

export const jsOptions = {
  ...common,
  format: "iife",
  platform: "browser",
  target: "es2019",
  banner: { js: BANNER },
};

/** `define`: more names esbuild replaces (see highlight.mjs). */
export async function buildJs(entry, define = {}) {
  const result = await build({
    ...jsOptions,
    entryPoints: [entry],
    define: { "process.env.NODE_ENV": '"production"', ...define },
  });
  notePackages(result);
  return single(result, ".js");
}

export const CSS_TARGET = ["chrome90", "firefox88", "safari14", "edge90"];

export function single(result, ext) {
  const files = result.outputFiles.filter((f) => f.path.endsWith(ext));
  if (files.length !== 1) throw new Error("expected one " + ext + " output, got " + files.length);
  return files[0].text;
}
