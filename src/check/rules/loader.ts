/** Rules that the loader applies while reading each file; listed here for docs, severities and SARIF. */
import type { Rule } from "../rule.js";

export const loaderRules: Rule[] = [
  {
    id: "file/broken-link",
    severity: "error",
    summary: "A symbolic link points nowhere, or round in a loop.",
    docs: {
      description:
        "A symbolic link in the repository leads nowhere: its target does not exist, or the link is part of a loop (`a.yaml -> b.yaml -> a.yaml`, or a link to itself). The message says which.",
      fix: "Replace the link with the file it should be, point it at an existing file inside the repository, or remove it.",
    },
  },
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
    summary: "A file is not UTF-8 (often GBK or UTF-16 from a Windows editor).",
    docs: {
      description:
        "The file is not valid UTF-8. Files saved by older Windows editors are often GBK or GB2312; the finding names the first bad byte and its line. A UTF-8 byte-order mark and Windows (CRLF) line endings are accepted. A file saved as UTF-16 (Windows Notepad's \"Unicode\", PowerShell's `>` and `Out-File`) is recognised by its byte-order mark or its zero bytes and named as such.",
      fix: "Convert the file, e.g. `iconv -f GBK -t UTF-8 QP-020.yaml > QP-020.new && mv QP-020.new QP-020.yaml` (`-f UTF-16` for UTF-16), or in VS Code use \"Reopen with Encoding → GBK\", then \"Save with Encoding → UTF-8\".",
    },
  },
  {
    id: "file/line-ends",
    severity: "error",
    summary: "A file has CR-only (old Mac OS) line ends.",
    docs: {
      description:
        "The file ends its lines with a bare CR (the line end of classic Mac OS), so a YAML reader sees one long line and reports nonsense. LF (Unix) and CRLF (Windows) are both fine.",
      fix: "`tr '\\r' '\\n' < QP-020.yaml > QP-020.new && mv QP-020.new QP-020.yaml`, or in VS Code set the end of line sequence to LF and save.",
    },
  },
  {
    id: "file/merge-conflict",
    severity: "error",
    summary: "A file still contains git conflict markers.",
    docs: {
      description:
        "The file still contains git conflict markers (`<<<<<<<`, `=======`, `>>>>>>>`): a merge was committed before it was resolved. The file is not parsed. A CSR file whose two sides are two different CSRs that took the same id (both branches ran `csr add`: an add/add conflict, no common base, a different title, text or date received) is no case of versions to choose between: the message then names `csr renumber <id>`, which keeps both requirements. So it is for a document file whose two sides are two drafts that took the same number (both branches ran `csr new`: an add/add conflict, neither side released, a different title or body): `csr renumber <number>` keeps both documents.",
      fix: "Edit the file, keep the right version of each conflicting part, delete the marker lines, `git add` it. For two different CSRs of one id, or two drafts of one number, run `csr renumber <id>` instead: one keeps the id, the other gets the next free one, and both files are `git add`ed.",
    },
  },
  {
    id: "file/not-regular",
    severity: "error",
    summary: "A directory, named pipe or device where a YAML file is expected.",
    docs: {
      description:
        "Where csr expects a YAML file (`people.yaml`, `documents/QP-020.yaml` …) there is a directory, a named pipe (FIFO), a socket or a device. csr reads only regular files: a FIFO would make it wait for ever.",
      fix: "Replace it with the YAML file it should be, or remove it.",
    },
  },
  {
    id: "file/nul-byte",
    severity: "error",
    summary: "A file contains a NUL byte.",
    docs: {
      description:
        "The file contains a NUL byte (0x00). YAML text cannot hold one; it comes from a damaged file, a binary file given a `.yaml` name, or a UTF-16 file that lost its byte-order mark. The finding gives its line and column.",
      fix: "Remove it, e.g. `tr -d '\\000' < QP-020.yaml > QP-020.new && mv QP-020.new QP-020.yaml`, and check the value around it.",
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
        "The file is larger than 1 MiB. Entity files are small; a large one is usually an attachment pasted into YAML, or generated data. The limit holds for files read from git too (`csr check --base`, `csr history`): a larger committed version is reported, not read.",
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
    id: "yaml/comment-cuts-value",
    severity: "warning",
    summary: "A plain value is cut short by ' #…', which YAML reads as a comment.",
    docs: {
      description:
        "In YAML, ` #` starts a comment, also in the middle of an unquoted value: `evidence: 见返工批准单 #RW-2024-07` is read as `见返工批准单`, and the record number is silently lost. csr reports a plain value followed on its line by `#` glued to a word (a comment is written `# text`, with a space). The file is still read, with the shortened value. In a file marked 秘密 or above (a `classification:` in it, a document's layout default for its `level:`, a CSR's source document's) the message gives the line and column and what to look for, without quoting the file's text: CI logs, annotations and reports are read outside the repository's access control.",
      bad: `
  evidence: QP-012 A/1已发布，见返工批准单 #RW-2024-07   # read as 'QP-012 A/1已发布，见返工批准单'
`,
      good: `
  evidence: "QP-012 A/1已发布，见返工批准单 #RW-2024-07"
`,
      fix: "Quote the value if the text after `#` belongs to it (`evidence: \"见返工批准单 #RW-2024-07\"`), or write the comment as `# text`.",
    },
  },
  {
    id: "yaml/duplicate-key",
    severity: "error",
    summary: "A key appears twice in one mapping.",
    docs: {
      description:
        "A key appears twice in one mapping; YAML readers disagree on which value wins (some take the first, some the last, some refuse). csr reports the repeat where it is and names the line of the value it used: it checks the file with the first value, the repeat left out, so the file's other findings (schema, clauses, signatures, references) come in the same run, not one push later. Until the key is written once, the other commands do not read the file: every register (`csr list`, `csr matrix`, `csr export`, `csr site` …) refuses in one line naming the repeat's file, line and column, rather than list the file with one of the two values or leave it out (a whole processes.yaml), and a command that would change it (`csr set`, `csr sign`, `csr release` …) refuses, since writing the file back would keep one of the two values without anyone choosing. In `qms.yaml` and `people.yaml` too, csr check reads the first value and reports the other files' findings that need the file (an unknown department, a signer without the role) beside the repeat, not held back behind it; every other command refuses to run until the key is written once, as a register or a change made with one of two values nobody chose would read as meant. A file with another YAML error besides, or whose repeated entry holds an anchor (`&a`), is not read at all, as after a syntax error.",
      bad: `
title: 顾客特定要求管理程序
title: 顾客要求管理程序   # csr checks the file with the title above
`,
      good: `
title: 顾客特定要求管理程序
`,
      fix: "Keep the entry you meant (csr checked the first) and delete the other, or rename one.",
    },
  },
  {
    id: "yaml/number-as-text",
    severity: "warning",
    summary: "A plain value where text is expected reads as a number (4.10 becomes 4.1).",
    docs: {
      description:
        "Where the format expects text (a section, a title, a remark), an unquoted value that looks like a number is read as one: `section: 4.10` becomes the number 4.1, `section: 5.0` becomes 5. The message gives the value as written; csr uses it as written, but other YAML tools will not.",
      bad: `
  - document: QP-020
    section: 5.10   # YAML reads the number 5.1
`,
      good: `
  - document: QP-020
    section: "5.10"
`,
      fix: "Quote the value: `section: \"4.10\"`.",
    },
  },
  {
    id: "yaml/syntax",
    severity: "error",
    summary: "The file is not valid YAML.",
    docs: {
      description:
        "The file is not valid YAML. One finding per file: after its first error the parser's further errors are mostly echoes of it (a tab used for indentation once gave one error on every line below), so the first is reported, or in its place the slip of the hand that caused it. The usual slips of a hand edit are named as such, on the line where they are, with what to write instead: a key indented to no column of the keys above it (the finding gives the number of spaces of the nearest level), a key indented more than the key above it (YAML reads it as a further line of that value), a line of a block of text (`text: |`) indented less than the text above it (YAML ends the text there), a list item's `-` in line with no list above it, a `-` among keys (a stray `-`), a `-` with no space after it, a tab used for indentation, a key without its colon (`category 采购`: on that line, not the line above), a key with no space after its colon (`received:2026-11-27`), a full-width colon `：` typed with a Chinese input method, a quote the line does not close (at its opening `\"` or `'`). An unclosed bracket is reported where it opens (its `[` or `{`); any other error where the parser gave up, and the cause is then often a line or two above (a `: ` inside an unquoted value). The rest of the file is not checked until the error is corrected: what YAML makes of the lines after a syntax error is a guess (a line indented with a tab is read at another level, its keys lifted out of their list), so csr reads none of the file rather than report findings about data nobody wrote. A key written twice is the one YAML error after which the file is still checked (yaml/duplicate-key). In a file marked 秘密 or above (a `classification:` in it, a document's layout default for its `level:`, a CSR's source document's) the message gives the line and column and what to look for, without quoting the file's text: CI logs, annotations and reports are read outside the repository's access control.",
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
    id: "yaml/tag",
    severity: "error",
    summary: "A YAML tag such as !!js/function, !!set or a custom !tag.",
    docs: {
      description:
        "A value carries a YAML tag: `!!js/function`, `!!python/object/apply:…`, a custom `!tag`, `!!set`, `!!omap`, `!!binary` …. Such tags ask a reader to build objects or run code, or they silently turn a value into something else; csr reads plain values only and reports the tag at its position. The core tags that only restate a plain type (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`) are accepted.",
      fix: "Remove the tag and write the value plainly.",
    },
  },
  {
    id: "yaml/too-deep",
    severity: "error",
    summary: "YAML nested more than 100 levels deep.",
    docs: {
      description:
        "Lists and mappings are nested more than 100 levels deep (csr's data is never nested more than a few levels). Such a file is generated or hostile; reading it could exhaust the stack. The finding points at the first value that is too deep.",
      fix: "Flatten the structure.",
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
