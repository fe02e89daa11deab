/**
 * `csr show <document>`: a controlled document's card as a 文控 reads it — status and version in
 * force on the day, signatures, clauses, processes, forms, the CSRs addressed in it, who refers to
 * it, its controlled copies, its periodic review and its revision record — in Chinese and English,
 * for the IATF and the GJB example; and an id that is neither a document nor a CSR.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, csr, csrInProcess, gitInit } from "../helpers.js";

const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const en = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "en" });

describe("csr show <document>", () => {
  it("prints the card of a procedure, of a withdrawn form and of a GJB procedure", async () => {
    const acme = copyFixture("examples/acme-auto");
    expect(await zh(acme, "show", "QP-014", "--today", "2026-12-01")).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "QP-014  特殊特性管理程序",
        "",
        "  文件            documents/procedures/QP-014.yaml",
        "  文件类别        程序文件（2 级文件）",
        "  状态            已发布",
        "  现行版本        A/1，2025-03-10 实施",
        "  签字            A/1：编制 高扬 2025-03-03 / 审核 周鹏 2025-03-06 / 批准 徐海涛 2025-03-10",
        "  主管部门        技术部",
        "  条款            4.4.1.2/8.2.3.1.2/8.3.3.3",
        "  过程            C2 产品和过程设计开发（APQP）、C1 市场开发与顾客要求评审",
        "  相关文件        QP-007 产品质量先期策划控制程序",
        "                  QP-010 生产过程控制程序",
        "                  WI-010-01 制动软管总成扣压作业指导书",
        "  相关记录        QR-014-01 特殊特性清单",
        "  落实的顾客要求  DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注，章节 5.2 符号转换",
        "  引用本文件      QM-001 质量手册",
        "                  QP-007 产品质量先期策划控制程序",
        "                  QP-015 顾客特定要求管理程序",
        "                  C1 市场开发与顾客要求评审",
        "                  C2 产品和过程设计开发（APQP）",
        "  受控副本        电子版（OA，只读）技术部、品质部、生产部 2025-06-12",
        "                  明细：csr list distribution --document QP-014",
        "  定期评审        每 36 个月；下次 2028-03-10 前",
        "  修订记录        A/0  2024-03-01  体系换版，首次发布",
        "                  A/1  2025-03-10  按东岳特殊特性管理规范B版增加顾客符号与本公司符号对照，并在图纸、FMEA、控制计划和作业指导书中统一标注（DYA-001）",
        "                  签字和提交：csr history QP-014",
        "",
      ].join("\n"),
    });
    // English labels are longer: the column widens to the longest.
    const english = (await en(acme, "show", "QP-014", "--today", "2026-12-01")).stdout.split("\n");
    expect(english.slice(0, 6)).toEqual(["QP-014  Special Characteristics Procedure", "", "  File                    documents/procedures/QP-014.yaml", "  Kind                    procedure (level 2)", "  Status                  released", "  Version in force        A/1, effective 2025-03-10"]);
    expect(english).toContain("  Requirements addressed  DYA-001 Mark special characteristics with Dongyue symbols or approved equivalents, section 5.2 符号转换");
    // A withdrawn form: its last version, when and why, and what replaced it.
    const withdrawn = (await zh(acme, "show", "HH-F-013", "--today", "2026-12-01")).stdout.split("\n");
    expect(withdrawn.slice(4, 6)).toEqual(["  状态            作废", "  最后版本        A/1，2024-03-01 实施"]);
    expect(withdrawn).toContain("  作废            2025-05-12：APQP程序A/1修订，阶段评审改用QR-007-02；已填写的记录继续按保存期限保存；由 QR-007-02 APQP阶段评审记录 代替");
    expect(withdrawn.some((line) => line.includes("定期评审"))).toBe(false);

    // GJB: one entry per signing role (two 会签), and the 密级.
    const gjb = (await zh(copyFixture("examples/gjb-demo"), "show", "CS/QP-001", "--today", "2026-12-01")).stdout.split("\n");
    expect(gjb.slice(6, 9)).toEqual([
      "  签字            B/0：编制 宋雅芸 2024-05-27 / 审核 陈宏伟 2024-05-30 / 会签 何军、唐磊 2024-05-30 / 标准化审查 马晓岚 2024-05-30 / 批准 刘志明 2024-06-03 / 军代表 王建东 2024-06-03",
      "  主管部门        综合部",
      "  密级            内部",
    ]);
    // A work instruction has the 密级 its printed notice calls it (内部受控文件), as the document list has it (tester55 C3).
    const wi = (await zh(copyFixture("examples/gjb-demo"), "show", "CS/WI-003", "--today", "2026-12-01")).stdout.split("\n");
    expect(wi.filter((line) => line.startsWith("  密级"))).toEqual(["  密级            内部"]);
    // A published standard is not made 内部 by the layout of level 3; unmarked, it says so, not a blank 密级 line.
    const standard = (await zh(copyFixture("examples/gjb-demo"), "show", "GJB 9001C-2017", "--today", "2026-12-01")).stdout.split("\n");
    expect(standard.filter((line) => line.startsWith("  密级"))).toEqual(["  密级            未标密级（外来文件的密级按其发布方的标注登记，不取 qms.yaml 的 document_layouts 的默认值；可用 csr set --classification 登记）"]);
  }, 60_000);

  it("says which version is in force while the next is 待实施, and which copies are in use or due back", async () => {
    const dir = gitInit(copyFixture("examples/acme-auto"));
    const file = join(dir, "documents/procedures/QP-003.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("并与公司战略方向一致。", "并与公司战略方向一致，每年至少一次。"));
    const release = await zh(dir, "release", "QP-003", "--summary", "增加评审频次", "--prepared", "张丽", "--reviewed", "徐海涛", "--approved", "王建国", "--date", "2026-11-20", "--effective", "2026-12-10", "-y");
    expect(release.code).toBe(0);
    const before = (await zh(dir, "show", "QP-003", "--today", "2026-12-01")).stdout.split("\n");
    // The status names the version in force first, as 现行版本 does: A/0 is in force until 2026-12-10 (tester61 L11).
    expect(before.slice(4, 8)).toEqual(["  状态            已发布（A/0 现行；A/1 待实施，2026-12-10 实施）", "  现行版本        A/0；A/1 待实施（2026-12-10 实施）", "  签字            A/0（现行）：编制 张丽 2024-02-23 / 审核 徐海涛 2024-02-28 / 批准 王建国 2024-03-01", "                  A/1（待实施）：编制 张丽 2026-11-20 / 审核 徐海涛 2026-11-20 / 批准 王建国 2026-11-20"]);
    expect(before).toContain("  受控副本        在用 3 份：1 号 A/0 总经办 王建国、2 号 A/0 生产部 黄军、3 号 A/0 品质部 张丽");
    expect(JSON.parse((await zh(dir, "show", "QP-003", "--today", "2026-12-01", "--format", "json")).stdout).status).toBe("已发布（A/0 现行；A/1 待实施，2026-12-10 实施）");
    expect((await zh(dir, "show", "QP-003", "--today", "2026-12-01", "--lang", "en")).stdout.split("\n")[4]).toBe("  Status                  released (A/0 in force; A/1 pending, in force from 2026-12-10)");
    const after = (await zh(dir, "show", "QP-003", "--today", "2026-12-12")).stdout;
    expect(after).toContain(
      [
        "  受控副本        在用 0 份",
        "                  待回收 3 份（应于 2026-12-17 前回收；用 'csr recall QP-003' 登记回收）：1 号 A/0 总经办 王建国、2 号 A/0 生产部 黄军、3 号 A/0 品质部 张丽",
        "                  明细：csr list distribution --document QP-003",
        "  定期评审        每 36 个月；下次 2029-12-10 前",
        "  修订记录        A/0  2024-03-01  体系换版，首次发布",
        "                  A/1  2026-11-20  增加评审频次",
      ].join("\n"),
    );
    // Past the 应回收日期, as the distribution register and doc/recall-overdue say it; a periodic review that
    // found the document must be revised says so until the next revision (tester19 F9).
    expect((await zh(dir, "periodic-review", "QP-003", "--by", "张丽", "--date", "2026-11-25", "--result", "需修订", "--comment", "需增加顾客参加评审的要求", "-y")).code).toBe(0);
    const late = (await zh(dir, "show", "QP-003", "--today", "2026-12-31")).stdout.split("\n");
    expect(late).toContain("                  回收逾期 3 份（应于 2026-12-17 前回收；用 'csr recall QP-003' 登记回收）：1 号 A/0 总经办 王建国、2 号 A/0 生产部 黄军、3 号 A/0 品质部 张丽");
    expect(late).toContain("  定期评审        每 36 个月；上次 2026-11-25（张丽，需修订，尚未换版）；下次 2029-12-10 前");
    // No copy handed out (a form, filled in where it is used: every procedure of the example is issued): the card says none, not nothing.
    expect((await zh(dir, "show", "QR-001-01", "--today", "2026-12-01")).stdout).toContain("\n  受控副本        无\n");
    const json = JSON.parse((await zh(dir, "show", "QP-003", "--today", "2026-12-12", "--format", "json")).stdout);
    expect({ ...json, document: json.document.id }).toEqual({
      file: "documents/procedures/QP-003.yaml",
      document: "QP-003",
      status: "已发布",
      versionInForce: "A/1",
      csrs: [],
      referrers: { documents: ["QM-001"], deviations: [], processes: ["M3"] },
      copies: { inUse: [], due: [1, 2, 3] },
      periodicReviewDue: "2029-12-10",
    });
  }, 90_000);

  it("refuses an id that is neither a document nor a CSR, naming the closest of both (built binary)", () => {
    const dir = copyFixture("examples/gjb-demo");
    expect(csr(["-C", dir, "show", "QP-001"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 仓库中没有文件或 CSR 'QP-001'。是否应为 'CS/QP-001'？\n提示：'csr list' 列出全部 CSR，'csr list documents' 列出全部文件，'csr list external' 列出顾客来源文件和外来文件。\n",
    });
  });
});
