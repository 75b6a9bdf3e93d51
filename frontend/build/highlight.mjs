// Highlighting: the highlight.js core and each language in a bundle of its own, and the table
// of names webio.js finds languages in.

import { build } from "esbuild";
import { buildJs, here, jsOptions, notePackages } from "./bundle.mjs";

/**
 * highlight.js languages with a bundle (webio-hl-<name>.js): the library's "common" set, less
 * plaintext (shown as it is) and shell (a console session; its names mean bash here, as in the
 * first client). More languages: add their names.
 */
export const HIGHLIGHT_LANGUAGES = [
  "bash", "c", "cpp", "csharp", "css", "diff", "go", "graphql", "ini", "java", "javascript",
  "json", "kotlin", "less", "lua", "makefile", "markdown", "objectivec", "perl", "php",
  "php-template", "python", "python-repl", "r", "ruby", "rust", "scss", "sql", "swift",
  "typescript", "vbnet", "wasm", "xml", "yaml",
];
/** Names that mean a language besides highlight.js's own names and aliases. */
const HIGHLIGHT_ALIASES = { shell: "bash", console: "bash", py3: "python" };
export const LANGUAGE_PREFIX = "webio-hl-";

/**
 * The table webio.js finds languages in (src/highlight/api.ts, HighlightTable), read from the
 * pinned highlight.js itself: every name and alias, and the languages each one embeds
 * (`subLanguage`: HTML's CSS and JavaScript) that have a bundle too.
 */
export async function highlightTableDefine() {
  const { default: core } = await import("highlight.js/lib/core");
  const hljs = core.newInstance();
  for (const name of HIGHLIGHT_LANGUAGES) {
    const { default: language } = await import(`highlight.js/lib/languages/${name}`);
    hljs.registerLanguage(name, language);
  }
  const names = {};
  const claim = (name, language) => {
    if (names[name] !== undefined && names[name] !== language) {
      throw new Error(`highlight.js name ${name} means both ${names[name]} and ${language}`);
    }
    names[name] = language;
  };
  for (const language of HIGHLIGHT_LANGUAGES) {
    for (const name of [language, ...(hljs.getLanguage(language).aliases || [])]) {
      claim(name.toLowerCase(), language);
    }
  }
  for (const [name, language] of Object.entries(HIGHLIGHT_ALIASES)) {
    if (!HIGHLIGHT_LANGUAGES.includes(language)) throw new Error("alias of a missing language: " + name);
    delete names[name];
    claim(name, language);
  }
  const embeds = (language) =>
    [...subLanguages(hljs.getLanguage(language))].map((name) => names[name]).filter(Boolean);
  const requires = {};
  for (const language of HIGHLIGHT_LANGUAGES) {
    const all = new Set([language]);
    for (const found of all) embeds(found).forEach((name) => all.add(name));
    requires[language] = [language, ...[...all].slice(1).sort()];
  }
  const table = { names: sortedObject(names), requires: sortedObject(requires) };
  return { WEBIO_HIGHLIGHT_TABLE: JSON.stringify(table) };
}

/** The `subLanguage` names anywhere in a language definition (its modes nest, and loop). */
function subLanguages(definition) {
  const found = new Set();
  const seen = new Set();
  const visit = (value) => {
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(visit);
    const sub = value.subLanguage;
    if (typeof sub === "string") found.add(sub);
    else if (Array.isArray(sub)) sub.forEach((name) => found.add(name));
    Object.values(value).forEach(visit);
  };
  visit(definition);
  return found;
}

function sortedObject(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Entry points of the language bundles, written here: "webio-hl:<language>". */
const languageEntryPlugin = {
  name: "webio-language-entries",
  setup(b) {
    b.onResolve({ filter: /^webio-hl:/ }, (args) => ({
      path: args.path.slice("webio-hl:".length),
      namespace: "webio-hl",
    }));
    b.onLoad({ filter: /.*/, namespace: "webio-hl" }, (args) => ({
      contents: [
        `import language from "highlight.js/lib/languages/${args.path}";`,
        'import { provideLanguage } from "./src/highlight/language";',
        `provideLanguage(${JSON.stringify(args.path)}, language);`,
      ].join("\n"),
      resolveDir: here,
      loader: "ts",
    }));
  },
};

/** [file name, text] of webio-highlight.js and of every language bundle. */
export async function buildHighlight() {
  const coreJs = await buildJs("src/highlight/core.ts");
  const result = await build({
    ...jsOptions,
    entryPoints: Object.fromEntries(
      HIGHLIGHT_LANGUAGES.map((language) => [LANGUAGE_PREFIX + language, "webio-hl:" + language]),
    ),
    plugins: [languageEntryPlugin],
  });
  notePackages(result);
  const languages = result.outputFiles
    .filter((file) => file.path.endsWith(".js"))
    .map((file) => [file.path.slice(file.path.lastIndexOf("/") + 1), file.text])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (languages.length !== HIGHLIGHT_LANGUAGES.length) throw new Error("a language bundle is missing");
  return [["webio-highlight.js", coreJs], ...languages];
}
