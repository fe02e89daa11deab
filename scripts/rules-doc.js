// Writes docs/rules.md from the rules' docs meta (src/check/rules/**); run with `npm run docs:rules`.
import { readFileSync, writeFileSync } from "node:fs";
import { rulesDocument } from "../dist/check/docs.js";

const head = readFileSync(new URL("rules-doc.head.md", import.meta.url), "utf8");
writeFileSync(new URL("../docs/rules.md", import.meta.url), rulesDocument(head));
