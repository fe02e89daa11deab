/**
 * A key written twice is reported and the file is checked all the same, with the first value, so that one run
 * shows every finding of the file (tester69 T7); the commands that would write the file back refuse it. In qms.yaml
 * and people.yaml too: csr check reads them with the first value and shows the other files' findings that need them
 * beside the repeat, while every other command refuses until the key is written once.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, gitInit, minimalRepo } from "../helpers.js";

/** QP-001 as the pull request of T7 left it: `title` twice, clause 8.3.3.9, A/1 without its approver, in effect before A/1's review. */
const QP_001 = [
  "id: QP-001",
  "title: 文件控制程序",
  "level: 2",
  "kind: procedure",
  "department: QA",
  "clauses:",
  "  - IATF16949:7.5.3",
  "  - IATF16949:8.3.3.9",
  "title: 文件和记录控制程序",
  "status: released",
  "effective: 2026-03-01",
  "revisions:",
  "  - version: A/0",
  "    date: 2025-01-10",
  "    summary: 首次发布",
  "    prepared:",
  "      by: zhang",
  "      date: 2025-01-05",
  "    reviewed:",
  "      by: li",
  "      date: 2025-01-08",
  "    approved:",
  "      by: wang",
  "      date: 2025-01-10",
  "  - version: A/1",
  "    date: 2026-03-05",
  "    summary: 增加电子文件控制要求",
  "    prepared:",
  "      by: zhang",
  "      date: 2026-03-02",
  "    reviewed:",
  "      by: li",
  "      date: 2026-03-04",
  "",
].join("\n");

describe("a key written twice", () => {
  it("is reported with the file's other findings in one run, the file read with the first value", () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": QP_001 });
    const result = csr(["-C", dir, "check", "--today", "2026-12-01"], { lang: "zh-CN" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").filter((line) => line.startsWith("documents/QP-001.yaml:"))).toEqual([
      "documents/QP-001.yaml:8:5 error clause/unknown-clause IATF 16949:2016 中没有条款 8.3.3.9。最接近的现有条款是 IATF16949:8.3.3。请更正条款号。",
      "documents/QP-001.yaml:9:1 error yaml/duplicate-key 同一映射中键 'title' 重复出现（第一次在第 2 行）。csr 按第 2 行的值检查本文件，未读取本行的值。每个键只能出现一次：请删除不要的一项，或给其中一项改名；修正之前，csr 不修改该文件，也不输出登记表。",
      "documents/QP-001.yaml:11:12 error doc/effective-before-signature QP-001 的生效日期 2026-03-01 早于版本 A/1 的审核签字日期（2026-03-04）：文件在全部签字之后才能生效。请把 effective 改为实际生效的日期（不早于最后一个签字），或更正该签字的日期。",
      "documents/QP-001.yaml:25:5 error doc/approval-missing 已发布文件 QP-001 的 A/1 版缺少批准签字。请按纸质原件补记：csr sign QP-001 --approved <人员> --date <签字日期>（原件未写日期时去掉 --date）。",
    ]);
    expect(result.stdout).toMatch(/✖ 1 个文件中有 4 个错误、0 个警告（共检查 3 个文件）。\n$/);
  });

  it("names the line of the value csr used, in English too", () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": QP_001 });
    const result = csr(["-C", dir, "check", "--today", "2026-12-01", "--format", "json"]);
    const findings = (JSON.parse(result.stdout) as { findings: { rule: string; line: number; column: number; message: string }[] }).findings;
    expect(findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["clause/unknown-clause", 8, 5],
      ["yaml/duplicate-key", 9, 1],
      ["doc/effective-before-signature", 11, 12],
      ["doc/approval-missing", 25, 5],
    ]);
    expect(findings[1]!.message).toBe(
      "The key 'title' is written again in the same mapping (first on line 2). csr checks the file with the value on line 2 and does not read this one. Each key may appear once: delete the entry you do not want, or rename one. Until then, csr does not change this file and prints no register.",
    );
  });

  it("makes a command that would write the file back refuse it in one line, and leaves the file as it was", () => {
    const dir = gitInit(minimalRepo({ "documents/QP-001.yaml": QP_001 }));
    const result = csr(["-C", dir, "sign", "QP-001", "--approved", "wang", "--date", "2026-03-05"], { lang: "zh-CN" });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-001（documents/QP-001.yaml:9:1 yaml/duplicate-key：同一映射中键 'title' 重复出现（第一次在第 2 行））的文件有错误；csr 只修改有效的文件。\n" +
        "提示：请先运行 'csr check' 并修正这些错误。\n",
    });
    expect(readFileSync(join(dir, "documents", "QP-001.yaml"), "utf8")).toBe(QP_001);
  });
});

/** A released procedure of `department` approved by `approver`: what it needs of qms.yaml (its department) and people.yaml (its signers). */
const procedure = (department: string, approver: string) =>
  ["id: QP-002", "title: 生产过程控制程序", "level: 2", "kind: procedure", `department: ${department}`, "clauses: [IATF16949:8.5.1]", "status: released", "effective: 2025-01-10", "revisions:", "  - version: A/0", "    date: 2025-01-10", "    summary: 首次发布", "    prepared:", "      by: zhang", "      date: 2025-01-05", "    reviewed:", "      by: li", "      date: 2025-01-08", "    approved:", `      by: ${approver}`, "      date: 2025-01-10", ""].join("\n");

const findings = (stdout: string) => stdout.split("\n").filter((line) => /^\S+\.yaml:\d+/.test(line));

describe("a key written twice in qms.yaml or people.yaml", () => {
  it("qms.yaml: csr check reads the first value and shows the findings that need the file beside the repeat; other commands refuse", () => {
    const dir = gitInit(minimalRepo({ "documents/QP-002.yaml": procedure("PRD", "wang") }));
    // A second departments: block added at the end, as a hand edit does: csr reads the first, which has no PRD.
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8") + "departments:\n  - code: PRD\n    name: 生产部\n";
    writeFileSync(join(dir, "qms.yaml"), qms);
    const result = csr(["-C", dir, "check", "--today", "2026-12-01"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    expect(findings(result.stdout)).toEqual([
      "qms.yaml:19:1 error yaml/duplicate-key 同一映射中键 'departments' 重复出现（第一次在第 4 行）。csr check 按第 4 行的值读取本文件，未读取本行的值，其他文件中依赖本文件的问题照常报告。每个键只能出现一次：请删除不要的一项，或给其中一项改名；修正之前，csr 不修改仓库中的任何文件，也不输出登记表。",
      "documents/QP-002.yaml:5:13 error ref/unresolved 未知的部门 'PRD'。请使用 qms.yaml 中 'departments' 的代码，或用 'csr department add' 添加该部门。",
    ]);
    expect(result.stdout).not.toContain("暂不显示");
    expect(result.code).toBe(1);
    // Every other command still refuses, writing nothing: a change or a register made with one of the two values would read as meant.
    const before = readFileSync(join(dir, "documents", "QP-002.yaml"), "utf8");
    expect(csr(["-C", dir, "sign", "QP-002", "--countersigned", "zhang", "--date", "2025-01-09"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 无法读取 qms.yaml（yaml/duplicate-key，第 19 行：同一映射中键 'departments' 重复出现（第一次在第 4 行））；未写入任何内容。\n提示：请先修正 qms.yaml（'csr check' 会说明如何修正），然后重新运行该命令。\n",
    });
    expect(readFileSync(join(dir, "documents", "QP-002.yaml"), "utf8")).toBe(before);
    expect(readFileSync(join(dir, "qms.yaml"), "utf8")).toBe(qms);
    const register = csr(["-C", dir, "list", "documents"], { lang: "zh-CN" });
    expect(register).toMatchObject({ code: 1, stdout: "" });
    expect(register.stderr).toContain("未输出登记表");
  });

  it("people.yaml: csr check reads the first value and shows the findings that need the file beside the repeat, in English too", () => {
    const dir = minimalRepo({ "documents/QP-002.yaml": procedure("QA", "li") });
    // li's roles written twice: csr reads the first, in which li approves nothing.
    const people = readFileSync(join(dir, "people.yaml"), "utf8").replace("    department: MKT\n    roles: [author, reviewer]\n", "    department: MKT\n    roles: [author, reviewer]\n    roles: [approver]\n");
    writeFileSync(join(dir, "people.yaml"), people);
    const result = csr(["-C", dir, "check", "--today", "2026-12-01"], { lang: "zh-CN" });
    expect(result.stderr).toBe("");
    expect(findings(result.stdout)).toEqual([
      "people.yaml:11:5 error yaml/duplicate-key 同一映射中键 'roles' 重复出现（第一次在第 10 行）。csr check 按第 10 行的值读取本文件，未读取本行的值，其他文件中依赖本文件的问题照常报告。每个键只能出现一次：请删除不要的一项，或给其中一项改名；修正之前，csr 不修改仓库中的任何文件，也不输出登记表。",
      "documents/QP-002.yaml:20:11 error doc/approver-lacks-role 李娜（li）以批准人身份签署了 A/0 版，但在 people.yaml 中没有 approver（批准）角色。请由有权限的人签字；如果确已授权，请用 'csr person update li --roles author,reviewer,approver' 添加该角色。",
      "documents/QP-002.yaml:20:11 error doc/self-approval QP-002 的 A/0 版由同一人（li）审核和批准。必须由另一位批准人批准，或由另一位审核人审核。",
    ]);
    expect(result.code).toBe(1);
    const english = csr(["-C", dir, "check", "--today", "2026-12-01", "--format", "json"]);
    const json = (JSON.parse(english.stdout) as { findings: { rule: string; file: string; line: number; column: number; message: string }[] }).findings;
    expect(json.map((f) => [f.file, f.rule, f.line, f.column])).toEqual([
      ["people.yaml", "yaml/duplicate-key", 11, 5],
      ["documents/QP-002.yaml", "doc/approver-lacks-role", 20, 11],
      ["documents/QP-002.yaml", "doc/self-approval", 20, 11],
    ]);
    expect(json[0]!.message).toBe(
      "The key 'roles' is written again in the same mapping (first on line 10). csr check reads the file with the value on line 10, not this one, and reports the other files' findings that depend on it. Each key may appear once: delete the entry you do not want, or rename one. Until then, csr changes no file of the repository and prints no register.",
    );
  });
});

describe("a key written twice in a file every register reads from (gjb-demo's processes.yaml)", () => {
  it("is checked with the first value, and every register refuses in one line naming it, where the process list said processes.yaml was left out yet listed its 8 processes", () => {
    const dir = committedFixture("examples/gjb-demo");
    const file = join(dir, "processes.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("    type: management\n", "    type: management\n    type: support\n"));
    const check = csr(["-C", dir, "check", "--today", "2026-12-04"], { lang: "zh-CN" });
    expect(findings(check.stdout).filter((line) => line.startsWith("processes.yaml"))).toEqual([
      "processes.yaml:7:5 error yaml/duplicate-key 同一映射中键 'type' 重复出现（第一次在第 6 行）。csr 按第 6 行的值检查本文件，未读取本行的值。每个键只能出现一次：请删除不要的一项，或给其中一项改名；修正之前，csr 不修改该文件，也不输出登记表。",
    ]);
    const refused = "csr: processes.yaml:7:5 同一映射中键 'type' 重复出现（第一次在第 6 行）；未输出登记表：按两个值中的任何一个列出，都会被当作本意。请删除不要的一项，或给其中一项改名（'csr check' 列出全部重复的键），然后重新运行该命令。\n";
    for (const args of [["list", "processes"], ["list", "documents"], ["matrix", "clauses"]]) {
      expect(csr(["-C", dir, ...args], { lang: "zh-CN" })).toEqual({ code: 1, stdout: "", stderr: refused });
    }
    expect(csr(["-C", dir, "list", "processes", "--lang", "en"]).stderr).toBe(
      "csr: processes.yaml:7:5 The key 'type' is written again in the same mapping (first on line 6); no register was printed: listed with either of the two values, it would read as meant. Delete the entry you do not want, or rename one ('csr check' lists every key written twice), then run the command again.\n",
    );
  });

  it("in a document: the registers refuse as well, rather than leave the document out", () => {
    const dir = minimalRepo({ "documents/QP-001.yaml": QP_001 });
    const register = csr(["-C", dir, "list", "procedures"], { lang: "zh-CN" });
    expect([register.code, register.stdout]).toEqual([1, ""]);
    expect(register.stderr).toMatch(/^csr: documents\/QP-001\.yaml:9:1 同一映射中键 'title' 重复出现（第一次在第 2 行）；未输出登记表/);
  });
});
