/**
 * `csr show <document>`: a controlled document's card as a 文控 reads it — status and version in
 * force on the day, signatures, clauses, processes, forms, the CSRs addressed in it, who refers to
 * it, its controlled copies, its periodic review and its revision record — in Chinese and English,
 * for the IATF and the GJB example; and an id that is neither a document nor a CSR.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, copyFixture, csr, csrInProcess, git } from "../helpers.js";

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
        "  受控副本        电子版（OA，只读）技术部、品质部、生产部 2025-03-10",
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
    // A number with a space is quoted in the command the card gives, so that it can be pasted into a shell.
    expect(standard).toContain('                  明细：csr list distribution --document "GJB 9001C-2017"');
  }, 60_000);

  it("says which version is in force while the next is 待实施, and which copies are in use or due back", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-003.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("并与公司战略方向一致。", "并与公司战略方向一致，每年至少一次。"));
    const release = await zh(dir, "release", "QP-003", "--summary", "增加评审频次", "--total-pages", "2", "--prepared", "张丽", "--reviewed", "徐海涛", "--approved", "王建国", "--date", "2026-11-20", "--effective", "2026-12-10", "-y");
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
    // No copy handed out (a form, filled in where it is used: every procedure of the example is issued): the card says what that means,
    // no version at any point of use, and how to hand one out, not a bare 无 (tester65 N7); in English too.
    expect((await zh(dir, "show", "QR-001-01", "--today", "2026-12-01")).stdout).toContain("\n  受控副本        A/0 未发放到任何使用场所：发放记录中没有它的受控副本或电子版（用 'csr distribute QR-001-01 --to <部门>' 发放并登记）\n");
    expect((await csrInProcess(["-C", dir, "show", "QR-001-01", "--today", "2026-12-01"])).stdout).toContain(
      "\n  Controlled copies       A/0 is at no point of use: the distribution record holds no controlled copy or electronic issue of it (hand it out with 'csr distribute QR-001-01 --to <department>', which records it)\n",
    );
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
      stderr: "csr: 仓库中没有文件、顾客要求、顾客、顾客来源文件、供方、工装或纠正措施记录 'QP-001'。是否应为 'CS/QP-001'？\n提示：'csr list' 列出全部顾客要求，'csr list documents' 列出全部文件，'csr list external' 列出顾客来源文件和外来文件，'csr list actions' 列出纠正措施记录。\n",
    });
  });
});

describe("csr show <document> --today of a past day (tester63 N5, N12)", () => {
  it("is the card of that day, as the registers of that day rebuild it, with the training on each version", async () => {
    // The quality engineer's 8D: a containment deviation issued on 2026-11-03, the permanent revision A/2 released on
    // 2026-11-16 to take effect on 2026-11-18, issued and trained on 2026-11-17, the deviation recalled and withdrawn on 2026-11-20.
    const dir = committedFixture("examples/acme-auto");
    const run = async (...args: string[]) => {
      const result = await zh(dir, ...args);
      expect(result.code, result.stderr).toBe(0);
    };
    await run("new", "instruction", "--title", "东岳投诉8D-2026-012扣压外径全检临时作业", "--department", "PRD", "--deviates-from", "WI-010-01", "-y", "--commit");
    const deviation = join(dir, "documents/instructions/WI-010-03.yaml");
    writeFileSync(deviation, readFileSync(deviation, "utf8").replace(/(\n(\s+)title_en: [^\n]*)/g, "$1\n$2text: 无。"));
    git(dir, ["commit", "-qam", "正文"]);
    await run("release", "WI-010-03", "--summary", "围堵全检", "--reason", "8D-2026-012", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-03", "--until", "2026-11-30", "-y");
    await run("distribute", "WI-010-03", "--to", "PRD:huangjun", "QA:zhaoqiang", "--date", "2026-11-03", "--issued-by", "chenjing", "-y", "--commit");
    const wi = join(dir, "documents/instructions/WI-010-01.yaml");
    writeFileSync(wi, readFileSync(wi, "utf8").replace("适用于扣压工序所有制动软管总成。", "适用于扣压工序所有制动软管总成（含扣压外径防错检测）。"));
    await run("release", "WI-010-01", "--summary", "增加扣压外径防错检测及锁机", "--total-pages", "1", "--reason", "东岳投诉DYA-C-2026-031，8D-2026-012 D7永久措施", "--change-request", "QR-001-01-2026-045", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--countersigned", "zhaoqiang,zhoupeng", "--date", "2026-11-16", "--effective", "2026-11-18", "-y", "--include-changes");
    await run("distribute", "WI-010-01", "--to", "PRD:huangjun", "--date", "2026-11-17", "--issued-by", "chenjing", "-y", "--commit");
    await run("train", "WI-010-01", "--trainees", "王五(1023),赵六(1024),钱七(1031)", "--people", "huangjun", "--date", "2026-11-17", "--trainer", "gaoyang", "--record", "TR-2026-107", "-y", "--commit");
    await run("recall", "WI-010-03", "--copy", "1", "--date", "2026-11-20", "--by", "huangjun", "-y", "--commit");
    await run("recall", "WI-010-03", "--copy", "2", "--date", "2026-11-20", "--by", "zhaoqiang", "-y", "--commit");
    await run("obsolete", "WI-010-03", "--date", "2026-11-20", "--reason", "8D-2026-012永久措施WI-010-01 A/2已实施，恢复标准过程", "-y");
    const show = (id: string, day: string) => csr(["-C", dir, "show", id, "--today", day], { lang: "zh-CN" });
    const note = (day: string) => `本卡片按记录还原为 ${day} 当日的状态：此后记录的发布、作废、发放和回收、培训和定期评审未计入。条款、过程和落实的顾客要求没有记录日期，按现在的记录列出。`;

    // On the day of the complaint's D4: A/1 alone in force, the deviation in force beside it, no A/2, its copy or its training.
    // The training the records say A/1 still needed is what csr list training --missing --today 2026-11-10 lists.
    expect(show("WI-010-01", "2026-11-10")).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "WI-010-01  制动软管总成扣压作业指导书",
        "",
        "  文件            documents/instructions/WI-010-01.yaml",
        "  文件类别        作业指导书（3 级文件）",
        "  状态            已发布",
        "  现行版本        A/1，2025-03-17 实施",
        "  签字            A/1：编制 高扬 2025-03-10 / 审核 黄军 2025-03-13 / 批准 张丽 2025-03-17",
        "  主管部门        生产部",
        "  条款            8.3.3.3/8.5.1.2/8.5.1.3",
        "  过程            C3 生产过程控制",
        "  相关记录        HH-F-052 首件检验记录",
        "  偏离            WI-010-03 东岳投诉8D-2026-012扣压外径全检临时作业（临时，至 2026-11-30；偏离 A/1）",
        "  落实的顾客要求  DYA-001 特殊特性须使用东岳符号或经认可的等效符号标注，章节 3 质量要求",
        "  引用本文件      QP-010 生产过程控制程序",
        "                  QP-014 特殊特性管理程序",
        "                  C3 生产过程控制",
        "  受控副本        电子版（OA，只读）生产部、技术部、品质部 2025-03-17",
        "                  明细：csr list distribution --document WI-010-01",
        "  培训            A/1 需要培训：培训逾期（应于 2025-03-17 前完成）",
        // WI-010-01 marks the crimp diameter ★: held stricter (tester77 E7).
        "  特殊特性        WI-010-01 标注特殊特性 ★（2 作业步骤），要求更严：被替换版本的受控副本在新版实施当天回收，不设回收期限；未经培训者不得按其作业，培训逾期报为错误。",
        "  定期评审        每 24 个月；下次 2027-03-17 前",
        "  修订记录        A/0  2024-03-01  首次发布",
        "                  A/1  2025-03-17  扣压外径标注为关键特性★（东岳▽），增加每2小时扣压外径记录",
        "                  签字和提交：csr history WI-010-01",
        "",
        note("2026-11-10"),
        "",
      ].join("\n"),
    });
    // The day before A/2 took effect: A/2 待实施, its copy handed out and its operators trained, as the records date them.
    const eve = show("WI-010-01", "2026-11-17").stdout.split("\n");
    expect(eve.slice(4, 8)).toEqual([
      "  状态            已发布（A/1 现行；A/2 待实施，2026-11-18 实施）",
      "  现行版本        A/1；A/2 待实施（2026-11-18 实施）",
      "  签字            A/1（现行）：编制 高扬 2025-03-10 / 审核 黄军 2025-03-13 / 批准 张丽 2025-03-17",
      "                  A/2（待实施）：编制 高扬 2026-11-16 / 审核 黄军 2026-11-16 / 会签 赵强、周鹏 2026-11-16 / 批准 张丽 2026-11-16",
    ]);
    expect(eve.filter((line) => /^ {2}(受控副本|培训|偏离) |^ {18}(在用|电子版|2026-)/.test(line))).toEqual([
      "  偏离            WI-010-03 东岳投诉8D-2026-012扣压外径全检临时作业（临时，至 2026-11-30；偏离 A/1）",
      "  受控副本        在用 1 份：1 号 A/2 生产部 黄军",
      "                  电子版（OA，只读）生产部、技术部、品质部 2025-03-17",
      // 黄军 and the trainer 高扬 of the six of 生产部, 技术部 and 品质部 who work to it: the operators outside people.yaml are on the
      // record, not counted (breaker63 P1, P11). Trained before it takes effect, by 2026-12-16 at the latest (P10).
      "  培训            A/2 部分培训（已培训 2/6 人）：2026-11-18 实施，应在实施前完成",
      "                  2026-11-17，A/2，黄军、王五(1023)、赵六(1024)、钱七(1031)，培训人 高扬，记录 TR-2026-107",
    ]);
    // The day before A/2 was trained: still to be trained before it takes effect.
    // WI-010-01 marks ★: the special-characteristic line says the training is due by the day A/2 takes effect (tester77 E7).
    expect(show("WI-010-01", "2026-11-16").stdout).toContain(
      "\n  培训            A/2 需要培训：2026-11-18 实施，应在实施前完成\n  特殊特性        WI-010-01 标注特殊特性 ★（2 作业步骤），要求更严：被替换版本的受控副本在新版实施当天回收，不设回收期限；应培训人员须在 2026-11-18 生效前完成培训，未培训者自该日起报为错误。\n  定期评审",
    );
    // After the last record: today's card, without the note. Released ahead of taking effect, A/2 was due by that day (tester72 Q14).
    const now = show("WI-010-01", "2026-12-04").stdout;
    expect(now).toContain("\n  培训            A/2 部分培训（已培训 2/6 人）：培训逾期（应于 2026-11-18 前完成）\n                  2026-11-17，A/2，黄军、王五(1023)、赵六(1024)、钱七(1031)，培训人 高扬，记录 TR-2026-107\n");
    expect(now).not.toContain("本卡片按记录还原");
    expect(now).not.toContain("\n  偏离 ");

    // The deviation before it was released is not yet a controlled document; in its time, in force with both copies out.
    expect(show("WI-010-03", "2026-11-01")).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "WI-010-03  东岳投诉8D-2026-012扣压外径全检临时作业",
        "",
        "  文件            documents/instructions/WI-010-03.yaml",
        "  文件类别        作业指导书（3 级文件）",
        "  状态            2026-11-01 当日还不是受控文件：WI-010-03 于 2026-11-03 发布",
        "",
      ].join("\n"),
    });
    const notYet = JSON.parse(csr(["-C", dir, "show", "WI-010-03", "--today", "2026-11-01", "--format", "json"], { lang: "zh-CN" }).stdout);
    expect({ asOf: notYet.asOf, document: notYet.document, notYet: notYet.notYet }).toEqual({ asOf: { date: "2026-11-01", contentUnread: false }, document: null, notYet: { status: "obsolete", since: "2026-11-03" } });
    const contained = show("WI-010-03", "2026-11-10").stdout.split("\n");
    expect(contained.slice(4, 6)).toEqual(["  状态            临时（至 2026-11-30）", "  现行版本        A/0，2026-11-03 实施"]);
    expect(contained).toContain("  受控副本        在用 2 份：1 号 A/0 生产部 黄军、2 号 A/0 品质部 赵强");
    expect(contained.at(-2)).toBe(note("2026-11-10"));
    const json = JSON.parse(csr(["-C", dir, "show", "WI-010-03", "--today", "2026-11-10", "--format", "json"], { lang: "zh-CN" }).stdout);
    expect({ asOf: json.asOf, status: json.status, copies: json.copies, obsolete: json.document.obsolete ?? null }).toEqual({ asOf: { date: "2026-11-10", contentUnread: false }, status: "临时（至 2026-11-30）", copies: { inUse: [1, 2], due: [] }, obsolete: null });
  }, 120_000);

  it("says when git lacks the text of the version of that day, and lists the current content (copy outside git)", async () => {
    const dir = copyFixture("examples/acme-auto");
    const card = (await zh(dir, "show", "WI-010-01", "--today", "2025-01-01")).stdout.split("\n");
    expect(card.slice(4, 6)).toEqual(["  状态            已发布", "  现行版本        A/0，2024-03-01 实施"]);
    expect(card.slice(-3)).toEqual([
      "本卡片按记录还原为 2025-01-01 当日的状态：此后记录的发布、作废、发放和回收、培训和定期评审未计入。条款、过程和落实的顾客要求没有记录日期，按现在的记录列出。",
      "git 中没有 WI-010-01 A/0（2025-01-01 当日的版本）的文本（没有发布标签 WI-010-01/A-0，也没有记录该版本的提交）：名称、部门、相关文件和相关记录按现行内容列出，请与 A/0 的受控副本核对。",
      "",
    ]);
  });
});
