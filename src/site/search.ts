/**
 * The site's search: what each entity is searched by, shipped as a script
 * (assets/search-entries.js), from which the search page builds its MiniSearch index when it is
 * opened. A page opened from file:// may not fetch() a JSON file, but it may load a script. The
 * index is built in the browser, not by csr site, because only the search page needs it: made
 * when the site is built it cost a tenth of the build's time and shipped a file twice the size of
 * the entries. The browser loads MiniSearch, the tokenizer (tokenize.ts, the same function) and
 * the entries, and searches without a server. The tokenizer is given Porter's English stemmer (npm
 * `stemmer`, built into dist/precompiled/stemmer.js), so that `processes` finds `process` and back.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isolateBidi } from "../core/text.js";
import { PRECOMPILED_DIR } from "../load/package.js";
import { tokenize } from "./tokenize.js";

export interface SearchEntry {
  /** Unique within the index: kind and id, e.g. "document:QP-001". */
  key: string;
  kind: string;
  ref: string;
  title: string;
  text: string;
  /** Shown after the title when the entity is not in force on the site's day: 【作废】, 【草稿，未发布】, 【已替代】. */
  mark?: string;
  /** A document's version and whether it is in force on the site's day, shown after its title in place of the mark: A/1 现行, 草稿, A/0 作废 (tester70 P13). */
  badge?: string;
  /** The clauses it addresses, searched by number (8.3.7) and not shown: `IATF16949:8.3.7 …`. */
  clauses: string;
  /** A person's name in pinyin (pinyin.ts), searched and not shown: `xuhaitao xu hai tao haitao xuhai xht`. */
  pinyin?: string;
  /** The link to the entity's page from search.html (URL-encoded). */
  page: string;
}

/** MiniSearch's options, the same in every site: the fields searched and the fields a result shows. */
const OPTIONS = { idField: "key", fields: ["ref", "title", "text", "clauses", "pinyin"], storeFields: ["kind", "ref", "title", "mark", "badge", "page"] };

/** The three scripts of the search: MiniSearch itself, the tokenizer, the entries. */
export function searchAssets(entries: readonly SearchEntry[]): { name: string; text: string }[] {
  return [
    { name: "minisearch.js", text: miniSearchSource() },
    // The tokenizer with the English stemmer, both inside one function: MiniSearch calls it with a field's name second.
    { name: "tokenize.js", text: `"use strict";\n(function () {\n${stemmerSource()}\nvar tokenize = ${tokenize.toString()};\nwindow.csrTokenize = function (text) {\n  return tokenize(text, csrStemmer.stemmer);\n};\n})();\n` },
    {
      name: "search-entries.js",
      // JSON inside a script: "<" is escaped so that no value can close the script element.
      // A result's title is shown beside its number and kind: isolated, it cannot reorder them (isolateBidi).
      text: `window.csrSearch = ${JSON.stringify({ options: OPTIONS, entries: entries.map((entry) => ({ ...entry, title: isolateBidi(entry.title) })) }).replace(/</g, "\\u003c")};\n`,
    },
  ];
}

/** The `stemmer` package as a browser script that defines `csrStemmer`, made by the build (scripts/build.js siteStemmer). */
function stemmerSource(): string {
  return readFileSync(join(PRECOMPILED_DIR, "stemmer.js"), "utf8").trim();
}

/** MiniSearch's browser build, as installed with csr, with its licence in front. */
function miniSearchSource(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve("minisearch");
  let dir = dirname(main);
  while (!dir.endsWith("minisearch")) dir = dirname(dir);
  const licence = readFileSync(join(dir, "LICENSE.txt"), "utf8").trim();
  return `/*! MiniSearch (https://github.com/lucaong/minisearch)\n${licence.replace(/\*\//g, "* /")}\n*/\n${readFileSync(join(dir, "dist", "umd", "index.js"), "utf8")}`;
}
