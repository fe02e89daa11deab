/**
 * Findings in Chinese say everything in Chinese (issue 13): the review record's consistency and the
 * YAML parser's syntax errors come from the catalogs, English stays the words it always was.
 */
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../src/i18n/index.js";
import { parseText } from "../../src/load/source.js";
import { csr, FIXTURES, tempDir } from "../helpers.js";

const findingLines = (stdout: string) => stdout.split("\n").filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l));

describe("csr/review-inconsistent in Chinese", () => {
  it("says what is inconsistent in the review record in Chinese", () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", "csr-review-inconsistent", "invalid"), dir, { recursive: true });
    const result = csr(["-C", dir, "check", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(findingLines(result.stdout)).toEqual([
      "csr/DYA/DYA-001.yaml:10:64 error csr/review-inconsistent DYA-001：QA 的意见日期为 2026-11-13，早于评审开始（2026-11-16 接收该 CSR）。请更正日期；意见或结论不能早于评审开始。",
      "csr/DYA/DYA-001.yaml:11:35 error csr/review-inconsistent DYA-001：QA 的 张伟（zhang）给出了 MKT 的意见。部门的意见应由本部门的成员给出，或由 qms.yaml 中 MKT 的 'delegates' 所列的代理人给出。",
      "csr/DYA/DYA-001.yaml:11:65 error csr/review-inconsistent DYA-001：MKT 的意见日期为 2026-11-30，晚于今天（2026-11-27）。请在给出意见或结论的当天记录。",
      "csr/DYA/DYA-001.yaml:12:73 error csr/review-inconsistent DYA-001：李娜（li）记录了评审结论，但在 people.yaml 中没有 'approver'（批准人）角色。请由批准人作出结论；如果已授予此人该角色，请在 people.yaml 中加上。",
      "csr/DYA/DYA-001.yaml:12:83 error csr/review-inconsistent DYA-001：评审结论日期为 2026-11-20，早于最后一条意见（2026-11-30）。结论应在各部门意见之后作出；请更正日期。",
    ]);
    expect(result.code).toBe(1);
  });
});

describe("YAML syntax errors", () => {
  afterEach(() => setLanguage("zh-CN"));
  const problems = (text: string) => parseText("documents/QP-001.yaml", "document", text, "yaml").problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`);
  const CASES: [string, string, string][] = [
    ["a:\n\tb: 1\n", "2:1 yaml/syntax YAML 语法错误：不能用 Tab 缩进。", "2:1 yaml/syntax YAML syntax error: Tabs are not allowed as indentation."],
    ["a: \"x\nb: 1\n", "3:1 yaml/syntax YAML 语法错误：缺少结尾的引号 \"。", "3:1 yaml/syntax YAML syntax error: Missing closing \"quote."],
    ["a: b: c\n", "1:4 yaml/syntax YAML 语法错误：同一行中不能有两个“键: 值”（值中含有“: ”时请给值加上引号）。", "1:4 yaml/syntax YAML syntax error: Nested mappings are not allowed in compact mappings."],
    ["a\nb: 1\n", "1:1 yaml/syntax YAML 语法错误：键必须写在一行之内（常见原因：上一行缺少冒号或结尾的引号，或缩进不对）。", "1:1 yaml/syntax YAML syntax error: Implicit keys need to be on a single line."],
    ["a: @x\n", "1:4 yaml/syntax YAML 语法错误：没有引号的值不能以保留字符 @ 开头；请给值加上引号。", "1:4 yaml/syntax YAML syntax error: Plain value cannot start with reserved character @."],
    ["a: [1, 2\n", "2:1 yaml/syntax YAML 语法错误：方括号 [ ] 没有闭合：缺少结尾的 ]，或下一行的缩进不够。", "2:1 yaml/syntax YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]."],
    ["a:\n  b: 1\n c: 2\n", "3:1 yaml/syntax YAML 语法错误：同一层的各个键必须从同一列开始。", "3:1 yaml/syntax YAML syntax error: All mapping items must start at the same column."],
    ["key: value\nkey2\n", "2:1 yaml/syntax YAML 语法错误：键的后面必须有冒号和值（键: 值）。", "2:1 yaml/syntax YAML syntax error: Implicit map keys need to be followed by map values."],
    ["a: ]\n", "1:4 yaml/syntax YAML 语法错误：此处不应出现右方括号“]”。", "1:4 yaml/syntax YAML syntax error: Unexpected flow-seq-end token in YAML stream: \"]\"."],
    ["a: \"C:\\x\\y\"\n", "1:7 yaml/syntax YAML 语法错误：双引号中的转义序列 \\x\\y 无效（反斜杠 \\ 须写成 \\\\，或改用单引号）。", "1:7 yaml/syntax YAML syntax error: Invalid escape sequence \\x\\y."],
    // A sentence not known to csr is the parser's own.
    ["a: |x\n  y\n", "1:5 yaml/syntax YAML 语法错误：Block scalar header includes extra characters: |x。", "1:5 yaml/syntax YAML syntax error: Block scalar header includes extra characters: |x."],
  ];
  it.each(CASES)("%j", (text, zh, en) => {
    const zhHint = "请检查此处附近的缩进（用空格，不要用 Tab）和引号。";
    const enHint = " Check indentation (spaces, not tabs) and quoting around this point.";
    setLanguage("zh-CN");
    expect(problems(text)[0]).toBe(zh + zhHint);
    setLanguage("en");
    expect(problems(text)[0]).toBe(en + enHint);
  });
});
