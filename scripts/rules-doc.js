// Writes docs/rules.md and docs/rules.zh-CN.md from the rules' docs meta (src/check/rules/**) and
// locales/rules.zh-CN.json; run with `npm run docs:rules`.
import { readFileSync, writeFileSync } from "node:fs";
import { toolModule } from "./build.js";

const { rulesDocument } = await import(await toolModule("rules-doc", ["src/check/docs.ts"]));

for (const [lang, suffix] of [["en", ""], ["zh-CN", ".zh-CN"]]) {
  const head = readFileSync(new URL(`rules-doc.head${suffix}.md`, import.meta.url), "utf8");
  writeFileSync(new URL(`../docs/rules${suffix}.md`, import.meta.url), rulesDocument(head, lang));
}
