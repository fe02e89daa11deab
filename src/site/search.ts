/**
 * The site's search index, built with MiniSearch when the site is built and shipped as a script
 * (assets/search-index.js): a page opened from file:// may not fetch() a JSON file, but it may load
 * a script. The browser loads MiniSearch, the tokenizer (tokenize.ts, the same function) and the
 * index, and searches without a server.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { tokenize } from "./tokenize.js";

export interface SearchEntry {
  /** Unique within the index: kind and id, e.g. "document:QP-001". */
  key: string;
  kind: string;
  ref: string;
  title: string;
  text: string;
  /** The link to the entity's page from search.html (URL-encoded). */
  page: string;
}

const FIELDS = ["ref", "title", "text"];
const STORE = ["kind", "ref", "title", "page"];

/** The three scripts of the search: MiniSearch itself, the tokenizer, the index. */
export async function searchAssets(entries: readonly SearchEntry[]): Promise<{ name: string; text: string }[]> {
  const { default: MiniSearch } = await import("minisearch");
  const index = new MiniSearch<SearchEntry>({ idField: "key", fields: FIELDS, storeFields: STORE, tokenize });
  index.addAll(entries);
  const options = { idField: "key", fields: FIELDS, storeFields: STORE };
  return [
    { name: "minisearch.js", text: miniSearchSource() },
    { name: "tokenize.js", text: `"use strict";\nwindow.csrTokenize = ${tokenize.toString()};\n` },
    {
      name: "search-index.js",
      // JSON inside a script: "<" is escaped so that no value can close the script element.
      text: `window.csrSearchIndex = ${JSON.stringify({ options, index: index.toJSON() }).replace(/</g, "\\u003c")};\n`,
    },
  ];
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
