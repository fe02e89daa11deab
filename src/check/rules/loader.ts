/** Rules that the loader applies while reading each file; listed here for docs, severities and SARIF. */
import type { Rule } from "../rule.js";

export const loaderRules: Rule[] = [
  { id: "file/empty", severity: "error", summary: "A repository YAML file is empty." },
  { id: "file/encoding", severity: "error", summary: "A file is not UTF-8 (often GBK from a Windows editor)." },
  { id: "file/merge-conflict", severity: "error", summary: "A file still contains git conflict markers." },
  { id: "file/outside-repository", severity: "error", summary: "A symbolic link leads outside the repository." },
  { id: "file/too-large", severity: "error", summary: "A file is larger than 1 MiB." },
  { id: "schema/invalid-value", severity: "error", summary: "A value has the wrong type, form or is not one of the allowed values." },
  { id: "schema/missing-field", severity: "error", summary: "A required field is missing." },
  { id: "schema/unknown-field", severity: "error", summary: "A field is not part of the format (often a typo)." },
  { id: "yaml/alias-limit", severity: "error", summary: "YAML aliases expand to too much data." },
  { id: "yaml/duplicate-key", severity: "error", summary: "A key appears twice in one mapping." },
  { id: "yaml/syntax", severity: "error", summary: "The file is not valid YAML." },
  { id: "yaml/unsafe-key", severity: "error", summary: "A key such as __proto__ that could alter object behaviour." },
];
