/**
 * One slip of a hand edit, one finding (tester16 F17): the usual slips in a customer file or a
 * procedure (wrong indentation of a key, a list item or a line of a text block, a tab, a missing
 * colon or space, an unclosed quote, a stray `-`) each give exactly one yaml/syntax finding from
 * `csr check`, on the line of the slip, saying what is wrong and what to write instead, in Chinese
 * and in English; the parser's further errors, echoes of the first, are not reported.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, minimalRepo, ROOT } from "../helpers.js";

const DYA = readFileSync(join(ROOT, "examples", "acme-auto", "customers", "DYA.yaml"), "utf8");
const today = ["--today", "2026-12-01"];

/** [slip, text replaced in DYA.yaml, replacement, line, column, message in Chinese, message in English]. */
const SLIPS: [string, string, string, number, number, string, string][] = [
  [
    "mapping: a key indented 3 spaces among keys of 4",
    "\n    title_en: Dongyue Supplier Quality",
    "\n   title_en: Dongyue Supplier Quality",
    17,
    1,
    "YAML 语法错误：键 title_en 缩进了 3 个空格，与上面任何一层的键都没有对齐（最近的一层缩进 4 个空格）。请把它缩进 4 个空格（用空格，不要用 Tab）。",
    "YAML syntax error: the key title_en is indented 3 spaces, which lines up with no key above it (the nearest level is indented 4). Indent it 4 spaces (spaces, not tabs).",
  ],
  [
    "mapping: the first key after a list item's - indented 3 spaces, not 4",
    "\n    title: 东岳汽车产品",
    "\n   title: 东岳汽车产品",
    30,
    1,
    "YAML 语法错误：键 title 缩进了 3 个空格，与上面任何一层的键都没有对齐（最近的一层缩进 4 个空格）。请把它缩进 4 个空格（用空格，不要用 Tab）。",
    "YAML syntax error: the key title is indented 3 spaces, which lines up with no key above it (the nearest level is indented 4). Indent it 4 spaces (spaces, not tabs).",
  ],
  [
    "mapping: a key indented 5 spaces among keys of 4",
    "\n    title_en: Dongyue Supplier Quality",
    "\n     title_en: Dongyue Supplier Quality",
    17,
    1,
    "YAML 语法错误：键 title_en 缩进了 5 个空格，比上一行的键 title 多，YAML 把它读成了 title 的值的续行。请把它缩进 4 个空格，与 title 对齐。",
    "YAML syntax error: the key title_en is indented 5 spaces, more than the key title above it, so YAML reads it as a further line of the value of title. Indent it 4 spaces, in line with title.",
  ],
  [
    "mapping: a key indented more than the key of its list item",
    "\n        issued: 2025-01-20",
    "\n         issued: 2025-01-20",
    35,
    1,
    "YAML 语法错误：键 issued 缩进了 9 个空格，比上一行的键 revision 多，YAML 把它读成了 revision 的值的续行。请把它缩进 8 个空格，与 revision 对齐。",
    "YAML syntax error: the key issued is indented 9 spaces, more than the key revision above it, so YAML reads it as a further line of the value of revision. Indent it 8 spaces, in line with revision.",
  ],
  [
    "list: a - indented 3 spaces among items of 2",
    "\n  - id: DYA-SC",
    "\n   - id: DYA-SC",
    29,
    1,
    "YAML 语法错误：列表项的 - 缩进了 3 个空格，与上面任何一个列表的项都没有对齐（最近的列表缩进 2 个空格）。请把它缩进 2 个空格，属于这一项的下面几行也一起移动。",
    "YAML syntax error: the list item's - is indented 3 spaces, which lines up with no item of a list above it (the nearest list is indented 2). Indent it 2 spaces, and the item's lines below it with it.",
  ],
  [
    "list: a - indented 1 space among items of 2",
    "\n  - id: DYA-SC",
    "\n - id: DYA-SC",
    29,
    1,
    "YAML 语法错误：列表项的 - 缩进了 1 个空格，与上面任何一个列表的项都没有对齐（最近的列表缩进 2 个空格）。请把它缩进 2 个空格，属于这一项的下面几行也一起移动。",
    "YAML syntax error: the list item's - is indented 1 space, which lines up with no item of a list above it (the nearest list is indented 2). Indent it 2 spaces, and the item's lines below it with it.",
  ],
  [
    "list: a - indented 4 spaces among items of 2",
    "\n  - id: DYA-SC",
    "\n    - id: DYA-SC",
    29,
    1,
    "YAML 语法错误：列表项的 - 缩进了 4 个空格，与上面任何一个列表的项都没有对齐（最近的列表缩进 2 个空格）。请把它缩进 2 个空格，属于这一项的下面几行也一起移动。",
    "YAML syntax error: the list item's - is indented 4 spaces, which lines up with no item of a list above it (the nearest list is indented 2). Indent it 2 spaces, and the item's lines below it with it.",
  ],
  [
    "list: a - indented 5 spaces among items of 6",
    "\n      - revision: D",
    "\n     - revision: D",
    24,
    1,
    "YAML 语法错误：列表项的 - 缩进了 5 个空格，与上面任何一个列表的项都没有对齐（最近的列表缩进 6 个空格）。请把它缩进 6 个空格，属于这一项的下面几行也一起移动。",
    "YAML syntax error: the list item's - is indented 5 spaces, which lines up with no item of a list above it (the nearest list is indented 6). Indent it 6 spaces, and the item's lines below it with it.",
  ],
  [
    "list: a - indented 7 spaces among items of 6",
    "\n      - revision: D",
    "\n       - revision: D",
    24,
    1,
    "YAML 语法错误：列表项的 - 缩进了 7 个空格，与上面任何一个列表的项都没有对齐（最近的列表缩进 6 个空格）。请把它缩进 6 个空格，属于这一项的下面几行也一起移动。",
    "YAML syntax error: the list item's - is indented 7 spaces, which lines up with no item of a list above it (the nearest list is indented 6). Indent it 6 spaces, and the item's lines below it with it.",
  ],
  [
    "a tab as the indentation",
    "\n        received: 2024-06-17",
    "\n\treceived: 2024-06-17",
    22,
    1,
    "YAML 语法错误：这一行用 Tab 缩进，而 YAML 只认空格。请把行首的 Tab 换成空格，与同一层的键对齐。",
    "YAML syntax error: this line is indented with a tab; YAML takes only spaces. Replace the tab at the start of the line with spaces, lining the key up with the others of its level.",
  ],
  [
    "a tab after spaces",
    "\n        received: 2024-06-17",
    "\n      \treceived: 2024-06-17",
    22,
    7,
    "YAML 语法错误：这一行用 Tab 缩进，而 YAML 只认空格。请把行首的 Tab 换成空格，与同一层的键对齐。",
    "YAML syntax error: this line is indented with a tab; YAML takes only spaces. Replace the tab at the start of the line with spaces, lining the key up with the others of its level.",
  ],
  [
    "tabs on several lines",
    "\n        issued: 2024-06-12\n        received: 2024-06-17",
    "\n\tissued: 2024-06-12\n\treceived: 2024-06-17",
    21,
    1,
    "YAML 语法错误：这一行用 Tab 缩进，而 YAML 只认空格；文件中共有 2 行用 Tab 缩进。请把这些行首的 Tab 都换成空格，与同一层的键对齐（编辑器中可选“将缩进转换为空格”）。",
    "YAML syntax error: this line is indented with a tab; YAML takes only spaces, and 2 lines of the file are indented with tabs. Replace the tabs at the start of those lines with spaces, lining each key up with the others of its level (editors can convert indentation to spaces).",
  ],
  [
    "a key without its colon",
    "\n    title: 东岳汽车产品",
    "\n    title 东岳汽车产品",
    30,
    10,
    "YAML 语法错误：键 title 后面缺少冒号。请改为：title: 东岳汽车产品特殊特性管理规范",
    "YAML syntax error: the colon after the key title is missing. Write: title: 东岳汽车产品特殊特性管理规范",
  ],
  [
    "the first key of a list item without its colon",
    "\n  - id: DYA-SC",
    "\n  - id DYA-SC",
    29,
    7,
    "YAML 语法错误：键 id 后面缺少冒号。请改为：- id: DYA-SC",
    "YAML syntax error: the colon after the key id is missing. Write: - id: DYA-SC",
  ],
  [
    "the first line without its colon",
    "code: DYA\n",
    "code DYA\n",
    1,
    5,
    "YAML 语法错误：键 code 后面缺少冒号。请改为：code: DYA",
    "YAML syntax error: the colon after the key code is missing. Write: code: DYA",
  ],
  [
    "no space after a colon",
    "\n        received: 2024-06-17",
    "\n        received:2024-06-17",
    22,
    18,
    "YAML 语法错误：键 received 的冒号后面缺少空格，YAML 把这一行读作一段文字，而不是“键: 值”。请改为：received: 2024-06-17",
    "YAML syntax error: the colon after the key received is not followed by a space, so YAML reads the line as one text, not as a key and its value. Write: received: 2024-06-17",
  ],
  [
    "an unclosed quote",
    "\n    title: 东岳汽车产品特殊特性管理规范",
    "\n    title: \"东岳汽车产品特殊特性管理规范",
    30,
    12,
    "YAML 语法错误：这个引号 \" 没有闭合：这一行中没有结尾的 \"，YAML 会接着把下面的行也读进这个值。请在值的末尾补上 \"：title: \"东岳汽车产品特殊特性管理规范\"",
    "YAML syntax error: this \" is not closed: the line has no closing \", so YAML reads the lines below into the value. Add the closing \" at the end of the value: title: \"东岳汽车产品特殊特性管理规范\"",
  ],
  [
    "a stray - before a key",
    "\n    title_en: Dongyue Special",
    "\n    - title_en: Dongyue Special",
    31,
    5,
    "YAML 语法错误：这里多了一个列表标记 -：同一层的其他行是“键: 值”，不是列表项。请删除这个 -，改为：title_en: Dongyue Special Characteristics Specification",
    "YAML syntax error: this - is one too many: the other lines of this level are keys (key: value), not list items. Remove the -: title_en: Dongyue Special Characteristics Specification",
  ],
  [
    "a stray - alone on a line",
    "\nclass: A\n",
    "\nclass: A\n-\n",
    5,
    1,
    "YAML 语法错误：这一行只有一个列表标记 -，而同一层的其他行是“键: 值”，不是列表项。请删除这一行。",
    "YAML syntax error: this line holds only a list marker -, but the other lines of this level are keys (key: value), not list items. Delete the line.",
  ],
  [
    "no space after a -",
    "\n  - name: 何佳",
    "\n  -name: 何佳",
    10,
    3,
    "YAML 语法错误：列表标记 - 后面缺少空格。请改为：- name: 何佳",
    "YAML syntax error: the list marker - is not followed by a space. Write: - name: 何佳",
  ],
  [
    "a full-width colon",
    "\n        received: 2024-06-17",
    "\n        received：2024-06-17",
    22,
    17,
    "YAML 语法错误：键 received 后面是全角冒号“：”（中文输入法打出的）；YAML 只认半角冒号加空格。请改为：received: 2024-06-17",
    "YAML syntax error: the key received is followed by a full-width colon '：' (typed with a Chinese input method); YAML takes only an ASCII colon and a space. Write: received: 2024-06-17",
  ],
];

describe("a slip of a hand edit in a YAML file", () => {
  it("the customer file as it is has no finding of its YAML", async () => {
    // But csr/source-unreviewed: this repository has the customer file alone, without a CSR of its source revisions; and
    // action/complaint-unrecorded: acme-auto's September scorecard counts a complaint no corrective action records, a gap the
    // example keeps visible (d61fe4f4, tester82 A2), and this repository has no actions/ at all.
    const findings = (await checkJsonInProcess(minimalRepo({ "customers/DYA.yaml": DYA }), ...today)).findings;
    expect(findings.filter((f) => f.rule !== "csr/source-unreviewed").map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`)).toEqual(["customers/DYA.yaml:53:83 action/complaint-unrecorded"]);
    expect(findings.map((f) => f.rule)).toEqual(["csr/source-unreviewed", "csr/source-unreviewed", "action/complaint-unrecorded"]);
  });

  it.each(SLIPS)("%s: one finding, where the slip is", async (_, from, to, line, column, zh, en) => {
    const text = DYA.replace(from, to);
    expect(text).not.toBe(DYA);
    const dir = minimalRepo({ "customers/DYA.yaml": text });
    for (const [lang, message] of [["zh-CN", zh], ["en", en]] as const) {
      const { code, findings } = await checkJsonInProcess(dir, "--lang", lang, ...today);
      expect(findings.map(({ file, line, column, rule, severity, message }) => ({ file, line, column, rule, severity, message }))).toEqual([
        { file: "customers/DYA.yaml", line, column, rule: "yaml/syntax", severity: "error", message },
      ]);
      expect(code).toBe(1);
    }
  });

  it.each([
    [5, "     - **各部门**"],
    [4, "    - **各部门**"],
  ])("a line of a text block (text: |) indented %i spaces among lines of 6: one finding, saying that it ends the text", async (spaces, edited) => {
    const procedure = readFileSync(join(ROOT, "examples", "acme-auto", "documents", "procedures", "QP-001.yaml"), "utf8");
    const text = procedure.replace("      - **各部门**", edited);
    expect(text).not.toBe(procedure);
    const dir = minimalRepo({ "documents/QP-001.yaml": text });
    const messages = {
      "zh-CN": `YAML 语法错误：这一行缩进了 ${spaces} 个空格，少于上面 text 的文字块（|）各行的 6 个空格，YAML 在这里结束了这段文字，把这一行当作 YAML 来读。如果它属于这段文字，请把它缩进 6 个空格。`,
      en: `YAML syntax error: this line is indented ${spaces} spaces, less than the 6 of the lines of the text block (|) of text above it, so YAML ends the text here and reads the line as YAML. If it belongs to the text, indent it 6 spaces.`,
    };
    for (const lang of ["zh-CN", "en"] as const) {
      const { findings } = await checkJsonInProcess(dir, "--lang", lang, ...today);
      expect(findings.map(({ file, line, column, rule, message }) => ({ file, line, column, rule, message }))).toEqual([
        { file: "documents/QP-001.yaml", line: 61, column: 1, rule: "yaml/syntax", message: messages[lang] },
      ]);
    }
  });

  it("a source's department indented 3 spaces instead of 4 (as tester16 found it): one finding, not three, naming 4 spaces", async () => {
    const text = DYA.replace("  - id: DYA-KPI\n", "  - id: DYA-KPI\n   department: QA\n");
    const { code, findings } = await checkJsonInProcess(minimalRepo({ "customers/DYA.yaml": text }), "--lang", "zh-CN", ...today);
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`)).toEqual([
      "customers/DYA.yaml:38:1 yaml/syntax YAML 语法错误：键 department 缩进了 3 个空格，与上面任何一层的键都没有对齐（最近的一层缩进 4 个空格）。请把它缩进 4 个空格（用空格，不要用 Tab）。",
    ]);
    expect(code).toBe(1);
  });
});
