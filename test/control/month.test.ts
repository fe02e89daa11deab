/**
 * A document controller's month on a copy of the bundled example, with csr commands only: the
 * customer issues revision E of its quality manual; the review finds one requirement changed, two
 * unchanged and one removed; the changed one is countersigned and decided, and it changes the
 * production procedure, which gets a new form, is edited (its body text, and the related-document
 * list that loses the work instruction merged into it) and re-released; the old copies come back
 * and new ones go out; the people are trained; the implementation is recorded; the work
 * instruction is withdrawn. At month end the auditor's lists and a clean check.
 *
 * 25 csr commands in all (the 0.1.0 run took 48, hand-editing six files and committing by hand).
 * Golden files in test/fixtures/month/; UPDATE_GOLDEN=1 rewrites them (review the diff).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csrInProcess, FIXTURES, git } from "../helpers.js";

const GOLDEN = join(FIXTURES, "month");

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(path)) writeFileSync(path, actual);
  expect(actual, name).toBe(readFileSync(path, "utf8"));
}

describe("a month of document control without hand-editing YAML", () => {
  it("replays the month with 25 csr commands and ends with clean lists", async () => {
    const dir = committedFixture("examples/acme-auto");
    let commands = 0;
    // In this process: what the month is about is what the commands do to the repository and print.
    const run = async (...args: string[]) => {
      commands++;
      const result = await csrInProcess(["-C", dir, ...args], { lang: null });
      // Nothing on stderr but a register's hint for the one who runs it: the command that lists acme-auto's draft.
      expect(result.stderr.split("\n").filter((line) => line !== "" && line !== "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。"), args.join(" ")).toEqual([]);
      expect(result.code, `${args.join(" ")}\n${result.stdout}`).toBe(0);
      return result.stdout;
    };
    const write = (...args: string[]) => run(...args, "-y", "--commit");

    // Copies of the production procedure in use before the month starts.
    await write("distribute", "QP-010", "--to", "PRD", "QA", "--date", "2026-11-02");
    // The customer's new revision: one requirement changed, two unchanged, one removed.
    const update = await write("source", "update", "DYA-SQM", "--revision", "E", "--issued", "2026-10-28", "--received", "2026-11-02", "--unchanged", "DYA-002", "DYA-006", "--removed", "DYA-005", "--by", "zhangli", "--date", "2026-11-03");
    expect(update.split("\n").slice(0, 3)).toEqual([
      "已登记 DYA-SQM 的版本 E（接收日期 2026-11-02）；版本 D 已被替代。",
      "1 条 CSR 需按版本 E 重新评审，期限 2026-11-16：",
      "  DYA-004  控制计划的年度评审和变更后提交（原为版本 D）",
    ]);
    // Countersigning and the decision.
    await write("review", "DYA-004", "--department", "MKT", "--reviewer", "sunwei", "--opinion", "accept", "--date", "2026-11-03");
    await write("review", "DYA-004", "--department", "QA", "--reviewer", "zhangli", "--opinion", "accept", "--date", "2026-11-04");
    await write("review", "DYA-004", "--department", "ENG", "--reviewer", "zhoupeng", "--opinion", "accept-with-action", "--comment", "修订生产过程控制程序，增加控制计划变更提交记录", "--date", "2026-11-04");
    await write("review", "DYA-004", "--department", "PRD", "--reviewer", "huangjun", "--opinion", "accept", "--date", "2026-11-05");
    // Decided on the signed review report, numbered as the example numbers them and signed by the CSR project group's leader (csr/review-unsigned).
    await write("review", "DYA-004", "--disposition", "must", "--by", "xuht", "--date", "2026-11-09", "--record", "JL-PS-2026-06", "--record-form", "QR-015-02", "--leader", "lina");
    // A new form for the procedure, released.
    expect((await write("new", "form", "--title", "控制计划变更提交记录", "--department", "ENG", "--used-by", "QP-010", "--retention", "3年")).split("\n")[0]).toBe(
      "已创建 QR-010-01 控制计划变更提交记录（documents/forms/QR-010-01.yaml），技术部的表单草稿。",
    );
    await run("release", "QR-010-01", "--summary", "首次发布", "--prepared", "gaoyang", "--reviewed", "zhoupeng", "--approved", "xuht", "--date", "2026-11-11");
    // The procedure's body text is edited (and it no longer refers to HH-WI-06, merged into it), then re-released.
    const path = join(dir, "documents/procedures/QP-010.yaml");
    const before = readFileSync(path, "utf8");
    const edited = before
      .replace("related: [QP-006, QP-011, QP-012, WI-010-01, WI-010-02, HH-WI-06]", "related: [QP-006, QP-011, QP-012, WI-010-01, WI-010-02]")
      .replace(/(      - title: 控制计划\n        text: [^\n]*)/, "$1产品或过程变更后5个工作日内更新控制计划并提交顾客，提交记录填入QR-010-01。")
      // The instruction merged into the procedure is no longer named in it.
      .replace("临时变更按《过程临时变更管理办法》执行。", "临时变更经品质部批准后执行，变更期间加严检验并记录。");
    expect(edited).not.toBe(before);
    writeFileSync(path, edited);
    const release = await run("release", "QP-010", "--summary", "控制计划变更后5个工作日内提交顾客（DYA-004，DYA-SQM E版）；并入HH-WI-06", "--total-pages", "2", "--prepared", "huangjun", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-12", "--customer-notified", "DYA");
    // QP-010 addresses DYA-004: the change is notified to DYA, the control plan submitted that day (tester77 E2).
    expect(release.split("\n")[1]).toBe("已记录：QP-010 A/2 的更改于 2026-11-12 通知顾客 DYA（东岳汽车股份有限公司），按期（要求 2026-11-19 前）。");
    expect(release.split("\n")[2]).toBe(
      "需回收的旧版受控副本（文件回收）：受控号 1（A/1，生产部）、受控号 2（A/1，品质部）。回收后用 'csr recall QP-010' 登记，并用 'csr distribute QP-010 --to PRD QA' 向持有单位发放 A/2。",
    );
    // Old copies back, new copies out, training, implementation.
    // Each department hands back its own copy (交回人).
    // The new copies go out on the day A/2 takes effect (doc/effective-before-issue), before the old ones come back, so that no department is left without one (doc/no-copy-in-force).
    await write("distribute", "QP-010", "--to", "PRD", "QA", "ENG", "MKT", "--date", "2026-11-12");
    await write("recall", "QP-010", "--copy", "1", "--by", "huangjun", "--date", "2026-11-13");
    await write("recall", "QP-010", "--copy", "2", "--by", "zhangli", "--date", "2026-11-13");
    // A/2 takes effect on its release: its eight people are trained that day, before they work to it (IATF 16949 7.2.2; ops75 P1).
    await write("train", "QP-010", "--people", "huangjun", "zhoupeng", "gaoyang", "zhangli", "chenjing", "zhaoqiang", "sunwei", "lina", "--trainer", "huangjun", "--record", "TR-2026-060", "--date", "2026-11-12");
    await write("implement", "DYA-004", "--implemented", "2026-11-20", "--evidence", "QP-010 A/2发布并培训；QR-010-01启用");
    // The work instruction merged into the procedure is withdrawn, once its process C3 no longer lists it (doc/obsolete-referenced).
    await write("process", "update", "C3", "--remove-document", "HH-WI-06");
    expect((await run("obsolete", "HH-WI-06", "--reason", "并入QP-010 A/2", "--superseded-by", "QP-010", "--date", "2026-11-23")).split("\n").slice(1)).toEqual([""]);

    // Month end: the auditor's lists.
    const today = ["--today", "2026-11-27"];
    // A session's trainer counts as trained and a document is trained only when all its people are (train64): the example's
    // BCM-004 and DYA-002 were trained in part before the month. QP-010 A/2's session trained its 8 people on the day it took effect.
    expect((await run("check", ...today)).split("\n")).toEqual([
      "csr/BCM/BCM-004.yaml",
      "csr/BCM/BCM-004.yaml:58:13 warning csr/training-overdue BCM-004 已于 2026-10-20 作出结论且需要培训，但应培训的 9 人中只登记了 3 人针对 BCM-PKG A 版的培训（应于 2026-11-17 前完成，20 个工作日）。未培训人员见 'csr list training --missing --document BCM-004'，培训后用 'csr train BCM-004 --people ... --date ... --trainer ... --record ...' 记录。",
      "",
      "csr/DYA/DYA-002.yaml",
      "csr/DYA/DYA-002.yaml:87:13 warning csr/training-overdue DYA-002 已于 2026-03-23 作出结论且需要培训，但应培训的 8 人中只登记了 4 人针对 DYA-SQM E 版的培训（应于 2026-04-21 前完成，20 个工作日）。未培训人员见 'csr list training --missing --document DYA-002'，培训后用 'csr train DYA-002 --people ... --date ... --trainer ... --record ...' 记录。",
      "",
      // Dongyue's September scorecard and OBJ-04 count a complaint the corrective action register has no 8D for (tester82 A2).
      "customers/DYA.yaml",
      "customers/DYA.yaml:60:83 warning action/complaint-unrecorded 顾客 DYA 的 2026-09 计分卡记抱怨 1 次，而纠正措施台账中该月接收的 DYA 投诉为 0 项：计分卡上的投诉没有纠正措施记录（IATF 16949 9.1.2.1, 10.2.6）。请为未登记的投诉开立纠正措施：'csr action open --source complaint --customer DYA --received <接收日期，2026-09 内> --title <问题> --owner <负责人>'；计分卡数字有误的，改正计分卡。",
      "",
      "objectives.yaml",
      "objectives.yaml:99:34 warning action/complaint-unrecorded 质量目标 OBJ-04 顾客投诉次数 的 2026-09 实测值为 1，而纠正措施台账中该期接收的顾客投诉为 0 项：统计到的投诉没有纠正措施记录（IATF 16949 9.1.2.1, 10.2.6）。请为未登记的投诉开立纠正措施：'csr action open --source complaint --customer <顾客代码> --received <接收日期，2026-09 内> --title <问题> --owner <负责人>'；实测值有误的，改正该期实测值。",
      "",
      // C3's audit frequency is not reviewed since complaint 8D-2026-001 (tester82 A12, 15a04413).
      "processes.yaml",
      "processes.yaml:64:11 warning process/audit-frequency-unreviewed C3 生产过程控制 自上次体系审核以来（或在一个审核间隔之内）有 顾客投诉 8D-2026-001（2026-04-01），但其审核频次的理由（audit_reason）没有提到：IATF 16949 9.2.2.1 要求在顾客投诉、内外部不符合和过程变更之后评审并适当调整审核频次。请评审其审核频次并记录结论，写明所针对的事件：'csr process update C3 --audit-months 12 --audit-reason \"8D-2026-001 后评审：…\"'（维持或调整的间隔月数）。",
      "",
      "规则说明（也可运行 'csr explain <规则>'）：",
      "  action/complaint-unrecorded         https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#actioncomplaint-unrecorded",
      "  csr/training-overdue                https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#csrtraining-overdue",
      "  process/audit-frequency-unreviewed  https://unpkg.com/qms-csr@0.1.0/docs/rules.zh-CN.md#processaudit-frequency-unreviewed",
      "✖ 5 个文件中有 0 个错误、5 个警告（共检查 70 个文件）。",
      "",
    ]);
    golden("matrix-csr.md", await run("matrix", "csr", "--format", "md", ...today));
    golden("matrix-clauses.md", await run("matrix", "clauses", "--format", "md", ...today));
    golden("procedures.md", await run("list", "procedures", "--format", "md", ...today));
    golden("distribution.md", await run("list", "distribution", "--format", "md", ...today));
    golden("training.md", await run("list", "training", "--format", "md", ...today));
    golden("csr-list.md", await run("list", "--format", "md", ...today));
    golden("history-QP-010.txt", (await run("history", "QP-010")).replace(/\b[0-9a-f]{7}\b/g, "<commit>").replace(/\d{4}-\d{2}-\d{2}  Test User/g, "<date>  Test User"));
    expect(commands).toBe(25);
    // Every step was committed as it went: nothing is left over.
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    golden("log.txt", git(dir, ["log", "--format=%s"]));
    // 25 commands, each checking the whole repository before it writes: about 10 s of CPU as
    // processes of their own (a machine loaded by others, load average 30 on 2 cores, took 160 s),
    // less in this process, which starts Node and loads csr once.
  }, 300_000);
});
