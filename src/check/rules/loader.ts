/** Rules that the loader applies while reading each file; listed here for docs, severities and SARIF. */
import type { Rule } from "../rule.js";

export const loaderRules: Rule[] = [
  {
    id: "file/empty",
    severity: "error",
    summary: "A repository YAML file is empty.",
    docs: {
      description:
        "A repository YAML file (`qms.yaml`, `documents/*.yaml` …) is empty or holds only comments. An empty file usually comes from an interrupted edit or a merge that kept nothing.",
      fix: "Fill the file in (see [format.md](format.md)) or delete it.",
    },
  },
  {
    id: "file/encoding",
    severity: "error",
    summary: "A file is not UTF-8 (often GBK from a Windows editor).",
    docs: {
      description:
        "The file is not valid UTF-8. Files saved by older Windows editors are often GBK or GB2312; the finding names the first bad byte and its line. A UTF-8 byte-order mark and Windows (CRLF) line endings are accepted.",
      fix: "Convert the file, e.g. `iconv -f GBK -t UTF-8 QP-020.yaml > QP-020.new && mv QP-020.new QP-020.yaml`, or in VS Code use \"Reopen with Encoding → GBK\", then \"Save with Encoding → UTF-8\".",
    },
  },
  {
    id: "file/merge-conflict",
    severity: "error",
    summary: "A file still contains git conflict markers.",
    docs: {
      description:
        "The file still contains git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`): a merge was committed before it was resolved. The file is not parsed.",
      fix: "Edit the file, keep the right version of each conflicting part, delete the marker lines, `git add` it.",
    },
  },
  {
    id: "file/outside-repository",
    severity: "error",
    summary: "A symbolic link leads outside the repository.",
    docs: {
      description:
        "A symbolic link inside the repository points to a file or folder outside it. csr never reads outside the repository, so the link is not followed.",
      fix: "Copy the file into the repository instead of linking to it.",
    },
  },
  {
    id: "file/too-large",
    severity: "error",
    summary: "A file is larger than 1 MiB.",
    docs: {
      description:
        "The file is larger than 1 MiB. Entity files are small; a large one is usually an attachment pasted into YAML, or generated data.",
      fix: "Split the file, or store attachments as files and refer to them by path (`file:` of a source revision).",
    },
  },
  {
    id: "schema/invalid-value",
    severity: "error",
    summary: "A value has the wrong type, form or is not one of the allowed values.",
    docs: {
      description:
        "A value has the wrong type or form: text where a list is expected, a date not written `YYYY-MM-DD`, a value outside the allowed list (with a suggestion), a level outside 1–4, a clause reference not written `STANDARD:CLAUSE`, a version not written like `A/0`.",
      bad: `
level: 5
kind: procedur
`,
      good: `
level: 2
kind: procedure
`,
      fix: "Write the value in the form the message asks for; [format.md](format.md) describes every field.",
    },
  },
  {
    id: "schema/missing-field",
    severity: "error",
    summary: "A required field is missing.",
    docs: {
      description:
        "A required field is missing; the finding points at the mapping that lacks it.",
      fix: "Add the field. [format.md](format.md) lists the required fields of each file.",
    },
  },
  {
    id: "schema/unknown-field",
    severity: "error",
    summary: "A field is not part of the format (often a typo).",
    docs: {
      description:
        "A field that is not part of the format, usually a typo. The message suggests the closest allowed field and lists all of them.",
      bad: `
tittle: 顾客特定要求管理程序   # Did you mean 'title'?
`,
      good: `
title: 顾客特定要求管理程序
`,
      fix: "Correct the field's name, or remove it.",
    },
  },
  {
    id: "yaml/alias-limit",
    severity: "error",
    summary: "YAML aliases expand to too much data.",
    docs: {
      description:
        "Anchors and aliases (`&a`, `*a`) expand to more than 10,000 nodes. Nested aliases can make a small file expand into billions of values (an \"alias bomb\"); csr stops at once. Ordinary reuse of anchors and merge keys (`<<: *base`) is fine.",
      fix: "Write the values out instead of nesting aliases.",
    },
  },
  {
    id: "yaml/duplicate-key",
    severity: "error",
    summary: "A key appears twice in one mapping.",
    docs: {
      description:
        "A key appears twice in one mapping; YAML readers disagree on which value wins, so csr refuses.",
      bad: `
title: 顾客特定要求管理程序
title: 顾客要求管理程序
`,
      good: `
title: 顾客特定要求管理程序
`,
      fix: "Keep one of the two entries.",
    },
  },
  {
    id: "yaml/syntax",
    severity: "error",
    summary: "The file is not valid YAML.",
    docs: {
      description:
        "The file is not valid YAML. The position is where the parser gave up; the cause is often a line or two above (a tab used for indentation, an unclosed quote or bracket, a `: ` inside an unquoted value).",
      bad: `
title: QP-020: 顾客特定要求管理程序   # ': ' inside a plain value
`,
      good: `
title: "QP-020: 顾客特定要求管理程序"
`,
      fix: "Correct the syntax at or just before the position; quote values that contain `: ` or start with a special character.",
    },
  },
  {
    id: "yaml/unsafe-key",
    severity: "error",
    summary: "A key such as __proto__ that could alter object behaviour.",
    docs: {
      description:
        "A key named `__proto__`, `constructor` or `prototype`. Such keys can change how every object in a JavaScript program behaves; csr drops them before reading the data and reports them.",
      fix: "Rename or remove the key.",
    },
  },
];
