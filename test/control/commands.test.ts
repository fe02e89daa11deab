/**
 * The document-control commands on a copy of the bundled example: each writes only the lines it
 * means to, refuses what would be wrong, and with --commit commits exactly its files. Each command
 * checks the whole example before it writes, so a test of several steps gets a longer timeout.
 * The commands run in-process (csrInProcess); periodic-review runs the binary here, the other
 * commands in test/control/month.test.ts and test/csr/safety.test.ts.
 */
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csr, csrInProcess, git, gitInit } from "../helpers.js";
import { today } from "../today.js";

const example = () => committedFixture("examples/acme-auto");
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const diff = (dir: string) => git(dir, ["diff", "-U0", "--no-color"]).split("\n").filter((l) => /^[+-][^+-]/.test(l));

describe("csr new", () => {
  it("numbers a procedure in its family and scaffolds the sections of its kind", async () => {
    const dir = example();
    const result = await csrInProcess(["-C", dir, "new", "procedure", "--title", "产品追溯管理程序", "--department", "QA", "--clause", "IATF16949:8.5.2.1", "-y", "--commit"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /^Created QP-016 产品追溯管理程序 \(documents\/procedures\/QP-016\.yaml\), a draft procedure of Quality Assurance with 5 sections to fill in\.\nPeriodic review interval: qms\.yaml sets none for the kind procedure, so QP-016 is in no periodic review plan; to set one for it: csr set QP-016 --review-interval <months>; for every document of the kind: csr organisation update --review-interval procedure=<months>\.\nEdit the body, then release it with 'csr release QP-016 --summary \.\.\. --prepared \.\.\. --reviewed \.\.\. --approved \.\.\.'\.\nCommitted [0-9a-f]{7}: csr new procedure QP-016: 产品追溯管理程序\n$/,
    );
    expect(read(dir, "documents/procedures/QP-016.yaml")).toBe(
      [
        "id: QP-016",
        "title: 产品追溯管理程序",
        "level: 2",
        "kind: procedure",
        "department: QA",
        "clauses:",
        "  - IATF16949:8.5.2.1",
        "status: draft",
        "related: []",
        "forms: []",
        "sections:",
        "  - title: 目的",
        "    title_en: Purpose",
        "  - title: 适用范围",
        "    title_en: Scope",
        "  - title: 职责",
        "    title_en: Responsibilities",
        "  - title: 定义",
        "    title_en: Definitions",
        "  - title: 作业流程",
        "    title_en: Procedure",
        "",
      ].join("\n"),
    );
    expect(git(dir, ["show", "--name-only", "--format=", "HEAD"])).toBe("documents/procedures/QP-016.yaml\n");
    // A quality manual's chapters are the standard's (4 组织环境 … 10 改进), after the front matter.
    expect((await csrInProcess(["-C", dir, "new", "manual", "--number", "QM-002", "--title", "质量手册", "--department", "QA", "-y"])).code).toBe(0);
    const manual = read(dir, git(dir, ["ls-files", "--others", "--exclude-standard"]).trim());
    expect([...manual.matchAll(/- number: (\d+)\n\s+title: (\S+)/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "0 前言", "1 范围", "2 规范性引用文件", "3 术语和定义", "4 组织环境", "5 领导作用", "6 策划", "7 支持", "8 运行", "9 绩效评价", "10 改进",
    ]);
  }, 90_000);

  it("takes the next form number of the first family, and lists the form in the procedure that uses it", async () => {
    const dir = example();
    const result = await csrInProcess(["-C", dir, "new", "form", "--title", "追溯记录表", "--department", "QA", "--used-by", "QP-015", "-y"]);
    expect(result.stdout.split("\n")[0]).toBe("Created QR-015-03 追溯记录表 (documents/forms/QR-015-03.yaml), a draft form of Quality Assurance.");
    expect(result.stdout.split("\n")[1]).toBe("QP-015 now lists QR-015-03 among its records (相关记录): the list is part of QP-015's text, so adding a form changes QP-015 (IATF 16949 7.5.3.2) and goes out with its next revision; to create a form without changing QP-015, leave out --used-by.");
    // Its new list is the draft of QP-015's next revision, marked as csr submit marks one: A/0 stays in force as released (tester54a A2).
    expect(result.stdout.split("\n")[2]).toBe(
      `QP-015 is now being revised (修订中, since ${today()}, as 'csr submit QP-015' marks it): its file holds the draft of its next version, and version A/2 stays in force, its text as released in registers, controlled copies and the site, until 'csr release QP-015' issues the new version; to give the change up, undo it and run 'csr submit QP-015 --withdraw'.`,
    );
    // No interval for a form in qms.yaml: how to set one (year72).
    expect(result.stdout.split("\n")[3]).toBe(
      "Periodic review interval: qms.yaml sets none for the kind form, so QR-015-03 is in no periodic review plan; to set one for it: csr set QR-015-03 --review-interval <months>; for every document of the kind: csr organisation update --review-interval form=<months>.",
    );
    expect(result.stdout.split("\n")[4]).toBe(
      "Give the form its retention period before release: 'csr set QR-015-03 --retention <period>' (e.g. 3 years); csr release refuses a form without one (doc/record-retention-missing).",
    );
    // A form has no body text: what comes next is its fields and its record keeping.
    expect(result.stdout.split("\n")[5]).toBe(
      "A form has no body text: lay out its fields under sections (a Markdown table in a section's text, e.g. '| No. | Item | Result | Inspector |'; leave them out when the original is a Word or Excel sheet kept elsewhere), say on what and where its records are kept with 'csr set QR-015-03 --medium <medium> --location <place>', then release it with 'csr release QR-015-03 --summary ... --prepared ... --reviewed ... --approved ...'.",
    );
    expect(diff(dir)).toEqual(["+revising:", `+  since: ${today()}`, "-forms: [QR-015-01, QR-015-02, QR-001-02, QR-005-02]", "+forms: [QR-015-01, QR-015-02, QR-001-02, QR-005-02, QR-015-03]"]);
    // A controlled copy of QP-015 prints A/0 as released, without the draft's form.
    const copy = await csrInProcess(["-C", dir, "render", "QP-015", "--copy", "7", "--format", "md", "--out", join(dir, "..", "qp015-copy.md")]);
    expect(copy.code).toBe(0);
    expect(readFileSync(join(dir, "..", "qp015-copy.md"), "utf8")).not.toContain("QR-015-03");
    expect(read(dir, "documents/forms/QR-015-03.yaml")).toBe("id: QR-015-03\ntitle: 追溯记录表\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\n");
    expect((await csrInProcess(["-C", dir, "new", "instruction", "--family", "HH 旧体系 (2019)", "--title", "x", "--department", "PRD", "-y"])).stdout).toMatch(/^Created HH-WI-07 /);
    // QR-###-## carries the procedure's digits: without --used-by or --number a script is refused rather than given the last procedure's next number.
    expect(await csrInProcess(["-C", dir, "new", "form", "--title", "文件更改申请单", "--department", "QA", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: Forms are numbered after their procedure (QR-###-##): name the procedure with --used-by <procedure>, or give the number with --number.\n",
    });
    // So does WI-###-## (WI-008-01 is QP-008's): the next free number would have filed a supplier manual under QP-011 (tester73 S11).
    expect(await csrInProcess(["-C", dir, "new", "instruction", "--title", "供应商质量手册", "--department", "PUR", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: Work instructions are numbered after their procedure (WI-###-##): name the procedure with --used-by <procedure>, or give the number with --number.\n",
    });
    expect((await csrInProcess(["-C", dir, "new", "instruction", "--title", "供应商质量手册", "--department", "PUR", "--used-by", "QP-008", "-y"])).stdout).toMatch(/^Created WI-008-01 /);
    const kept = await csrInProcess(["-C", dir, "new", "form", "--number", "QR-099-01", "--title", "标识记录", "--department", "QA", "--retention", "产品寿命期+1年", "-y"]);
    expect(kept.stdout).not.toContain("retention");
    expect((await csrInProcess(["-C", dir, "new", "form", "--number", "QR-099-02", "--title", "标识记录", "--department", "QA", "--retention", "3年", "-y"], { lang: null })).stdout.split("\n")[2]).toBe(
      "表单没有正文：请在 sections 中写出表单的栏目和填写项（写在章节 text 中的 Markdown 表格，如 '| 序号 | 检验项目 | 结果 | 检验员 |'；原件是另存的 Word 或 Excel 表格时可不写），用 'csr set QR-099-02 --medium <保存方式> --location <存放地点>' 写明记录的保存方式和存放地点，然后用 'csr release QR-099-02 --summary ... --prepared ... --reviewed ... --approved ...' 发布。",
    );
    expect(read(dir, "documents/forms/QR-099-01.yaml")).toBe("id: QR-099-01\ntitle: 标识记录\nlevel: 4\nkind: form\ndepartment: QA\nstatus: draft\nrecord:\n  retention: 产品寿命期+1年\n");
    expect((await csrInProcess(["-C", dir, "new", "procedure", "--title", "x", "--department", "QA", "--retention", "3年", "-y"])).stderr).toBe(
      "csr: --retention is a form's retention period (record.retention); procedure documents have none.\n",
    );
  }, 90_000);

  it("refuses a number in use and names what a script must give", async () => {
    const dir = example();
    expect(await csrInProcess(["-C", dir, "new", "procedure", "--number", "QP-014", "--title", "x", "--department", "QA", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-014 exists already.\nhint: The next free number is QP-016.\n",
    });
    expect((await csrInProcess(["-C", dir, "new", "procedure", "--title", "x", "-y"])).stderr).toBe("csr: --department is required (or run in a terminal to be asked for the issuing department).\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  }, 90_000);
});

describe("csr address", () => {
  it("records the section by number with its title, and removes it again", async () => {
    const dir = example();
    expect((await csrInProcess(["-C", dir, "address", "DYA-007", "QP-012", "--section", "5", "-y", "--commit"])).stdout.split("\n")[0]).toBe("DYA-007: addressed in QP-012 5 作业流程.");
    expect(git(dir, ["show", "-U0", "--format=", "HEAD"]).split("\n").filter((l) => /^\+[^+]/.test(l))).toEqual([
      "+addressed:",
      "+  - document: QP-012",
      "+    section: 5 作业流程",
      // The link is pinned to what it was made against (csr/suspect-link).
      "+    pin:",
      expect.stringMatching(/^\+ {6}revision: [A-Z]\/\d+$/),
      expect.stringMatching(/^\+ {6}section: [0-9a-f]{12}$/),
      expect.stringMatching(/^\+ {6}csr: [0-9a-f]{12}$/),
      expect.stringMatching(/^\+ {6}date: \d{4}-\d{2}-\d{2}$/),
    ]);
    expect((await csrInProcess(["-C", dir, "address", "DYA-007", "QP-012", "--section", "作业流程", "-y"])).stdout).toBe("DYA-007 is already addressed in QP-012 5 作业流程; nothing changed.\n");
    expect((await csrInProcess(["-C", dir, "address", "DYA-007", "QP-012", "--remove", "-y", "--commit"])).stdout).toMatch(
      /^DYA-007: no longer addressed in QP-012 \(1 entry removed\)\.\nCommitted [0-9a-f]{7}: csr address DYA-007: remove QP-012\n$/,
    );
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  }, 90_000);

  it("refuses a section the document does not have, naming the ones it has", async () => {
    const dir = example();
    expect(await csrInProcess(["-C", dir, "address", "DYA-007", "QP-014", "--section", "5.9", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-014 has no section '5.9'.\nhint: Its sections: 1 目的, 2 适用范围, 3 职责, 4 定义, 5 作业流程, 5.1 识别, 5.2 符号转换, 5.3 标注, 5.4 控制. Give the number (e.g. --section 5.4) or the title.\n",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  }, 90_000);
});

describe("csr implement", () => {
  it("records the date implemented and the evidence; the status follows", async () => {
    const dir = example();
    expect((await csrInProcess(["-C", dir, "implement", "DYA-004", "--implemented", "2026-11-20", "--evidence", "10份控制计划已评审", "-y"])).stdout).toBe(
      "DYA-004: implementation recorded: status implemented, owner Zhou Peng (zhoupeng), due 2026-12-31, customer's date 2026-12-31, implemented 2026-11-20.\nWrote csr/DYA/DYA-004.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect(diff(dir)).toEqual([
      "-  status: in-progress",
      "-  evidence: D1平台6份控制计划已完成年度评审，D2平台4份进行中；东岳SQE刘涛2026-03-20邮件同意现有控制计划的首次年度评审于2026年内完成。",
      "+  status: implemented",
      "+  evidence: 10份控制计划已评审",
      "+  implemented: 2026-11-20",
    ]);
  }, 90_000);

  it("refuses a date implemented after today or before the CSR was decided, and a verification before the implementation", async () => {
    const dir = example();
    const run = (...args: string[]) => csrInProcess(["-C", dir, "implement", "DYA-004", ...args, "-y"]);
    expect(await run("--implemented", "2099-12-31")).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^csr: --implemented 2099-12-31 is after today \(\d{4}-\d{2}-\d{2}\): a record of something done cannot be dated in the future\.\n$/),
    });
    // Received 2026-03-16, decided 2026-03-23: implemented in production once decided (tester18 F13).
    expect(await run("--implemented", "2026-03-20")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --implemented 2026-03-20 is before the review decision of DYA-004 (2026-03-23), which it must follow.\n",
    });
    expect((await csrInProcess(["-C", dir, "implement", "DYA-004", "--implemented", "2026-03-15", "-y"], { lang: null })).stderr).toBe(
      "csr: --implemented 2026-03-15 早于 DYA-004 评审结论日期（2026-03-23），而它应在其后。\n",
    );
    expect(await run("--implemented", "2026-11-20", "--verified-by", "xuht", "--date", "2026-11-19")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2026-11-19 is before the implementation of DYA-004 (2026-11-20), which it must follow.\n",
    });
    expect((await csrInProcess(["-C", dir, "implement", "DYA-004", "--implemented", "2099-12-31", "-y"], { lang: null })).stderr).toMatch(
      /^csr: --implemented 2099-12-31 晚于今天（\d{4}-\d{2}-\d{2}）：已完成事项的记录不能填写将来的日期。\n$/,
    );
    expect(diff(dir)).toEqual([]);
    // A verification dated before an implementation already on file is what csr check reports.
    expect((await run("--implemented", "2026-11-20")).code).toBe(0);
    expect(await run("--verified-by", "xuht", "--date", "2026-11-18")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2026-11-18 is before the implementation of DYA-004 (2026-11-20), which it must follow.\n",
    });
  }, 90_000);

  it("refuses an undecided CSR", async () => {
    const dir = example();
    expect((await csrInProcess(["-C", dir, "implement", "DYA-007", "--owner", "zhangli", "-y"])).stderr).toBe(
      "csr: DYA-007 is not decided yet; record the decision before its implementation.\nhint: Run 'csr review DYA-007 --disposition must --by wangjg' first.\n",
    );
    // The hint names an approver of people.yaml, in Chinese by the name people know them by.
    expect((await csrInProcess(["-C", dir, "implement", "DYA-007", "--owner", "zhangli", "-y"], { lang: null })).stderr).toMatch(/\n提示：请先运行 'csr review DYA-007 --disposition must --by 王建国'。\n$/);
  }, 90_000);
});

describe("csr periodic-review", () => {
  // tester60 J12: the 文控 learns at the review, not at the refusal, that QP-004 must be revised before QR-004-02 is withdrawn.
  it("names, under a 拟作废 conclusion, the documents in force citing the document, to revise before csr obsolete, which refuses until then", async () => {
    const dir = example();
    const review = await csrInProcess(["-C", dir, "periodic-review", "QR-004-02", "--by", "徐海涛", "--date", "2026-12-04", "--result", "withdraw", "--comment", "并入QR-013-01", "-y", "--commit"], { lang: null });
    expect([review.code, review.stderr]).toEqual([0, ""]);
    const lines = review.stdout.trimEnd().split("\n");
    expect(lines.slice(0, -1)).toEqual([
      "QR-004-02：已登记定期评审，徐海涛（xuht），2026-12-04；文件不升版。",
      "结论：拟作废。以下 1 处现行记录仍引用 QR-004-02，须先处理，否则 'csr obsolete QR-004-02' 会拒绝（现行文件不得把读者引向已作废的文件）：",
      "  QP-004 内部审核程序：发布新版本（'csr release QP-004'），改为引用替代 QR-004-02 的文件或删除该引用",
      "然后用 'csr obsolete QR-004-02' 作废 QR-004-02；本次评审不重新计算定期评审期限。",
    ]);
    expect(lines.at(-1)).toMatch(/^已提交 [0-9a-f]{7}：csr periodic-review QR-004-02：拟作废/);
    const refused = await csrInProcess(["-C", dir, "obsolete", "QR-004-02", "--reason", "并入QR-013-01", "--superseded-by", "QR-013-01", "--date", "2026-12-04", "-y"], { lang: null });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("QP-004 引用了 QR-004-02");
  });

  it("records the review and its conclusion under reviews, which is not a revision, and lists it in the 文件定期评审记录", async () => {
    const dir = example();
    expect(csr(["-C", dir, "periodic-review", "QP-014", "--by", "zhoupeng", "--date", "2026-11-20", "--comment", "仍然适用", "-y", "--commit"]).stdout).toMatch(
      /^QP-014: periodic review recorded, by Zhou Peng \(zhoupeng\) on 2026-11-20; no new revision\.\nNext periodic review due by 2029-11-20\.\nCommitted [0-9a-f]{7}: /,
    );
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr periodic-review QP-014: still suitable, reviewed by Zhou Peng (zhoupeng) on 2026-11-20");
    expect(git(dir, ["show", "-U0", "--format=", "HEAD"]).split("\n").filter((l) => /^\+[^+]/.test(l))).toEqual(["+reviews:", "+  - by: zhoupeng", "+    date: 2026-11-20", "+    comment: 仍然适用"]);
    const check = await csrInProcess(["-C", dir, "check", "--base", "HEAD~1", "--today", "2026-12-01"]);
    expect(check.stdout).not.toContain("doc/revision-not-bumped");

    // A review that finds a change needed is 需修订, typed as csr prints it: it says what to do next and
    // does not restart the interval (due 2029-11-20 from the suitable review, not 2029-11-25).
    expect(await csrInProcess(["-C", dir, "periodic-review", "QP-014", "--by", "zhangli", "--date", "2026-11-25", "--result", "需修订", "--comment", "需增加顾客参加评审的要求", "-y", "--commit"], { lang: null })).toEqual({
      code: 0,
      stdout: expect.stringMatching(
        /^QP-014：已登记定期评审，张丽（zhangli），2026-11-25；文件不升版。\n结论：需修订。请修订 QP-014 并用 'csr release QP-014' 发布新版本；本次评审不重新计算定期评审期限。\n已提交 [0-9a-f]{7}：/,
      ),
      stderr: "",
    });
    expect(git(dir, ["log", "-1", "--format=%s"]).trim()).toBe("csr periodic-review QP-014：需修订，张丽（zhangli）于 2026-11-25 评审");
    expect(git(dir, ["show", "-U0", "--format=", "HEAD"]).split("\n").filter((l) => /^\+[^+]/.test(l))).toEqual(["+  - by: zhangli", "+    date: 2026-11-25", "+    result: revise", "+    comment: 需增加顾客参加评审的要求"]);
    const due = await csrInProcess(["-C", dir, "check", "--today", "2029-11-22", "--format", "json"]);
    // Overdue, the finding names the open 需修订 conclusion and its answer, not another review.
    expect((JSON.parse(due.stdout) as { findings: { rule: string; message: string }[] }).findings.filter((f) => f.rule === "doc/periodic-review-due" && f.message.startsWith("QP-014"))).toEqual([
      expect.objectContaining({
        message:
          "QP-014's periodic review of 2026-11-25 concluded that it needs revising, and no new revision has been released since; its 36-month review was due on 2029-11-20. Revise it and release the new revision with 'csr release QP-014'.",
      }),
    ]);
    // A review that finds the document unsuitable says why.
    expect(await csrInProcess(["-C", dir, "periodic-review", "QP-010", "--by", "zhangli", "--date", "2026-11-26", "--result", "withdraw", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --comment is required (or run in a terminal to be asked for why it must be revised or withdrawn).\n",
    });
    expect(await csrInProcess(["-C", dir, "periodic-review", "QP-010", "--by", "zhangli", "--date", "2026-11-26", "--result", "withdraw", "--comment", "并入 QP-014", "-y"])).toEqual({
      code: 0,
      // csr obsolete would refuse while documents in force and a process still name QP-010: the steps come in their order (tester60 J12).
      stdout: [
        "QP-010: periodic review recorded, by Zhang Li (zhangli) on 2026-11-26; no new revision.",
        "Conclusion: withdraw. 5 records in force still refer to QP-010; deal with them first, or 'csr obsolete QP-010' will refuse (a document in force must not send its readers to a withdrawn one):",
        "  QM-001 Quality Manual: release a new revision ('csr release QM-001') that refers to the document replacing QP-010 instead, or no longer refers to it",
        "  QP-006 Equipment and Monitoring & Measuring Resources Procedure: release a new revision ('csr release QP-006') that refers to the document replacing QP-010 instead, or no longer refers to it",
        "  QP-011 Identification and Traceability Procedure: release a new revision ('csr release QP-011') that refers to the document replacing QP-010 instead, or no longer refers to it",
        "  QP-014 Special Characteristics Procedure: release a new revision ('csr release QP-014') that refers to the document replacing QP-010 instead, or no longer refers to it",
        "  process C3 Production in processes.yaml: list the document replacing QP-010 instead, or remove QP-010 ('csr process update C3 --remove-document QP-010')",
        "Then withdraw QP-010 with 'csr obsolete QP-010'; this review does not restart the review interval.",
        "Wrote documents/procedures/QP-010.yaml; not committed (git commit it, or run with --commit).",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect(await csrInProcess(["-C", dir, "periodic-review", "QP-010", "--by", "zhangli", "--result", "作废", "-y"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --result 必须是 suitable（继续有效）、revise（需修订）、withdraw（拟作废）之一；实际为 '作废'。\n",
    });

    // The 文件定期评审记录: every review, oldest first, with the version reviewed and the conclusion.
    expect(await csrInProcess(["-C", dir, "list", "periodic-reviews"], { lang: null })).toEqual({
      code: 0,
      stdout: [
        "文件定期评审记录（共 3 次）",
        "",
        "序号  文件编号  文件名称          版本/版次  应评审日期  评审日期    及时性  评审人  结论      说明",
        "----  --------  ----------------  ---------  ----------  ----------  ------  ------  --------  ------------------------",
        "1     QP-014    特殊特性管理程序  A/1        2028-03-10  2026-11-20  按期    周鹏    继续有效  仍然适用",
        "2     QP-014    特殊特性管理程序  A/1        2029-11-20  2026-11-25  按期    张丽    需修订    需增加顾客参加评审的要求",
        "3     QP-010    生产过程控制程序  A/1        2029-04-08  2026-11-26  按期    张丽    拟作废    并入 QP-014",
        "",
        "其中 2 次评审的结论为需修订或拟作废：它们不重新计算定期评审期限，文件应发布新版本或作废。",
        "",
      ].join("\n"),
      stderr: "",
    });
    expect((await csrInProcess(["-C", dir, "list", "periodic-reviews", "--format", "csv"])).stdout.split("\r\n").slice(0, 3)).toEqual([
      "\uFEFFNo.,Document,Title,Revision,Due by,Date,Timeliness,Reviewed by,Conclusion,Remark",
      "1,QP-014,Special Characteristics Procedure,A/1,2028-03-10,2026-11-20,on time,Zhou Peng,suitable,仍然适用",
      "2,QP-014,Special Characteristics Procedure,A/1,2029-11-20,2026-11-25,on time,Zhang Li,revise,需增加顾客参加评审的要求",
    ]);
  }, 90_000);

  it("says a review made after its due date is late, and lists a document reviewed and found to need revising as such, not as never reviewed (tester56 D10)", async () => {
    const dir = example();
    // Due 2027-03-01 (36 months from 2024-03-01); both reviewed on 2027-03-10, as a register of 2027-03-31 shows them.
    appendFileSync(join(dir, "documents/procedures/QP-003.yaml"), "reviews:\n  - {by: wangjg, date: 2027-03-10, comment: 仍然适用}\n");
    appendFileSync(join(dir, "documents/procedures/QP-005.yaml"), "reviews:\n  - {by: wangjg, date: 2027-03-10, result: revise, comment: 培训矩阵须补充}\n");
    const record = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--today", "2027-03-31", "--format", "csv"], { lang: null });
    expect(record.stdout.split("\r\n").slice(1, 3)).toEqual([
      "1,QP-003,管理评审程序,A/0,2027-03-01,2027-03-10,逾期 9 天,王建国,继续有效,仍然适用",
      "2,QP-005,人力资源与培训管理程序,A/0,2027-03-01,2027-03-10,逾期 9 天,王建国,需修订,培训矩阵须补充",
    ]);
    const due = await csrInProcess(["-C", dir, "list", "periodic-reviews", "--due-by", "2027-03-31", "--today", "2027-03-31", "--format", "csv"], { lang: null });
    const rows = due.stdout.split("\r\n").filter((l) => /,QP-00[35],/.test(l));
    expect(rows).toEqual([expect.stringContaining(",QP-005,人力资源与培训管理程序,行政人事部,A/0,2024-03-01,36,2027-03-01,已于 2027-03-10 评审，结论为需修订，待发布新版本,")]);
  }, 90_000);

  it("refuses a review dated after today or before the current version was issued", async () => {
    const dir = example();
    expect(await csrInProcess(["-C", dir, "periodic-review", "QP-014", "--by", "zhoupeng", "--date", "2030-01-01", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^csr: --date 2030-01-01 is after today \(\d{4}-\d{2}-\d{2}\): a record of something done cannot be dated in the future\.\n$/),
    });
    expect(await csrInProcess(["-C", dir, "periodic-review", "QP-014", "--by", "zhoupeng", "--date", "2020-01-01", "-y"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2020-01-01 早于 QP-014 版本 A/1 的修订日期（2025-03-10），而它应在其后。\n",
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  }, 90_000);
});

describe("distribution and recall", () => {
  it("numbers copies, lists them for recall on release, records the return, and flags a late recall", async () => {
    const dir = example();
    expect((await csrInProcess(["-C", dir, "distribute", "QP-010", "--to", "QA", "PRD", "--date", "2026-11-02", "-y", "--commit"])).stdout).toMatch(
      /^QP-010 A\/1: 2 controlled copies handed out on 2026-11-02:\n  copy 1  Quality Assurance\n  copy 2  Production\nIssued by Chen Jing \(chenjing\), the one document controller in people\.yaml \(no --issued-by given\)\.\nNo holder \(领用人\) recorded for copies 1, 2 \(no --holder given\): once someone has signed for them, record each with 'csr distribute QP-010 --copy 1 --holder <a person of Quality Assurance>', 'csr distribute QP-010 --copy 2 --holder <a person of Production>'; next time name each holder after the department as you hand copies out: --to QA:<person> PRD:<person> \(or --holder <person> for one department\)\.\nCommitted [0-9a-f]{7}: csr distribute QP-010 A\/1: copies 1, 2\n$/,
    );
    expect(read(dir, "documents/procedures/QP-010.yaml")).toContain("distribution:\n  - {copy: 1, version: A/1, to: QA, issued_by: chenjing, date: 2026-11-02}\n  - {copy: 2, version: A/1, to: PRD, issued_by: chenjing, date: 2026-11-02}\n");
    const release = await csrInProcess(["-C", dir, "release", "QP-010", "--summary", "增加年度评审", "--total-pages", "2", "--prepared", "zhoupeng", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-10", "--customer-notified", "DYA", "--force"]);
    // QP-010 addresses DYA-004: its change is notified to DYA (tester77 E2), here on the day of the release.
    expect(release.stdout.split("\n")[1]).toBe("Recorded: the change of QP-010 A/2 notified to customer DYA (Dongyue Automobile Co., Ltd.) on 2026-11-10, on time (due 2026-11-17).");
    expect(release.stdout.split("\n")[2]).toBe(
      "Controlled copies of the earlier version to recall (文件回收): 1 (A/1, Quality Assurance), 2 (A/1, Production). Record their return with 'csr recall QP-010', and hand out A/2 where they were used with 'csr distribute QP-010 --to QA PRD'.",
    );
    // A holder of another department is refused: the copy is held where it is issued.
    const elsewhere = await csrInProcess(["-C", dir, "distribute", "QP-010", "--to", "PRD", "--holder", "zhangli", "--date", "2026-11-10", "-y"]);
    expect([elsewhere.code, elsewhere.stdout, elsewhere.stderr]).toEqual([
      2,
      "",
      "csr: Zhang Li (zhangli) belongs to Quality Assurance, not to the receiving department (Production): a controlled copy is held by a person of the department it is issued to.\nhint: Name a holder of the receiving department, or issue the copy to Quality Assurance: 'csr distribute QP-010 --to QA --holder zhangli --date 2026-11-10'.\n",
    ]);
    // Nor does one holder take the copies of several departments, unless they serve each.
    expect(await csrInProcess(["-C", dir, "distribute", "QP-010", "--to", "QA", "PRD", "--holder", "zhangli", "--date", "2026-11-10", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: Zhang Li (zhangli) belongs to Quality Assurance and cannot hold the copies for Production: a holder holds the controlled copies of their own department (or of one they serve as a delegate in qms.yaml).\nhint: Name each department's holder after it: 'csr distribute QP-010 --to QA:zhangli PRD:<a person of Production> --date 2026-11-10'.\n",
    });
    expect((await csrInProcess(["-C", dir, "distribute", "QP-010", "--to", "QA", "--holder", "zhangli", "--date", "2026-11-10", "-y"])).stdout).toBe(
      "QP-010 A/2: 1 controlled copy handed out on 2026-11-10:\n  copy 3  Quality Assurance, holder Zhang Li (zhangli)\nIssued by Chen Jing (chenjing), the one document controller in people.yaml (no --issued-by given).\nStill to recall: 1 (A/1, Quality Assurance), 2 (A/1, Production); record their return with 'csr recall QP-010'.\nWrote documents/procedures/QP-010.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect((await csrInProcess(["-C", dir, "recall", "QP-010", "--copy", "1", "--by", "zhangli", "--date", "2026-11-11", "-y"])).stdout).toBe(
      "QP-010: 1 copy taken back on 2026-11-11: 1 (A/1, Quality Assurance). Handed back by Zhang Li (zhangli). Received back by Chen Jing (chenjing), the one document controller in people.yaml (no --received-by given).\nStill to recall: 2 (A/1, Production).\nWrote documents/procedures/QP-010.yaml; not committed (git commit it, or run with --commit).\n",
    );
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"]);
    expect(JSON.parse(check.stdout).findings.map((f: { rule: string; message: string; line: number }) => `${f.line} ${f.rule} ${f.message}`)).toEqual([
      // The example's own warnings: BCM-004's and DYA-002's trainings left people untrained (csr list training --missing), and
      // DYA-002 went into production after Dongyue's date.
      "58 csr/training-overdue BCM-004 was decided on 2026-10-20 and needs training, but training on BCM-PKG revision A is recorded for 3 of the 9 people to train (due by 2026-11-17, 20 working days). 'csr list training --missing --document BCM-004' lists the others; record their training with 'csr train BCM-004 --people ... --date ... --trainer ... --record ...'.",
      "80 csr/late-for-customer DYA-002 was implemented in production on 2026-04-20, after the effective date 2026-04-01 of the customer's DYA-SQM revision D (12 working days late). If the customer agreed a later date in writing, record it with 'csr implement DYA-002 --required-by <date>'; otherwise the lateness stands on record: take it to corrective action and record why with 'csr implement DYA-002 --late-reason \"...\"' (e.g. the customer informed, the corrective action's number).",
      "85 csr/training-overdue DYA-002 was decided on 2026-03-23 and needs training, DYA-SQM revision D takes effect on 2026-04-01, but training on it is recorded for 4 of the 8 people to train (due by the effective day, 2026-04-01). 'csr list training --missing --document DYA-002' lists the others; record their training with 'csr train DYA-002 --people ... --date ... --trainer ... --record ...'.",
      // DYA-004 went to Engineering and Marketing, which had A/1 on OA but have no issue of A/2; Production, left without A/2
      // after holding A/1, is doc/no-copy-in-force's alone (one root cause, one finding).
      "42 csr/deployed-without-copy DYA-004 was distributed to Engineering, Marketing & Sales, but QP-010 A/2, which addresses it, has no controlled copy and no electronic issue at these 2 departments: they know the requirement but hold no document in force that says how it is met. Hand out paper copies with 'csr distribute QP-010 --to ENG MKT', or record the electronic issue with 'csr distribute QP-010 --electronic --to ENG MKT'. If a department does not act on the requirement, say in the review why the CSR went to it.",
      // Dongyue's September scorecard and OBJ-04 count a complaint the corrective action register has no 8D for (tester82 A2).
      "53 action/complaint-unrecorded Customer DYA's scorecard of 2026-09 counts 1 complaint(s), but the corrective action register has 0 complaint(s) of DYA received that month: a complaint on the scorecard has no corrective action record (IATF 16949 9.1.2.1, 10.2.6). Open the corrective action of each complaint not recorded: 'csr action open --source complaint --customer DYA --received <day received, in 2026-09> --title <problem> --owner <owner>'; if the scorecard's figure is wrong, correct it.",
      "106 doc/no-copy-in-force QP-010 A/2 is in force since 2026-11-10, and Production held a controlled copy of A/1 but holds none of A/2: hand it out with 'csr distribute QP-010 --to PRD'.",
      "106 doc/recall-overdue Controlled copy 2 of QP-010 A/1 (Production) is still out: A/1 was replaced on 2026-11-10, and copies were due back by 2026-11-17 (5 working days). Take it back and record it with 'csr recall QP-010 --copy 2'.",
      "99 action/complaint-unrecorded Quality objective OBJ-04 顾客投诉次数 measures 1 for 2026-09, but the corrective action register has 0 customer complaint(s) received in that period: a complaint counted has no corrective action record (IATF 16949 9.1.2.1, 10.2.6). Open the corrective action of each complaint not recorded: 'csr action open --source complaint --customer <customer> --received <day received, in 2026-09> --title <problem> --owner <owner>'; if the measurement is wrong, correct it.",
      // C3's audit frequency was not reviewed after its complaint 8D-2026-001 (tester82 A12).
      "64 process/audit-frequency-unreviewed C3 Production has had customer complaint 8D-2026-001 (2026-04-01) since its last QMS audit (or within one audit interval), and the reason recorded for its audit frequency (audit_reason) names none of them: IATF 16949 9.2.2.1 has the audit frequency reviewed and, where appropriate, adjusted after customer complaints, internal and external nonconformities and process changes. Review its audit frequency and record the outcome, naming the events: 'csr process update C3 --audit-months 12 --audit-reason \"reviewed after 8D-2026-001: …\"' (the interval kept or the new one).",
    ]);
    expect((await csrInProcess(["-C", dir, "recall", "QP-010", "--by", "huangjun", "--date", "2026-11-27", "-y"])).stdout).toBe("QP-010: 1 copy taken back on 2026-11-27: 2 (A/1, Production). Handed back by Huang Jun (huangjun). Received back by Chen Jing (chenjing), the one document controller in people.yaml (no --received-by given).\nNote: 2 (A/1, Production): due back by 2026-11-17, returned 8 working days late (the distribution register's remarks say so).\nNo copy is due back any more.\nWrote documents/procedures/QP-010.yaml; not committed (git commit it, or run with --commit).\n");
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);

    const list = await csrInProcess(["-C", dir, "list", "distribution", "--format", "csv"], { lang: null });
    // The example's other documents have copies of their own (QM-001, QP-002 …): QP-010's rows, without their 序号.
    const lines = list.stdout.split("\r\n");
    expect(lines[0]).toBe("\ufeff序号,文件编号,文件名称,版本/版次,受控号,发放部门,领用人,发放人,发放日期,应回收日期,回收日期,交回人,回收人,状态,备注");
    expect(lines.filter((l) => l.includes(",QP-010,")).map((l) => l.replace(/^\d+,/, ""))).toEqual([
      "QP-010,生产过程控制程序,A/1,1,品质部,,陈静,2026-11-02,2026-11-17,2026-11-11,张丽,陈静,已回收,",
      "QP-010,生产过程控制程序,A/1,2,生产部,,陈静,2026-11-02,2026-11-17,2026-11-27,黄军,陈静,已回收,逾期 8 个工作日回收",
      "QP-010,生产过程控制程序,A/2,3,品质部,张丽,陈静,2026-11-10,,,,,在用,",
      // A/1 was issued on OA too: replaced there by A/2 (tester55 C2).
      ...["生产部", "技术部", "品质部", "市场部"].map((d) => `QP-010,生产过程控制程序,A/1,电子版（OA，只读）,${d},,陈静,2026-04-08,,,,,已换版,`),
    ]);
  }, 90_000);

  it("prints the copy number on the 受控 stamp, and refuses a copy not in force", async () => {
    const dir = example();
    await csrInProcess(["-C", dir, "distribute", "QP-014", "--to", "QA", "PRD", "--date", "2026-11-02", "-y"]);
    expect(await csrInProcess(["-C", dir, "render", "QP-014", "--copy", "2", "--format", "md"], { lang: null })).toEqual({ code: 0, stdout: "out/QP-014.copy-2.zh-CN.md\n", stderr: "已输出 1 个文件（md，zh-CN）。\n" });
    expect(read(dir, "out/QP-014.copy-2.zh-CN.md").split("\n")[0]).toBe("**【受控 受控号 2 持有：生产部】**");
    await csrInProcess(["-C", dir, "render", "QP-014", "--copy", "1"], { lang: null });
    expect(read(dir, "out/QP-014.copy-1.zh-CN.html")).toContain('<div class="stamp stamp-released">受控<span class="stamp-copy">受控号 1</span><span class="stamp-copy">持有：品质部</span></div>');
    await csrInProcess(["-C", dir, "recall", "QP-014", "--copy", "1", "--by", "zhangli", "--date", "2026-11-03", "-y"]);
    expect((await csrInProcess(["-C", dir, "render", "QP-014", "--copy", "1"], { lang: null })).stderr).toBe("csr: QP-014 的受控副本 1 已失效（已于 2026-11-03 回收）；请打印有效的副本。\n");
    expect((await csrInProcess(["-C", dir, "render", "QP-014", "QP-010", "--copy", "1"], { lang: null })).stderr).toBe("csr: --copy 在一份受控副本上印受控号：请只给出一份文件。\n");
    // A withdrawn or unreleased document is not handed out: the refusal says so and names what to do, not 'csr distribute', which refuses it (tester54a A19).
    expect(await csrInProcess(["-C", dir, "render", "HH-F-013", "--copy", "9"], { lang: null })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: HH-F-013 已于 2025-05-12 作废，没有受控号为 9 的副本；已作废的文件没有有效的受控副本，也不再发放。\n提示：已作废的文件只回收、不再发放；请发放替代它的文件：'csr distribute QR-007-02 ...'。\n",
    });
    expect((await csrInProcess(["-C", dir, "render", "WI-011-01", "--copy", "1"], { lang: null })).stderr).toBe(
      "csr: WI-011-01 没有受控号为 1 的副本；它的状态是“草稿”，发布后才能发放受控副本。\n提示：请先发布：'csr release WI-011-01 ...'。\n",
    );
  }, 90_000);
});

describe("csr train", () => {
  it("records who was trained on the current version, and the register lists it with the CSRs' training records", async () => {
    const dir = example();
    expect((await csrInProcess(["-C", dir, "train", "QP-014", "--people", "gaoyang,huangjun", "--trainer", "zhoupeng", "--record", "TR-2026-050", "--date", "2026-11-20", "-y"])).stdout).toBe(
      "QP-014 A/1: training of Gao Yang (gaoyang), Huang Jun (huangjun) recorded; 2026-11-20, trainer Zhou Peng (zhoupeng), record TR-2026-050.\nWrote documents/procedures/QP-014.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect(diff(dir)).toEqual(["+training:", "+  required: true", "+  sessions:", "+    - {revision: A/1, date: 2026-11-20, people: [gaoyang, huangjun], trainer: zhoupeng, record: TR-2026-050}"]);
    expect((await csrInProcess(["-C", dir, "list", "training", "--format", "md", "--today", "2026-11-27"], { lang: null })).stdout).toBe(
      [
        "## 培训记录（共 7 条）",
        "",
        // Not printed on QR-005-02, 培训记录及效果评价表: it records no evaluation of effectiveness (tester55 C11).
        "江苏安迈汽车零部件有限公司 ｜ 截至 2026-11-27",
        "",
        "| 序号 | 培训日期 | 文件/要求 | 名称 | 版本 | 参训人员 | 培训人 | 记录编号 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        "| 1 | 2026-03-30 | DYA-002 | 顾客投诉的围堵和8D报告时限 | D | 黄军、周鹏、孙伟 | 张丽 | TR-2026-018 |",
        // DYA-005, rejected and met by the alternative agreed with 东岳: trained as a must-meet CSR.
        "| 2 | 2026-03-30 | DYA-005 | 每批交付随附第三方实验室爆破试验报告 | D | 陈静、赵强、孙伟、李娜、周鹏、高扬、黄军 | 张丽 | TR-2026-019 |",
        "| 3 | 2026-10-28 | BCM-004 | 零件标签采用北辰统一二维码格式 | A | 黄军、吴艳 | 张丽 | TR-2026-041 |",
        "| 4 | 2026-11-20 | QP-014 | 特殊特性管理程序 | A/1 | 高扬、黄军 | 周鹏 | TR-2026-050 |",
        // training.records of CSRs, known by their numbers only (from the imported CSR list).
        "| 5 |  | BCM-003 | 批次追溯至胶料批次，追溯记录保存至停产后15年 |  |  |  | TR-2026-003 |",
        "| 6 |  | DYA-001 | 特殊特性须使用东岳符号或经认可的等效符号标注 |  |  |  | TR-2025-014 |",
        "| 7 |  | DYA-006 | 返工前风险评估，返工品100%复检并可追溯 |  |  |  | TR-2026-025 |",
        "",
        "其中 3 条只登记了记录编号（CSR 的 training.records），培训日期、参训人员和培训人见该记录本身。  ",
        "",
        "编制：________________ 日期：____________　审核：________________ 日期：____________　批准：________________ 日期：____________",
        "",
      ].join("\n"),
    );
  }, 90_000);

  it("refuses a training without its trainer or record number, naming the option to add", async () => {
    const dir = example();
    const before = readFileSync(join(dir, "documents/procedures/QP-014.yaml"), "utf8");
    const train = (...args: string[]) => csrInProcess(["-C", dir, "train", "QP-014", "--people", "gaoyang", "--date", "2026-11-20", ...args, "-y"], { lang: null });
    expect(await train("--record", "TR-2026-050")).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 --trainer（或在终端中运行，由 csr 询问培训人）。\n" });
    expect(await train("--trainer", "周鹏")).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 --record（或在终端中运行，由 csr 询问培训记录编号）。\n" });
    expect(await train("--trainer", "周鹏", "--record", " ")).toEqual({ code: 2, stdout: "", stderr: "csr: 缺少 --record（或在终端中运行，由 csr 询问培训记录编号）。\n" });
    expect(readFileSync(join(dir, "documents/procedures/QP-014.yaml"), "utf8")).toBe(before);
  }, 90_000);

  it("marks a CSR as needing training, which the check then watches", async () => {
    const dir = example();
    expect((await csrInProcess(["-C", dir, "train", "DYA-004", "--require", "-y"])).stdout).toBe("DYA-004: marked as needing training on each source revision.\nWrote csr/DYA/DYA-004.yaml; not committed (git commit it, or run with --commit).\n");
    expect(diff(dir)).toEqual(["-  required: false", "+  required: true"]);
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).stdout).toContain(
      "csr/DYA/DYA-004.yaml:54:13 warning csr/training-overdue DYA-004 was decided on 2026-03-23 and needs training, DYA-SQM revision D takes effect on 2026-04-01, but no training on it is recorded (due by the effective day, 2026-04-01).",
    );
    expect((await csrInProcess(["-C", dir, "train", "DYA-004", "--people", "zhoupeng", "--trainer", "zhangli", "--record", "TR-2026-052", "--date", "2026-11-27", "-y"])).stdout).toBe(
      "DYA-004 (source DYA-SQM revision D): training of Zhou Peng (zhoupeng) recorded; 2026-11-27, trainer Zhang Li (zhangli), record TR-2026-052.\nWrote csr/DYA/DYA-004.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect((await csrInProcess(["-C", dir, "train", "DYA-004", "--people", "huangjun", "--trainer", "zhangli", "--record", "TR-2026-053", "--date", "2026-11-27", "-y"], { lang: "zh-CN" })).stdout).toBe(
      "DYA-004（来源文件 DYA-SQM 版本 D）：已登记黄军（huangjun）的培训；2026-11-27，培训人：张丽（zhangli），记录：TR-2026-053。\n已写入 csr/DYA/DYA-004.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"])).code).toBe(0);
  }, 90_000);
});

describe("csr obsolete", () => {
  /**
   * acme-auto with the rules that a withdrawal can make fail lowered to warnings: it withdraws and
   * lists what is left to do (copies handed out before a withdrawal dated back are overdue today).
   */
  const lenient = () => {
    const dir = copyFixture("examples/acme-auto");
    appendFileSync(join(dir, "qms.yaml"), "rules:\n  doc/obsolete-referenced: warning\n  doc/obsolete-mentioned: warning\n  config/register-form: warning\n  doc/recall-overdue: warning\n");
    return gitInit(dir);
  };

  it("refuses, before writing, a withdrawal that leaves a released document referring to it, which csr check and the pre-commit hook report; withdraws once the reference is gone", async () => {
    const dir = example();
    const withdraw = () => csrInProcess(["-C", dir, "obsolete", "HH-WI-06", "--reason", "并入 QP-010", "--superseded-by", "QP-010", "--date", "2026-11-20"]);
    expect(await withdraw()).toEqual({
      code: 2,
      stdout: "",
      stderr: [
        "csr: HH-WI-06 was not withdrawn; nothing was written. Withdrawn, it would leave 3 errors that csr check and the pre-commit hook report: a document in force must not send its readers to a withdrawn one (IATF 16949 7.5.3.2):",
        "  documents/procedures/QP-010.yaml:54:57 doc/obsolete-referenced QP-010 refers to HH-WI-06, which is obsolete since 2026-11-20. HH-WI-06 was merged into QP-010 itself: remove the reference, and release a new revision of QP-010.",
        "  documents/procedures/QP-010.yaml:84:34 doc/obsolete-mentioned Section 5.5 of QP-010 mentions 《过程临时变更管理办法》, the title of HH-WI-06, which is obsolete. HH-WI-06 was merged into QP-010 itself: remove or rewrite this mention, and release a new revision of QP-010.",
        "  processes.yaml:85:47 doc/obsolete-referenced Process C3 Production still lists HH-WI-06, obsolete since 2026-11-20, among its documents (documents in processes.yaml). QP-010, which supersedes it, is listed already: remove the entry with 'csr process update C3 --remove-document HH-WI-06'.",
        "hint: Do first what each message says (a released document changes by a new revision: 'csr release'; 'csr explain <rule>' tells more), then withdraw HH-WI-06.",
        "",
      ].join("\n"),
    });
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    expect(git(dir, ["rev-list", "--count", "HEAD"])).toBe("1\n");
    // QP-010 no longer sends its readers to HH-WI-06 (its new revision left out here): the withdrawal goes through.
    const qp010 = join(dir, "documents/procedures/QP-010.yaml");
    writeFileSync(qp010, read(dir, "documents/procedures/QP-010.yaml").replace(", HH-WI-06]", "]").replace("临时变更按《过程临时变更管理办法》执行", "临时变更同样评审"));
    // Nor does its process C3 (tester48 #14).
    writeFileSync(join(dir, "processes.yaml"), read(dir, "processes.yaml").replace("WI-010-02, HH-WI-06]", "WI-010-02]"));
    git(dir, ["commit", "-q", "-am", "QP-010 and C3 without HH-WI-06"]);
    const done = await withdraw();
    expect({ code: done.code, stdout: done.stdout.replace(/commit [0-9a-f]{7}/, "commit X"), stderr: done.stderr }).toEqual({
      code: 0,
      stdout: "Withdrew HH-WI-06 (documents/instructions/HH-WI-06.yaml) on 2026-11-20: commit X.\n",
      stderr: "",
    });
  });

  it("tells the successor that refers to the withdrawn document only to remove the reference, not to refer to itself (month report #13)", async () => {
    const dir = lenient();
    const result = await csrInProcess(["-C", dir, "obsolete", "HH-WI-06", "--reason", "并入 QP-010", "--superseded-by", "QP-010", "--date", "2026-11-20"]);
    expect(result.stdout.split("\n").slice(1, 3)).toEqual([
      "Documents that still refer to HH-WI-06; remove the reference and release a new revision of each:",
      "  documents/procedures/QP-010.yaml  QP-010 生产过程控制程序 (related documents); it is the successor itself: remove the reference only",
    ]);
  });
  it("where those rules are warnings, withdraws and lists the documents that still refer to the withdrawn one, by file, and the copies to recall", async () => {
    const dir = lenient();
    await csrInProcess(["-C", dir, "distribute", "HH-WI-06", "--to", "PRD", "--date", "2026-11-02", "-y", "--commit"]);
    const result = await csrInProcess(["-C", dir, "obsolete", "HH-WI-06", "--reason", "并入 QP-013", "--superseded-by", "QP-013", "--date", "2026-11-20"]);
    expect(result.stdout.replace(/commit [0-9a-f]{7}/, "commit X")).toBe(
      [
        "Withdrew HH-WI-06 (documents/instructions/HH-WI-06.yaml) on 2026-11-20: commit X.",
        "Documents that still refer to HH-WI-06; remove the reference or refer to QP-013 and release a new revision of each:",
        "  documents/procedures/QP-010.yaml  QP-010 生产过程控制程序 (related documents)",
        "These processes still list HH-WI-06 among their documents in processes.yaml (csr check reports doc/obsolete-referenced); remove it ('csr process update <process> --remove-document HH-WI-06'):",
        "  processes.yaml  C3 Production",
        "Released documents that still mention 《过程临时变更管理办法》 (doc/obsolete-mentioned); mention 《纠正措施控制程序》 instead and release a new revision of each:",
        "  documents/procedures/QP-010.yaml  QP-010 生产过程控制程序 (sections 5.5)",
        "Controlled copies to recall (文件回收): 1 (A/2, Production); record their return with 'csr recall HH-WI-06'.",
        "",
      ].join("\n"),
    );
    // qms.yaml prints the distribution register on QR-001-02: it refers to the form as a document does.
    const form = await csrInProcess(["-C", dir, "obsolete", "QR-001-02", "--reason", "换版", "--superseded-by", "QR-001-03", "--date", "2026-11-20"]);
    expect(form.stdout).toContain("\nqms.yaml's registers.forms still prints these registers on QR-001-02: distribution; change it to QR-001-03 (csr organisation update --register-form <register>=QR-001-03).\n");
  }, 90_000);
});
