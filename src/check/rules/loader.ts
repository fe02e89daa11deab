/** Rules that the loader applies while reading each file; listed here for docs, severities and SARIF. */
import type { Rule } from "../rule.js";

export const loaderRules: Rule[] = [
  { id: "file/broken-link", severity: "error", summary: "A symbolic link points nowhere, or round in a loop." },
  { id: "file/empty", severity: "error", summary: "A repository YAML file is empty." },
  { id: "file/encoding", severity: "error", summary: "A file is not UTF-8 (often GBK or UTF-16 from a Windows editor)." },
  { id: "file/line-ends", severity: "error", summary: "A file has CR-only (old Mac OS) line ends." },
  { id: "file/merge-conflict", severity: "error", summary: "A file still contains git conflict markers." },
  { id: "file/not-regular", severity: "error", summary: "A directory, named pipe or device where a YAML file is expected." },
  { id: "file/nul-byte", severity: "error", summary: "A file contains a NUL byte." },
  { id: "file/outside-repository", severity: "error", summary: "A symbolic link leads outside the repository." },
  { id: "file/too-large", severity: "error", summary: "A file is larger than 1 MiB." },
  { id: "schema/invalid-value", severity: "error", summary: "A value has the wrong type, form or is not one of the allowed values." },
  { id: "schema/missing-field", severity: "error", summary: "A required field is missing." },
  { id: "schema/unknown-field", severity: "error", summary: "A field is not part of the format (often a typo)." },
  { id: "yaml/alias-limit", severity: "error", summary: "YAML aliases expand to too much data." },
  { id: "yaml/duplicate-key", severity: "error", summary: "A key appears twice in one mapping." },
  { id: "yaml/syntax", severity: "error", summary: "The file is not valid YAML." },
  { id: "yaml/tag", severity: "error", summary: "A YAML tag such as !!js/function, !!set or a custom !tag." },
  { id: "yaml/too-deep", severity: "error", summary: "YAML nested more than 100 levels deep." },
  { id: "yaml/unsafe-key", severity: "error", summary: "A key such as __proto__ that could alter object behaviour." },
];
