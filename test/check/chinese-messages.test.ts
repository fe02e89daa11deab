/**
 * Findings in Chinese say everything in Chinese (issue 13): the review record's consistency and the
 * YAML parser's syntax errors come from the catalogs, English stays the words it always was.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../src/i18n/index.js";
import { parseText } from "../../src/load/source.js";
import { csrInProcess, FIXTURES, ROOT, tempDir } from "../helpers.js";

const findingLines = (stdout: string) => stdout.split("\n").filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l));

describe("csr/review-inconsistent in Chinese", () => {
  it("says what is inconsistent in the review record in Chinese", async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    cpSync(join(FIXTURES, "rules", "csr-review-inconsistent", "invalid"), dir, { recursive: true });
    const result = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: "zh-CN" });
    expect(findingLines(result.stdout)).toEqual([
      "csr/DYA/DYA-001.yaml:10:64 error csr/review-inconsistent DYA-001：品质部的意见日期为 2026-11-13，早于评审开始（2026-11-16 接收该 CSR）。请更正日期；意见或结论不能早于评审开始。",
      "csr/DYA/DYA-001.yaml:11:35 error csr/review-inconsistent DYA-001：品质部的张伟（zhang）给出了市场部的意见。部门的意见应由本部门的成员给出，或由 qms.yaml 中部门 MKT 的 'delegates' 所列的代理人给出。",
      "csr/DYA/DYA-001.yaml:11:65 error csr/review-inconsistent DYA-001：市场部的意见日期为 2026-11-30，晚于今天（2026-11-27）。请在给出意见或结论的当天记录。",
      "csr/DYA/DYA-001.yaml:12:73 error csr/review-inconsistent DYA-001：李娜（li）记录了评审结论，但在 people.yaml 中没有 'approver'（批准人）角色。请由批准人作出结论；如果已授予此人该角色，请用 'csr person update li --roles author,reviewer,approver' 加上。",
    ]);
    expect(result.code).toBe(1);
  });
});

describe("recorded dates in Chinese", () => {
  it("says which event is dated after today, or before which event it follows", async () => {
    const findings = async (name: string) => {
      const dir = tempDir();
      cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
      cpSync(join(FIXTURES, "rules", name, "invalid"), dir, { recursive: true });
      return findingLines((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: "zh-CN" })).stdout);
    };
    expect((await findings("date-in-future"))[0]).toBe(
      "csr/DYA/DYA-001.yaml:18:16 error date/in-future DYA-001：导入生产日期为 2026-11-30，晚于今天（2026-11-27）。已完成事项的记录不能填写将来的日期：请填写实际完成的日期；尚未完成的，完成后再填写。",
    );
    expect((await findings("date-out-of-order")).slice(0, 5)).toEqual([
      "csr/DYA/DYA-001.yaml:19:31 error date/out-of-order DYA-001：实施验证日期为 2026-11-18，早于导入生产日期（2026-11-20），而它应在其后。请更正两个日期中错误的一个。",
      "csr/DYA/DYA-002.yaml:8:14 error date/out-of-order DYA-002：重新评审日期为 2026-11-05，早于第 2 轮评审的关闭日期（2026-11-10），而它应在其后。请更正两个日期中错误的一个。",
      "csr/DYA/DYA-003.yaml:18:16 error date/out-of-order DYA-003：导入生产日期为 2026-11-12，早于评审结论日期（2026-11-16），而它应在其后。请更正两个日期中错误的一个。",
      "customers/DYA.yaml:15:19 error date/out-of-order DYA：顾客文件 DYA-PPAP 2 版的接收日期为 2026-11-23，早于顾客文件 DYA-PPAP 2 版的发布日期（2026-11-24），而它应在其后。请更正两个日期中错误的一个。",
      "documents/QP-001.yaml:14:33 error date/out-of-order QP-001：版本 A/0 的批准签字日期为 2026-11-17，早于版本 A/0 的审核签字日期（2026-11-19），而它应在其后。请更正两个日期中错误的一个。",
    ]);
  });
});

/** The findings of a rule's invalid fixture (test/fixtures/rules/<name>), checked in `lang`. */
async function fixtureFindings(name: string, lang: "zh-CN" | "en", edit?: (dir: string) => void): Promise<string[]> {
  const dir = tempDir();
  cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
  cpSync(join(FIXTURES, "rules", name), dir, { recursive: true });
  edit?.(dir);
  return findingLines((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang })).stdout);
}

describe("value codes in Chinese findings", () => {
  it("names a disposition and an implementation status by their Chinese labels", async () => {
    expect(await fixtureFindings("csr-not-addressed/invalid", "zh-CN")).toEqual([
      "csr/DYA/DYA-001.yaml:11:27 warning csr/not-addressed DYA-001 的结论为“必须满足”，但没有任何程序文件、作业指导书或表单落实它。请用 'csr address DYA-001 <文件编号> --section <章节>' 写明落实该要求的文件和章节。",
    ]);
    expect(await fixtureFindings("csr-implementation-overdue/invalid", "zh-CN")).toEqual([
      "csr/DYA/DYA-001.yaml:14:36 error csr/implementation-overdue DYA-001 应在 2026-11-15 前实施（负责人：王强（wang）），但实施状态仍为“实施中”。实施后请用 'csr implement DYA-001 --implemented <导入生产日期> --evidence <证据>' 记录；或商定新的完成期限，用 'csr implement DYA-001 --due <日期>' 记录。",
      "csr/DYA/DYA-002.yaml:11:13 error csr/implementation-overdue DYA-002 已决定落实，应在 2026-11-20（顾客 DYA-SQM C 版的实施日期）前实施，但尚无实施记录。已导入生产的，请用 'csr implement DYA-002 --implemented <导入生产日期> --evidence <证据>' 记录；顾客书面同意更晚日期的，用 'csr implement DYA-002 --required-by <日期>' 记录，并用 --owner <负责人> --due <完成期限> 记录实施计划（只记录计划不能消除本错误）。",
    ]);
  });

  it("gives a document kind's code, as qms.yaml spells it, with its Chinese name", async () => {
    expect(await fixtureFindings("id-number-pattern/invalid", "zh-CN")).toEqual([
      "documents/QP-20.yaml:1:5 error id/number-pattern 编号 'QP-20' 不符合 qms.yaml 中为 procedure（程序文件）规定的任何编号格式（QP-###）。请重新编号，或用 'csr numbering add QP-## --kind procedure' 增加它的编号体系。",
      "documents/QR-020-01.yaml:1:5 error id/number-pattern 编号 'QR-020-01' 不符合 qms.yaml 中为 procedure（程序文件）规定的任何编号格式（QP-###）。它符合 form（表单）的格式 QR-###-##：请检查文件的类型（kind）。请重新编号，或把它的编号体系加入 qms.yaml 的 'numbering'。",
    ]);
  });

  it("lists a schema enum's allowed codes each with its Chinese label, in English the codes alone", async () => {
    const misspelled = (dir: string) => {
      const file = join(dir, "documents", "QP-004.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("status: released", "status: releasd"));
    };
    expect(await fixtureFindings("doc-approver-lacks-role/valid", "zh-CN", misspelled)).toEqual([
      "documents/QP-004.yaml:6:9 error schema/invalid-value 'status' 的值 'releasd' 不在允许范围内。允许的值：draft（草稿）、in-review（审批中）、released（已发布）、obsolete（已作废）。是否应为 'released'？",
    ]);
    expect(await fixtureFindings("doc-approver-lacks-role/valid", "en", misspelled)).toEqual([
      "documents/QP-004.yaml:6:9 error schema/invalid-value 'status' is 'releasd'; allowed values: draft, in-review, released, obsolete. Did you mean 'released'?",
    ]);
  });
});

describe("a value typed as its label", () => {
  it("is answered with its code, in a file and on the command line", async () => {
    const labelled = (dir: string) => {
      const file = join(dir, "documents", "QP-004.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("status: released", "status: 已发布"));
    };
    expect(await fixtureFindings("doc-approver-lacks-role/valid", "zh-CN", labelled)).toEqual([
      "documents/QP-004.yaml:6:9 error schema/invalid-value 'status' 的值 '已发布' 不在允许范围内。允许的值：draft（草稿）、in-review（审批中）、released（已发布）、obsolete（已作废）。是否应为 'released'？",
    ]);
    const dir = tempDir();
    cpSync(join(FIXTURES, "rules", "_base"), dir, { recursive: true });
    // A label is taken for its code, in either language, whatever the language of the run.
    const verified = await csrInProcess(["-C", dir, "list", "--status", "verified"], { lang: "zh-CN" });
    expect(verified.code).toBe(0);
    expect(await csrInProcess(["-C", dir, "list", "--status", "已验证"], { lang: "zh-CN" })).toEqual(verified);
    expect(await csrInProcess(["-C", dir, "list", "--status", "in review"])).toEqual(await csrInProcess(["-C", dir, "list", "--status", "in-review"]));
    expect(await csrInProcess(["-C", dir, "list", "--status", "已验正"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --status 必须是 received、in-review、decided、unconfirmed、addressed、implemented、verified、superseded、rejected、not-applicable 之一；实际为 '已验正'。\n",
    });
    expect((await csrInProcess(["-C", dir, "list", "--status", "verifed"])).stderr).toBe(
      "csr: --status must be one of received, in-review, decided, unconfirmed, addressed, implemented, verified, superseded, rejected, not-applicable; got 'verifed'. Did you mean 'verified'?\n",
    );
  });
});

describe("doc/approver-lacks-role in Chinese", () => {
  it("names the missing role by its code and its Chinese label", async () => {
    expect(await fixtureFindings("doc-approver-lacks-role/invalid", "zh-CN")).toEqual([
      "documents/QP-004.yaml:12:21 error doc/approver-lacks-role 王强（wang）以审核人身份签署了 A/0 版，但在 people.yaml 中没有 reviewer（审核）角色。请由有权限的人签字；如果确已授权，请用 'csr person update wang --roles approver,reviewer' 添加该角色。",
      "documents/QP-004.yaml:13:21 error doc/approver-lacks-role 李娜（li）以批准人身份签署了 A/0 版，但在 people.yaml 中没有 approver（批准）角色。请由有权限的人签字；如果确已授权，请用 'csr person update li --roles author,reviewer,approver' 添加该角色。",
      "documents/QP-005.yaml:11:21 error doc/approver-lacks-role 陈静（chen）以编制人身份签署了 A/0 版，但在 people.yaml 中没有 author（编制）角色。请由有权限的人签字；如果确已授权，请用 'csr person update chen --roles reviewer,author' 添加该角色。",
    ]);
  });

  it("names a person whose id is their name once, not as 王强（王强）", async () => {
    const namedById = (dir: string) => {
      for (const file of ["people.yaml", "documents/QP-004.yaml"]) writeFileSync(join(dir, file), readFileSync(join(dir, file), "utf8").replace(/\bwang\b/g, "王强"));
    };
    expect((await fixtureFindings("doc-approver-lacks-role/invalid", "zh-CN", namedById))[0]).toBe(
      "documents/QP-004.yaml:12:21 error doc/approver-lacks-role 王强以审核人身份签署了 A/0 版，但在 people.yaml 中没有 reviewer（审核）角色。请由有权限的人签字；如果确已授权，请用 'csr person update 王强 --roles approver,reviewer' 添加该角色。",
    );
  });
});

describe("date/received-after-source in Chinese", () => {
  it("names the source revision's received date, the command that moves the CSR's to it (auditor16 F20), and the commands for a requirement sent separately and for a revision dated wrong (tester20 F19)", async () => {
    expect(await fixtureFindings("date-received-after-source/invalid", "zh-CN")).toEqual([
      "csr/DYA/DYA-001.yaml:4:11 warning date/received-after-source DYA-001：接收日期为 2026-11-10，晚于其来源文件 DYA-SQM C 版的接收日期（2026-11-06）；评审期限从收到顾客文件之日起算，从 2026-11-10 算起期限偏晚，逾期的评审也显示为按期。若该要求随 DYA-SQM 收到，用 'csr set DYA-001 --received 2026-11-06' 更正（评审期限随之前移）；若它是 2026-11-10 另由顾客函件、邮件或会议纪要提出的，把该函件登记为来源文件（'csr source add DYA --id <编号> --title <名称> --revision <版本> --received 2026-11-10'），再用 'csr set DYA-001 --source <编号>' 把此要求改到该函件下；若是 DYA-SQM C 版的接收日期录错了，用 'csr source update DYA-SQM --revision C --received <日期> --amend' 更正。",
      "csr/DYA/DYA-002.yaml:5:11 warning date/received-after-source DYA-002：接收日期为 2025-06-09，晚于其来源文件 DYA-SQM B 版的接收日期（2025-06-05）；评审期限从收到顾客文件之日起算，从 2025-06-09 算起期限偏晚，逾期的评审也显示为按期。若该要求随 DYA-SQM 收到，用 'csr set DYA-002 --received 2025-06-05' 更正（评审期限随之前移）；若它是 2025-06-09 另由顾客函件、邮件或会议纪要提出的，把该函件登记为来源文件（'csr source add DYA --id <编号> --title <名称> --revision <版本> --received 2025-06-09'），再用 'csr set DYA-002 --source <编号>' 把此要求改到该函件下；若是 DYA-SQM B 版的接收日期录错了，用 'csr source update DYA-SQM --revision B --received <日期> --amend' 更正。",
    ]);
  });
});

describe("csr/unknown-category in Chinese", () => {
  it("lists the categories of qms.yaml with 、 and suggests the closest in Chinese", async () => {
    expect(await fixtureFindings("csr-unknown-category/invalid", "zh-CN")).toEqual([
      "csr/DYA/DYA-001.yaml:6:11 error csr/unknown-category 类别 '特殊特征' 不是 qms.yaml 中列出的类别（特殊特性、包装与标识）。是否应为 '特殊特性'？请使用其中之一，或在 qms.yaml 的 csr.categories 下添加该类别。",
    ]);
  });
});

describe("hints in Chinese", () => {
  it("asks to correct a person's id (人员编号)", async () => {
    const people = (await fixtureFindings("ref-unresolved/invalid", "zh-CN")).filter((l) => l.includes("人员"));
    expect(people).toContain("documents/QP-020.yaml:14:20 error ref/unresolved 未知的人员 'wong'。是否应为 'wang'？请用 'csr person add' 登记此人，或更正人员编号。");
    expect(people).toContain("documents/QP-020.yaml:16:35 error ref/unresolved 未知的人员 'jun'。请用 'csr person add' 登记此人，或更正人员编号。");
    // Two of them a 首件鉴定's team member and 军代表 (first-articles.yaml).
    expect(people.filter((l) => l.startsWith("first-articles.yaml"))).toEqual([
      "first-articles.yaml:9:22 error ref/unresolved 未知的人员 'nobody'。请用 'csr person add' 登记此人，或更正人员编号。",
      "first-articles.yaml:10:30 error ref/unresolved 未知的人员 'ghost'。请用 'csr person add' 登记此人，或更正人员编号。",
    ]);
    // Three a quality objective's owner, who measured it (objectives.yaml) and a process owner (processes.yaml owner_person).
    expect(people.filter((l) => l.startsWith("objectives.yaml") || l.startsWith("processes.yaml"))).toEqual([
      "objectives.yaml:6:12 error ref/unresolved 未知的人员 'ghost'。请用 'csr person add' 登记此人，或更正人员编号。",
      "objectives.yaml:13:43 error ref/unresolved 未知的人员 'nobody'。请用 'csr person add' 登记此人，或更正人员编号。",
      "processes.yaml:6:19 error ref/unresolved 未知的人员 'ghost'。请用 'csr person add' 登记此人，或更正人员编号。",
    ]);
    expect(people).toHaveLength(20);
  });

  it("answers a person's name written by hand with their id, and a mistyped name with the nearest name (tester16 F8)", async () => {
    const byName = (dir: string) => {
      const file = join(dir, "documents", "QP-020.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("by: wong", "by: 王强").replace("by: jun", "by: 李纳"));
    };
    const people = (await fixtureFindings("ref-unresolved/invalid", "zh-CN", byName)).filter((l) => l.includes("QP-020.yaml:1"));
    expect(people).toContain("documents/QP-020.yaml:14:20 error ref/unresolved '王强' 是人员 wang 的姓名，文件中要写人员编号。请把 王强 改为 wang（命令行的 --reviewer、--by 等选项可以用姓名，YAML 文件中只能用编号）。");
    expect(people).toContain("documents/QP-020.yaml:16:35 error ref/unresolved 未知的人员 '李纳'。是否应为 '李娜'（编号 li）？请用 'csr person add' 登记此人，或更正人员编号。");
    const english = (await fixtureFindings("ref-unresolved/invalid", "en", byName)).filter((l) => l.includes("QP-020.yaml:14"));
    expect(english).toEqual(["documents/QP-020.yaml:14:20 error ref/unresolved '王强' is the name of person wang; a file names a person by their id. Write wang instead of 王强 (options such as --reviewer and --by take a name, YAML files only an id)."]);
  });
});

describe("a source revision that says 版 itself", () => {
  it("is not given a second 版, while 'C' still reads C 版", async () => {
    expect(await fixtureFindings("csr-training-overdue/invalid", "zh-CN")).toEqual([
      "csr/DYA/DYA-001.yaml:14:13 warning csr/training-overdue DYA-001 已于 2026-03-13 作出结论且需要培训，但没有针对 DYA-SQM C 版的培训记录（应于 2026-04-13 前完成，20 个工作日）。请用 'csr train DYA-001 --people ... --date ... --trainer ... --record ...' 记录。",
    ]);
    const named = (dir: string) => {
      for (const file of [join(dir, "csr", "DYA", "DYA-001.yaml"), join(dir, "customers", "DYA.yaml")]) writeFileSync(file, readFileSync(file, "utf8").replace(/revision: C\b/, "revision: 2027版"));
    };
    expect(await fixtureFindings("csr-training-overdue/invalid", "zh-CN", named)).toEqual([
      "csr/DYA/DYA-001.yaml:14:13 warning csr/training-overdue DYA-001 已于 2026-03-13 作出结论且需要培训，但没有针对 DYA-SQM 2027版的培训记录（应于 2026-04-13 前完成，20 个工作日）。请用 'csr train DYA-001 --people ... --date ... --trainer ... --record ...' 记录。",
    ]);
  });

  it("shows in csr show's review history without a second 版, and a reason's full stop does not end a line", async () => {
    const example = join(ROOT, "examples", "acme-auto");
    const zh = (await csrInProcess(["-C", example, "show", "DYA-002"], { lang: "zh-CN" })).stdout;
    // The C round with its own start, deadline, decision and timeliness, closed by D's re-review for the reason written (tester55 C7).
    expect(zh).toContain("  历次评审        C 版：接收 2024-06-17，评审期限 2024-07-01，决定日期 2024-06-24，按期\n");
    expect(zh).toContain("                    结论 必须满足，徐海涛，2024-06-24\n                    2026-03-16 因 D 版换版重评而关闭：东岳SQM升版为D版，8D提交时限由10个工作日改为D4 5个工作日、D8 15个工作日，按程序重新评审\n");
    const dir = tempDir();
    cpSync(example, dir, { recursive: true });
    const file = join(dir, "csr", "DYA", "DYA-002.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("source_revision: C", "source_revision: 2026版"));
    expect((await csrInProcess(["-C", dir, "show", "DYA-002"], { lang: "zh-CN" })).stdout).toContain("  历次评审        2026版：接收 2024-06-17，");
  });
});

describe("YAML syntax errors", () => {
  afterEach(() => setLanguage("zh-CN"));
  const problems = (text: string) => parseText("documents/QP-001.yaml", "document", text, "yaml").problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`);
  const CASES: [string, string, string][] = [
    // An unclosed bracket is reported where it opens, not where the parser gave up (a quote too: see SLIPS).
    ["a: b: c\n", "1:4 yaml/syntax YAML 语法错误：同一行中不能有两个“键: 值”（值中含有“: ”时请给值加上引号）。", "1:4 yaml/syntax YAML syntax error: Nested mappings are not allowed in compact mappings."],
    ["a\nb: 1\n", "1:1 yaml/syntax YAML 语法错误：键必须写在一行之内（常见原因：此行缺少冒号或结尾的引号，或下一行的缩进不对）。", "1:1 yaml/syntax YAML syntax error: A key must be on a single line (usually this line lacks its colon or closing quote, or the next line is indented wrongly)."],
    ["a: @x\n", "1:4 yaml/syntax YAML 语法错误：没有引号的值不能以保留字符 @ 开头；请给值加上引号。", "1:4 yaml/syntax YAML syntax error: Plain value cannot start with reserved character @."],
    ["a: [1, 2\n", "1:4 yaml/syntax YAML 语法错误：方括号 [ ] 没有闭合：缺少结尾的 ]，或下一行的缩进不够。", "1:4 yaml/syntax YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]."],
    ["a: 1\nb: {x: 1\nc: 2\n", "2:4 yaml/syntax YAML 语法错误：花括号 { } 没有闭合：缺少结尾的 }，或下一行的缩进不够。", "2:4 yaml/syntax YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }."],
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
  // tester16 F20, F17: the slips of a hand edit, named as what they are, once, where they are.
  const SOURCE = "sources:\n  - id: BCM-SQR\n    title: 北辰汽车供应商质量要求\n    title_en: Beichen Supplier Quality Requirements\n    revisions:\n      - revision: V2.0\n        received: 2025-09-08\n";
  const SLIPS: [string, string, string, string][] = [
    [
      "a full-width colon typed with a Chinese input method",
      SOURCE.replace("received: ", "received："),
      "7:17 yaml/syntax YAML 语法错误：键 received 后面是全角冒号“：”（中文输入法打出的）；YAML 只认半角冒号加空格。请改为：received: 2025-09-08",
      "7:17 yaml/syntax YAML syntax error: the key received is followed by a full-width colon '：' (typed with a Chinese input method); YAML takes only an ASCII colon and a space. Write: received: 2025-09-08",
    ],
    [
      "a key without its colon (not the line above)",
      SOURCE.replace("    title: ", "    title "),
      "3:10 yaml/syntax YAML 语法错误：键 title 后面缺少冒号。请改为：title: 北辰汽车供应商质量要求",
      "3:10 yaml/syntax YAML syntax error: the colon after the key title is missing. Write: title: 北辰汽车供应商质量要求",
    ],
    [
      "a key indented 3 spaces among keys of 4 (the parser gave three errors on that line, the first about a missing -)",
      SOURCE.replace("    title_en", "   title_en"),
      "4:1 yaml/syntax YAML 语法错误：键 title_en 缩进了 3 个空格，与上面任何一层的键都没有对齐（最近的一层缩进 4 个空格）。请把它缩进 4 个空格（用空格，不要用 Tab）。",
      "4:1 yaml/syntax YAML syntax error: the key title_en is indented 3 spaces, which lines up with no key above it (the nearest level is indented 4). Indent it 4 spaces (spaces, not tabs).",
    ],
    [
      "a quote the line does not close (where it opens, not where the parser gave up)",
      SOURCE.replace("title: 北辰", 'title: "北辰'),
      '3:12 yaml/syntax YAML 语法错误：这个引号 " 没有闭合：这一行中没有结尾的 "，YAML 会接着把下面的行也读进这个值。请在值的末尾补上 "：title: "北辰汽车供应商质量要求"',
      '3:12 yaml/syntax YAML syntax error: this " is not closed: the line has no closing ", so YAML reads the lines below into the value. Add the closing " at the end of the value: title: "北辰汽车供应商质量要求"',
    ],
  ];
  it.each(SLIPS)("names %s in one finding", (_, text, zh, en) => {
    setLanguage("zh-CN");
    expect(problems(text)).toEqual([zh]);
    setLanguage("en");
    expect(problems(text)).toEqual([en]);
  });
  it("reports the parser's errors on one line once, and nothing of a slip after another error below that error", () => {
    setLanguage("en");
    const hint = " Check indentation (spaces, not tabs) and quoting around this point.";
    expect(problems("a: b: c: d\n")).toEqual(["1:4 yaml/syntax YAML syntax error: Nested mappings are not allowed in compact mappings." + hint]);
    expect(problems(`a: [1\n${SOURCE.replace("received: ", "received：")}`)).toEqual(["1:4 yaml/syntax YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]." + hint]);
  });
  it("reports an unclosed quote inside an unclosed bracket, and nested unclosed brackets, once, at the innermost opener", () => {
    setLanguage("en");
    const hint = " Check indentation (spaces, not tabs) and quoting around this point.";
    expect(problems('a: [x, "y\nb: 1\n')).toEqual(['1:8 yaml/syntax YAML syntax error: this " is not closed: the line has no closing ", so YAML reads the lines below into the value. Add the closing " at the end of the value: a: [x, "y"']);
    expect(problems("a: 1\nb: [x, [y\nc: 1\n")).toEqual(["2:8 yaml/syntax YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]." + hint]);
  });
});
