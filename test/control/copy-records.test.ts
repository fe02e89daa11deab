/**
 * Who handed a controlled copy out and who took it back (发放人, 交回人, 回收人), an obsolete copy kept
 * stamped 作废 (csr recall --retained, 作废留用), and the distribution register and the controlled
 * document list filtered by the unit or person holding the copies (csr list --department / --holder).
 * A small repository with one document controller, in a real temporary git repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, git } from "../helpers.js";
import { pendingTrainingProcedure, threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

const procedure = trainingProcedure();

const people = [
  "people:",
  "  - {id: zhang, name: 张伟, department: QA, roles: [author, reviewer]}",
  "  - {id: li, name: 李娜, department: MKT, roles: [author, reviewer]}",
  "  - {id: wang, name: 王强, department: QA, roles: [approver]}",
  "  - {id: zhao, name: 赵磊, department: PRD, roles: [author]}",
  "  - {id: chen, name: 陈静, department: QA, roles: [document-controller]}",
  "",
].join("\n");

function repo(): string {
  return threeDepartmentRepo({ "documents/QP-005.yaml": procedure, "people.yaml": people });
}

const copies = (dir: string) => readFileSync(join(dir, "documents/QP-005.yaml"), "utf8").split("distribution:\n")[1];
const zh = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const PUT = "QP-005：受控号 2 的使用场所登记为压接工位 OP20：\n  受控号 2  生产部，使用场所：压接工位 OP20，领用人：赵磊（zhao）\n已提交 <sha>：csr distribute QP-005：受控号 2 使用场所 压接工位 OP20\n";
const MOVED = "QP-005：受控号 2 的使用场所登记为压接工位 OP30：\n  受控号 2  生产部，使用场所：压接工位 OP30，领用人：赵磊（zhao）\n原使用场所（受控号 2 在压接工位 OP20）已更改；git 保留原文件。\n已提交 <sha>：csr distribute QP-005：受控号 2 使用场所 压接工位 OP30\n";
const BOTH = "QP-005：已登记受控号 1（A/0，品质部）的领用人：张伟（zhang）。\nQP-005：受控号 1 的使用场所登记为来料检验室：\n  受控号 1  品质部，使用场所：来料检验室，领用人：张伟（zhang）\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
const EN = "QP-005: place of use of copy 3 recorded as Sales office:\n  copy 3  市场部, used at Sales office\nWrote documents/QP-005.yaml; not committed (git commit it, or run with --commit).\n";
const RELEASE_COMMANDS = "'csr distribute QP-005 --to QA --copies 2'、'csr distribute QP-005 --to PRD MKT' 和 'csr distribute QP-005 --to PRD --copies 2 --location \"压接工位 OP20\"' 向持有单位发放 A/2。\n";
const mdRows = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("| "));

describe("发放人, 交回人 and 回收人 of a controlled copy", () => {
  it("records the document controller as 发放人 and 回收人 by default, another person when named, and shows them as columns", async () => {
    const dir = repo();
    const handedOut = await zh(dir, "distribute", "QP-005", "--to", "PRD", "--holder", "赵磊", "--date", "2026-10-14", "-y");
    expect(handedOut.stdout).toBe("QP-005 A/1：于 2026-10-14 发放受控副本 1 份：\n  受控号 4  生产部，领用人：赵磊（zhao）\n发放人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n尚待回收：受控号 1（A/0，品质部）、受控号 2（A/0，生产部）、受控号 3（A/0，市场部）；回收后用 'csr recall QP-005' 登记。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    expect((await zh(dir, "distribute", "QP-005", "--to", "QA", "--issued-by", "王强", "--date", "2026-10-14", "-y")).stdout).toContain("\n发放人：王强（wang）。\n");
    const back = await zh(dir, "recall", "QP-005", "--copy", "2", "--by", "赵磊", "--date", "2026-10-20", "-y");
    expect(back.stdout).toBe("QP-005：于 2026-10-20 回收 1 份：受控号 2（A/0，生产部）。交回人：赵磊（zhao）。回收人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n注意：受控号 2（A/0，生产部）应于 2026-10-19 前回收，此次回收逾期 1 个工作日（文件发放/回收记录的备注写明）。\n尚待回收：受控号 1（A/0，品质部）、受控号 3（A/0，市场部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    expect((await zh(dir, "recall", "QP-005", "--copy", "1", "--by", "zhang", "--received-by", "wang", "--date", "2026-10-21", "-y")).stdout).toContain("交回人：张伟（zhang）。回收人：王强（wang）。\n");
    expect(copies(dir)).toBe(
      [
        "  - {copy: 1, version: A/0, to: QA, date: 2024-01-12, recalled: 2026-10-21, returned_by: zhang, received_by: wang}",
        "  - {copy: 2, version: A/0, to: PRD, holder: zhao, date: 2024-01-12, recalled: 2026-10-20, returned_by: zhao, received_by: chen}",
        "  - {copy: 3, version: A/0, to: MKT, date: 2024-01-12}",
        "  - {copy: 4, version: A/1, to: PRD, holder: zhao, issued_by: chen, date: 2026-10-14}",
        "  - {copy: 5, version: A/1, to: QA, issued_by: wang, date: 2026-10-14}",
        "",
      ].join("\n"),
    );
    const register = await zh(dir, "list", "distribution", "--format", "md", "--today", "2026-10-22");
    expect(mdRows(register.stdout)).toEqual([
      "| 序号 | 文件编号 | 文件名称 | 版本/版次 | 受控号 | 发放部门 | 领用人 | 发放人 | 发放日期 | 应回收日期 | 回收日期 | 交回人 | 回收人 | 状态 | 备注 |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 1 | QP-005 | 培训程序 | A/0 | 1 | 品质部 |  |  | 2024-01-12 | 2026-10-19 | 2026-10-21 | 张伟 | 王强 | 已回收 | 逾期 2 个工作日回收 |",
      "| 2 | QP-005 | 培训程序 | A/0 | 2 | 生产部 | 赵磊 |  | 2024-01-12 | 2026-10-19 | 2026-10-20 | 赵磊 | 陈静 | 已回收 | 逾期 1 个工作日回收 |",
      // A/1 took effect on 2026-10-12: its copies were due back 5 working days later.
      "| 3 | QP-005 | 培训程序 | A/0 | 3 | 市场部 |  |  | 2024-01-12 | 2026-10-19 |  |  |  | 回收逾期 |  |",
      "| 4 | QP-005 | 培训程序 | A/1 | 4 | 生产部 | 赵磊 | 陈静 | 2026-10-14 |  |  |  |  | 在用 |  |",
      "| 5 | QP-005 | 培训程序 | A/1 | 5 | 品质部 |  | 王强 | 2026-10-14 |  |  |  |  | 在用 |  |",
    ]);
    // Dated before the return, the register shows neither the return nor who made it.
    const before = await csrInProcess(["-C", dir, "list", "distribution", "--format", "json", "--today", "2026-10-20"]);
    const row1 = JSON.parse(before.stdout).rows[0];
    expect([row1.dueBy, row1.recalled, row1.returnedBy, row1.receivedBy, row1.state]).toEqual(["2026-10-19", null, "", "", "recall overdue"]);
    // Only copy 3, not taken back, is overdue (5 working days after A/1 took effect on 2026-10-12); copies 1 to 3, of 2024, name no 发放人 (auditor16 F16).
    expect((await checkJsonInProcess(dir, "--today", "2026-10-22")).findings.map((f) => `${f.rule} ${f.line}`)).toEqual([
      "doc/copy-record-incomplete 25",
      // The fixture's A/0 took effect on 2024-01-10, its copies went out on 2024-01-12; A/1's first copy on 2026-10-14, two days after it took effect.
      "doc/effective-before-issue 25",
      "doc/copy-record-incomplete 26",
      "doc/copy-record-incomplete 27",
      // 市场部 held A/0 and has no copy of A/1.
      "doc/no-copy-in-force 27",
      "doc/recall-overdue 27",
      "doc/effective-before-issue 28",
    ]);
  });

  it("refuses an unknown 回收人, and a 回收人 of copies that did not come back", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure });
    expect((await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "2", "--by", "zhao", "--received-by", "nobody", "-y"])).stderr).toMatch(/^csr: --received-by nobody: /);
    expect((await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "2", "--lost", "--by", "zhao", "--remark", "x", "--received-by", "zhang", "-y"])).stderr).toBe(
      "csr: --received-by names who took a copy back; the copies of --lost did not come back (give who dealt with it as --by).\n",
    );
  });
});

describe("发放人 and 回收人 without a terminal when the document controller is not the one (tester16 F2)", () => {
  // 张三, a placeholder person of csr init, is a document controller beside the real one, 陈静.
  const twoControllers = people + "  - {id: zhangsan, name: 张三, department: QA, roles: [document-controller]}\n";

  it("refuses to guess which of several document controllers did it, naming the option and them, and writes nothing", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure, "people.yaml": twoControllers });
    const before = copies(dir);
    expect(await zh(dir, "distribute", "QP-005", "--to", "QA", "--date", "2026-10-14", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 未给出 --issued-by：有几名在职的文控人员（陈静（chen）、张三（zhangsan）），csr 无法判断谁是发放人。\n提示：请用 --issued-by <人员> 指明是其中哪一位；其中有 csr init 写入的示例人员的，用 'csr person remove <id>' 删除后，唯一的文控人员就是默认的发放人和回收人。\n",
    });
    expect((await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "2", "--by", "zhao", "--date", "2026-10-20", "-y"])).stderr).toBe(
      "csr: --received-by is not given: there are several document controllers at work (陈静 (chen), 张三 (zhangsan)), and csr cannot tell who took the copies back.\nhint: Name the one who did with --received-by <person>; if one of them is a placeholder person of csr init, remove it with 'csr person remove <id>', and the one document controller left is recorded by default.\n",
    );
    expect(copies(dir)).toBe(before);
    // Named, or once the placeholder is removed, the copies are recorded with their 发放人 and 回收人.
    expect((await zh(dir, "distribute", "QP-005", "--to", "QA", "--issued-by", "陈静", "--date", "2026-10-14", "-y")).stdout).toContain("\n发放人：陈静（chen）。\n");
    expect((await zh(dir, "person", "remove", "zhangsan", "-y")).code).toBe(0);
    expect((await zh(dir, "recall", "QP-005", "--copy", "2", "--by", "zhao", "--date", "2026-10-20", "-y")).stdout).toContain("回收人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n");
    expect(copies(dir)).toContain("  - {copy: 4, version: A/1, to: QA, issued_by: chen, date: 2026-10-14}\n");
  });

  it("with no document controller, records the copies and says that 发放人 and 回收人 were left blank and how to record them", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure });
    expect(await zh(dir, "distribute", "QP-005", "--to", "QA", "--date", "2026-10-14", "-y")).toEqual({
      code: 0,
      stdout:
        "QP-005 A/1：于 2026-10-14 发放受控副本 1 份：\n  受控号 4  品质部\n未记录发放人：people.yaml 中没有在职的文控人员（document-controller）。请用 --issued-by <人员> 记录发放人，或用 'csr person update <id> --roles …,document-controller' 指定文控人员。\n受控号 4 未登记领用人（未给出 --holder）：领用人签收后，用 'csr distribute QP-005 --copy 4 --holder <品质部的人员>' 登记；以后发放时在部门后写明领用人：--to QA:<人员>（只发一个部门时也可用 --holder <人员>）。\n尚待回收：受控号 1（A/0，品质部）、受控号 2（A/0，生产部）、受控号 3（A/0，市场部）；回收后用 'csr recall QP-005' 登记。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect((await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "2", "--by", "zhao", "--date", "2026-10-20", "-y"])).stdout).toBe(
      "QP-005: 1 copy taken back on 2026-10-20: 2 (A/0, 生产部). Handed back by 赵磊 (zhao).\nNo receiver (回收人) recorded: people.yaml has no document controller at work (document-controller). Record one with --received-by <person>, or give a person the role with 'csr person update <id> --roles …,document-controller'.\nNote: 2 (A/0, 生产部): due back by 2026-10-19, returned 1 working day late (the distribution register's remarks say so).\nStill to recall: 1 (A/0, 品质部), 3 (A/0, 市场部).\nWrote documents/QP-005.yaml; not committed (git commit it, or run with --commit).\n",
    );
    expect(copies(dir)).toContain("  - {copy: 2, version: A/0, to: PRD, holder: zhao, date: 2024-01-12, recalled: 2026-10-20, returned_by: zhao}\n");
    expect(copies(dir)).toContain("  - {copy: 4, version: A/1, to: QA, date: 2026-10-14}\n");
  });
});

describe("csr recall --retained (作废留用)", () => {
  it("keeps an obsolete copy with its holder stamped 作废: no longer due back nor printable, shown as 作废留用", async () => {
    const dir = repo();
    const kept = await zh(dir, "recall", "QP-005", "--copy", "2", "--retained", "--by", "陈静", "--remark", "留作工艺参考，存生产部技术资料柜", "--date", "2026-10-20", "-y", "--commit");
    // A copy stamped 作废 is no copy of the version in force.
    expect(kept.stderr).toBe("csr: 警告：生产部已没有 QP-005 的受控副本，而现行的 A/1 版尚未发给生产部：用 'csr distribute QP-005 --to PRD' 发放（csr check 报告 doc/no-copy-in-force）。\n");
    expect(kept.stdout).toMatch(
      /^QP-005：受控号 2（A\/0，生产部）于 2026-10-20 加盖作废章，留在持有处（经办人：陈静（chen）；留作工艺参考，存生产部技术资料柜），不再是受控副本，不再待回收。\n尚待回收：受控号 1（A\/0，品质部）、受控号 3（A\/0，市场部）。\n已提交 [0-9a-f]{7}：csr recall QP-005：受控号 2 作废留用\n$/,
    );
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("csr recall QP-005：受控号 2 作废留用\n");
    expect(copies(dir)).toContain("  - {copy: 2, version: A/0, to: PRD, holder: zhao, date: 2024-01-12, retained: {date: 2026-10-20, by: chen, remark: 留作工艺参考，存生产部技术资料柜}}\n");
    expect(mdRows((await zh(dir, "list", "distribution", "--format", "md", "--today", "2026-11-27")).stdout)[3]).toBe(
      "| 2 | QP-005 | 培训程序 | A/0 | 2 | 生产部 | 赵磊 |  | 2024-01-12 | 2026-10-19 |  |  |  | 作废留用 | 2026-10-20 加盖作废章留用，陈静经办：留作工艺参考，存生产部技术资料柜 |",
    );
    const english = await csrInProcess(["-C", dir, "list", "distribution", "--format", "json", "--today", "2026-11-27"]);
    expect([JSON.parse(english.stdout).rows[1].state, JSON.parse(english.stdout).rows[1].remark]).toEqual(["obsolete, retained", "stamped obsolete 2026-10-20 by 陈静, retained: 留作工艺参考，存生产部技术资料柜"]);
    // Copies 1 and 3 are still overdue; copy 2 is not. None of the three of 2024 names its 发放人.
    expect((await checkJsonInProcess(dir, "--today", "2026-11-27")).findings.map((f) => `${f.rule} ${f.line}`)).toEqual([
      "doc/copy-record-incomplete 25",
      // No unit has a copy of A/1: the one stamped 作废 at 生产部 is none.
      "doc/no-copy-in-force 25",
      "doc/recall-overdue 25",
      // A/0 took effect on 2024-01-10, its copies went out on 2024-01-12.
      "doc/effective-before-issue 25",
      "doc/copy-record-incomplete 26",
      "doc/copy-record-incomplete 27",
      "doc/recall-overdue 27",
    ]);
    expect((await csrInProcess(["-C", dir, "render", "QP-005", "--copy", "2"])).stderr).toBe("csr: Copy 2 of QP-005 is not in force (stamped obsolete and retained on 2026-10-20); print a copy in force.\n");
    // Dated before it was stamped, the copy was still due back.
    expect(mdRows((await zh(dir, "list", "distribution", "--format", "md", "--today", "2026-10-19")).stdout)[3]).toContain("| 待回收 |  |");
  });

  it("refuses a copy of the version in force, a copy already kept, and asks for its copy, who stamped it and why", async () => {
    const dir = repo();
    await zh(dir, "distribute", "QP-005", "--to", "QA", "--date", "2026-10-14", "-y");
    const run = async (...args: string[]) => (await csrInProcess(["-C", dir, "recall", "QP-005", ...args, "-y"])).stderr;
    expect(await run("--copy", "4", "--retained", "--by", "chen", "--remark", "x")).toBe(
      "csr: Controlled copy 4 of QP-005 is of A/1, the version in force: only a copy of a replaced or withdrawn version is stamped obsolete and retained.\n",
    );
    expect(await run("--retained", "--by", "chen", "--remark", "x")).toBe("csr: --copy is required (or run in a terminal to be asked for the numbers of the copies lost, destroyed or retained).\n");
    expect(await run("--copy", "1", "--retained", "--remark", "x")).toBe("csr: --by is required (or run in a terminal to be asked for who stamped it).\n");
    expect(await run("--copy", "1", "--retained", "--by", "chen")).toBe("csr: --remark is required (or run in a terminal to be asked for why and where it is kept).\n");
    expect(await run("--copy", "1", "--retained", "--destroyed", "--by", "chen", "--remark", "x")).toBe("csr: Give one of --lost, --destroyed and --retained: a copy is either lost, destroyed or kept stamped obsolete.\n");
    // Stamped at the holding unit (品质部) by one of it or by the document controller, not by 市场部's 李娜 (tester15 #6).
    expect(await run("--copy", "1", "--retained", "--by", "li", "--remark", "x")).toBe(
      "csr: --by 李娜 (li) is of 市场部, while QP-005's controlled copy 1 is held by 品质部: a copy kept for reference is stamped 作废 by someone of the holding unit or by the document controller.\nhint: Give someone of the holding unit, or a document controller (role document-controller in people.yaml).\n",
    );
    expect(await run("--copy", "1", "--retained", "--by", "chen", "--remark", "x", "--date", "2026-10-20")).toBe("");
    expect(await run("--copy", "1", "--date", "2026-10-21")).toBe("csr: Controlled copy 1 of QP-005 was stamped obsolete and retained on 2026-10-20.\n");
  });
});

function pendingRepo(): string {
  return threeDepartmentRepo({ "documents/QP-005.yaml": pendingTrainingProcedure(), "people.yaml": people });
}

describe("copies of the version still in use while its successor is 待实施", () => {
  it("are not stamped 作废 (csr recall --retained) before the successor takes effect, and from that day are", async () => {
    const dir = pendingRepo();
    const retain = (copy: string, date: string) => zh(dir, "recall", "QP-005", "--copy", copy, "--retained", "--by", "chen", "--remark", "留作参考", "--date", date, "-y");
    expect(await retain("4", "2026-11-20")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-005 的受控副本 4 是 A/1 版，替代它的 A/2 版 2026-11-25 才实施，在此之前它仍在使用，不能加盖作废章留用。\n提示：请在 A/2 版实施后登记作废留用（--date 不早于 2026-11-25）。\n",
    });
    expect((await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "4", "--retained", "--by", "chen", "--remark", "x", "--date", "2026-11-24", "-y"])).stderr).toBe(
      "csr: Controlled copy 4 of QP-005 is of A/1, still in use until A/2 replaces it on 2026-11-25: a copy in use is not stamped obsolete and retained.\nhint: Record it as retained once A/2 is in force, on or after 2026-11-25 (--date).\n",
    );
    expect((await retain("5", "2026-11-20")).stderr).toBe("csr: QP-005 的受控副本 5 是现行版本 A/2，不能加盖作废章留用：只有被替代或已作废的版本才作废留用。\n");
    expect(copies(dir)).not.toContain("retained");
    expect((await retain("4", "2026-11-25")).stdout).toBe(
      "QP-005：受控号 4（A/1，品质部）于 2026-11-25 加盖作废章，留在持有处（经办人：陈静（chen）；留作参考），不再是受控副本，不再待回收。\n尚待回收：受控号 1（A/0，品质部）、受控号 2（A/0，生产部）、受控号 3（A/0，市场部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
  });

  it("are not counted as still to recall by csr recall and csr distribute, as the register of that day does not, nor recalled without --copy", async () => {
    const dir = pendingRepo();
    const register = async (today: string) => {
      // 受控号 and 状态 of each row, then the count of copies due back.
      const { stdout } = await zh(dir, "list", "distribution", "--format", "md", "--today", today);
      const cells = mdRows(stdout).slice(2).map((row) => row.split(" | "));
      return [...cells.map((c) => `${c[4]} ${c[13]}`), stdout.split("\n").find((l) => l.startsWith("待回收"))?.trimEnd()];
    };
    // The copies of A/0 were due back 5 working days after A/1 took effect on 2026-10-12, not after A/2 does.
    expect(await register("2026-11-20")).toEqual(["1 回收逾期", "2 回收逾期", "3 回收逾期", "4 在用（2026-11-25 起待回收）", "5 待实施（2026-11-25 实施）", "待回收 3 份，其中 3 份已过应回收日期（所发版本停止现行后 5 个工作日内回收）。"]);
    expect((await zh(dir, "recall", "QP-005", "--copy", "1", "--by", "zhang", "--date", "2026-11-20", "-y")).stdout).toBe(
      "QP-005：于 2026-11-20 回收 1 份：受控号 1（A/0，品质部）。交回人：张伟（zhang）。回收人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n注意：受控号 1（A/0，品质部）应于 2026-10-19 前回收，此次回收逾期 24 个工作日（文件发放/回收记录的备注写明）。\n尚待回收：受控号 2（A/0，生产部）、受控号 3（A/0，市场部）。\nA/2 于 2026-11-25 实施后待回收：受控号 4（A/1，品质部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect((await register("2026-11-20")).at(-1)).toBe("待回收 2 份，其中 2 份已过应回收日期（所发版本停止现行后 5 个工作日内回收）。");
    expect((await zh(dir, "distribute", "QP-005", "--to", "MKT", "--date", "2026-11-20", "-y")).stdout).toBe(
      "QP-005 A/2：于 2026-11-20 发放受控副本 1 份：\n  受控号 6  市场部\n发放人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\nQP-005 A/2 版 2026-11-25 起实施，在此之前现行版本仍为 A/1：以上是 A/2 版的提前发放，供培训/准备（打印盖“受控 待实施”章）。如要发放的是现行的 A/1 版，用 'csr distribute QP-005 --old-version A/1 --to MKT'。\n受控号 6 未登记领用人（未给出 --holder）：领用人签收后，用 'csr distribute QP-005 --copy 6 --holder <市场部的人员>' 登记；以后发放时在部门后写明领用人：--to MKT:<人员>（只发一个部门时也可用 --holder <人员>）。\n尚待回收：受控号 2（A/0，生产部）、受控号 3（A/0，市场部）；回收后用 'csr recall QP-005' 登记。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    // Without --copy, the copies due back that day: those of A/0, not copy 4 of A/1, still in use; each unit's, handed back by one of it.
    expect(await zh(dir, "recall", "QP-005", "--date", "2026-11-21", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 未给出 --by：回收记录须写明交回人（持有单位交回副本的人员），csr 无法判断由谁交回了受控号 2（A/0，生产部）、受控号 3（A/0，市场部）。\n提示：几个单位的副本由各单位的人员交回，请分别回收：'csr recall QP-005 --copy 2 --by zhao --date 2026-11-21'、'csr recall QP-005 --copy 3 --by <市场部的人员> --date 2026-11-21'。\n",
    });
    expect((await zh(dir, "recall", "QP-005", "--copy", "2", "--by", "zhao", "--date", "2026-11-21", "-y")).stdout).toBe(
      "QP-005：于 2026-11-21 回收 1 份：受控号 2（A/0，生产部）。交回人：赵磊（zhao）。回收人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n注意：受控号 2（A/0，生产部）应于 2026-10-19 前回收，此次回收逾期 24 个工作日（文件发放/回收记录的备注写明）。\n尚待回收：受控号 3（A/0，市场部）。\nA/2 于 2026-11-25 实施后待回收：受控号 4（A/1，品质部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect((await zh(dir, "recall", "QP-005", "--by", "li", "--date", "2026-11-21", "-y")).stdout).toBe(
      "QP-005：于 2026-11-21 回收 1 份：受控号 3（A/0，市场部）。交回人：李娜（li）。回收人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --received-by）。\n注意：受控号 3（A/0，市场部）应于 2026-10-19 前回收，此次回收逾期 24 个工作日（文件发放/回收记录的备注写明）。\nA/2 于 2026-11-25 实施后待回收：受控号 4（A/1，品质部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect(copies(dir)).toContain("  - {copy: 4, version: A/1, to: QA, date: 2026-10-14}\n");
    expect(await register("2026-11-21")).toEqual(["1 已回收", "2 已回收", "3 已回收", "4 在用（2026-11-25 起待回收）", "5 待实施（2026-11-25 实施）", "6 待实施（2026-11-25 实施）", "待回收 0 份。"]);
  });
});

describe("csr list distribution|documents --department / --holder", () => {
  it("lists the copies a department or a person holds, saying in the title and a note that the register is filtered", async () => {
    const dir = repo();
    await zh(dir, "distribute", "QP-005", "--to", "PRD", "--holder", "zhao", "--date", "2026-10-14", "-y");
    await zh(dir, "distribute", "QP-005", "--to", "QA", "MKT", "--date", "2026-10-14", "-y");
    const production = await zh(dir, "list", "distribution", "--department", "生产部", "--today", "2026-11-27");
    expect(production.stdout.split("\n").slice(0, 2)).toEqual(["文件发放/回收记录（发放部门：生产部；共 2 份）", ""]);
    expect(production.stdout.split("\n").filter((l) => /^\d/.test(l)).map((l) => l.split(/\s{2,}/).slice(0, 5).join(" "))).toEqual(["1 QP-005 培训程序 A/0 2", "2 QP-005 培训程序 A/1 4"]);
    expect(production.stdout.split("\n").slice(-3)).toEqual(["本表按条件筛选（发放部门：生产部），不是完整的文件发放/回收记录。", "待回收 1 份，其中 1 份已过应回收日期（所发版本停止现行后 5 个工作日内回收）。", ""]);
    // The command that lists the whole register is for the one who runs this one, on stderr.
    expect(production.stderr).toBe("完整的文件发放/回收记录：csr list distribution。\n");
    const held = await csrInProcess(["-C", dir, "list", "distribution", "--holder", "赵磊", "--department", "PRD", "--format", "json", "--today", "2026-11-27"]);
    expect(held.stderr).toBe("The whole distribution and recall register: csr list distribution.\n");
    const json = JSON.parse(held.stdout);
    expect([json.title, json.rows.map((r: { copy: number }) => r.copy), json.notes[0]]).toEqual([
      "Distribution and recall register (issued to 生产部; holder 赵磊; 2 copies)",
      [2, 4],
      "This register is filtered (issued to 生产部; holder 赵磊) and is not the whole distribution and recall register.",
    ]);
    // What 生产部 holds: QP-005 with copy 4 in use, and copy 2, of A/0, still there until it is recalled, marked 待回收 (tester75 P5).
    const documents = await zh(dir, "list", "documents", "--department", "PRD", "--format", "md", "--today", "2026-11-27");
    expect(documents.stdout.split("\n").filter((l) => l.startsWith("## ") || l.startsWith("| 1 ") || l.startsWith("本表")).map((l) => l.trimEnd())).toEqual([
      "## 受控文件清单（持有部门：生产部；共 1 份）",
      "| 1 | 二级 | QP-005 | 培训程序 | 品质部 | A/1 | 2（A/0，待回收）、4 | 张伟 | 李娜 | 王强 | 2026-10-12 | 2026-10-12 |  |  | 已发布 |  |",
      "本表按条件筛选（持有部门：生产部），不是完整的受控文件清单。",
    ]);
    expect(mdRows(documents.stdout)[0]).toBe("| 序号 | 层级 | 文件编号 | 文件名称 | 部门 | 版本/版次 | 受控号 | 编制 | 审核 | 批准 | 发布日期 | 生效日期 | 保存期限 | 条款 | 状态 | 备注 |");
    expect(JSON.parse((await csrInProcess(["-C", dir, "list", "documents", "--holder", "li", "--format", "json"])).stdout).rows).toEqual([]);
  });

  it("a filtered CSV starts with its header row, says on stderr that it is filtered, and is named after its filter in a folder", async () => {
    const dir = repo();
    await zh(dir, "distribute", "QP-005", "--to", "PRD", "--holder", "zhao", "--date", "2026-10-14", "-y");
    const production = await csrInProcess(["-C", dir, "list", "distribution", "--department", "生产部", "--format", "csv", "--today", "2026-11-27"], { lang: null });
    expect([production.code, production.stdout.split("\r\n")[0]]).toEqual([0, "\ufeff序号,文件编号,文件名称,版本/版次,受控号,发放部门,领用人,发放人,发放日期,应回收日期,回收日期,交回人,回收人,状态,备注"]);
    expect(production.stdout.split("\r\n").slice(1, -1).map((row) => row.split(",").slice(0, 6).join(","))).toEqual(["1,QP-005,培训程序,A/0,2,生产部", "2,QP-005,培训程序,A/1,4,生产部"]);
    expect(production.stderr).toBe("csr: 这份 CSV 按条件筛选（发放部门：生产部），共 2 行，不是完整的文件发放/回收记录；CSV 只有表头和数据行，文件中不写这一说明。完整的清单：csr list distribution --format csv。\n");
    // Written into a folder, it is not distribution.csv, which a reader would take for the whole register.
    const held = await csrInProcess(["-C", dir, "list", "documents", "--holder", "赵磊", "--department", "PRD", "--format", "csv", "--out", "audit/"]);
    expect([held.code, held.stderr]).toEqual([
      0,
      "wrote audit/documents-PRD-zhao.csv\ncsr: this CSV is filtered (held by 生产部; holder 赵磊), 1 row, and is not the whole controlled document list; a CSV holds only its header and rows, so the file does not say so. All of it: csr list documents --format csv.\n",
    ]);
    expect(readFileSync(join(dir, "audit/documents-PRD-zhao.csv"), "utf8").split("\r\n")[1]).toMatch(/^1,"=""2""",QP-005,培训程序,品质部,A\/1,"2 \(A\/0, to recall\), 4",/);
    expect((await csrInProcess(["-C", dir, "list", "distribution", "--department", "PRD", "--format", "xlsx", "--out", "audit/"])).stderr).toBe("wrote audit/distribution-PRD.xlsx\nThe whole distribution and recall register: csr list distribution.\n");
    // Unfiltered, the register keeps its own name and says nothing more.
    expect((await csrInProcess(["-C", dir, "list", "distribution", "--format", "csv", "--out", "audit/"])).stderr).toBe("wrote audit/distribution.csv\n");
  });

  it("refuses the filters on other registers and with another document status, and an unknown department", async () => {
    const dir = repo();
    const run = async (...args: string[]) => (await csrInProcess(["-C", dir, "list", ...args])).stderr;
    expect(await run("reviews", "--department", "PRD")).toBe("csr: --department is for csr list distribution, csr list documents, csr list forms, csr list training, and csr list skills only, not for 'csr list reviews'.\n");
    expect(await run("--holder", "zhao")).toBe("csr: --holder is for csr list distribution and csr list documents only, not for 'csr list'.\n");
    expect(await run("documents", "--department", "PRD", "--status", "all")).toBe(
      "csr: --department and --holder list the documents in force of which copies are held, not with --status all: controlled copies are handed out of released documents only.\n",
    );
    expect(await run("distribution", "--department", "PRDD")).toMatch(/^csr: --department PRDD: /);
  });
});

describe("csr distribute --remark: a copy's 备注 (tester76 M1)", () => {
  it("records the remark on each copy handed out, prints it, and the copy register prints it in 备注; refuses one with --electronic, --copy alone or empty", async () => {
    const dir = repo();
    const handedOut = await zh(dir, "distribute", "QP-005", "--to", "PRD:zhao", "--remark", " 破损换发 ", "--date", "2026-10-14", "-y");
    expect([handedOut.code, handedOut.stderr]).toEqual([0, ""]);
    expect(handedOut.stdout.split("\n").slice(0, 2)).toEqual(["QP-005 A/1：于 2026-10-14 发放受控副本 1 份：", "  受控号 4  生产部，领用人：赵磊（zhao），备注：破损换发"]);
    expect(copies(dir)).toContain("  - {copy: 4, version: A/1, to: PRD, holder: zhao, issued_by: chen, date: 2026-10-14, remark: 破损换发}\n");
    const register = JSON.parse((await zh(dir, "list", "distribution", "--format", "json", "--today", "2026-10-15")).stdout) as { rows: { copy: number; remark: string }[] };
    expect(register.rows.map((r) => `${r.copy} ${r.remark}`)).toEqual(["1 ", "2 ", "3 ", "4 破损换发"]);
    expect(await zh(dir, "distribute", "QP-005", "--to", "PRD", "--remark", " ", "-y")).toEqual({ code: 2, stdout: "", stderr: "csr: --remark 需要备注内容，如 --remark 破损换发。\n" });
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--electronic", "--remark", "现场张贴", "-y")).stderr).toBe("csr: --remark 是发放纸质受控副本时记下的备注，不能与 --electronic 同用（已发放的副本遗失、销毁或作废留用，用 csr recall --remark 登记）。\n");
    expect((await zh(dir, "distribute", "QP-005", "--copy", "4", "--remark", "现场张贴", "-y")).stderr).toBe("csr: --remark 是发放纸质受控副本时记下的备注，不能与 --copy 同用（已发放的副本遗失、销毁或作废留用，用 csr recall --remark 登记）。\n");
  });
});

describe("csr distribute --location: the point of use of a copy (tester75 P5)", () => {
  it("records the place on each copy, and shows it in the summary, the register, csr show, the recall list and the stamp", async () => {
    const dir = repo();
    const handedOut = await zh(dir, "distribute", "QP-005", "--to", "PRD:zhao", "--copies", "2", "--location", " 压接工位 OP20 ", "--date", "2026-10-14", "-y");
    expect(handedOut.stdout.split("\n").slice(0, 3)).toEqual(["QP-005 A/1：于 2026-10-14 发放受控副本 2 份：", "  受控号 4  生产部，使用场所：压接工位 OP20，领用人：赵磊（zhao）", "  受控号 5  生产部，使用场所：压接工位 OP20，领用人：赵磊（zhao）"]);
    expect(copies(dir)).toContain("  - {copy: 4, version: A/1, to: PRD, holder: zhao, location: 压接工位 OP20, issued_by: chen, date: 2026-10-14}\n");
    expect((await zh(dir, "distribute", "QP-005", "--to", "QA", "--copies", "1", "--date", "2026-10-14", "-y")).code).toBe(0);
    // The register has the column once a copy records its place; a copy without one leaves it empty.
    const register = JSON.parse((await zh(dir, "list", "distribution", "--format", "json", "--today", "2026-10-15")).stdout) as { columns: { header: string }[]; rows: { copy: number; location: string }[] };
    expect(register.columns.map((c) => c.header).slice(5, 8)).toEqual(["发放部门", "使用场所", "领用人"]);
    expect(register.rows.map((r) => `${r.copy} ${r.location}`)).toEqual(["1 ", "2 ", "3 ", "4 压接工位 OP20", "5 压接工位 OP20", "6 "]);
    expect((await zh(dir, "show", "QP-005", "--today", "2026-10-15")).stdout).toContain("4 号 A/1 生产部 压接工位 OP20 赵磊、5 号 A/1 生产部 压接工位 OP20 赵磊");
    const stamp = await zh(dir, "render", "QP-005", "--copy", "4", "--format", "md", "--out", "out/", "--today", "2026-10-15");
    expect(stamp.code, stamp.stderr).toBe(0);
    expect(readFileSync(join(dir, "out", "QP-005.copy-4.zh-CN.md"), "utf8").split("\n")[0]).toBe("**【受控 受控号 4 持有：生产部 赵磊 使用场所：压接工位 OP20】**");
    // The recall list of a release names the place, where the copies are fetched back.
    writeFileSync(join(dir, "documents/QP-005.yaml"), readFileSync(join(dir, "documents/QP-005.yaml"), "utf8").replace("规定培训的策划和实施。", "规定培训的策划、实施和评价。"));
    git(dir, ["commit", "-qam", "培训评价"]);
    const released = await zh(dir, "release", "QP-005", "--summary", "培训评价", "--total-pages", "1", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-10-16", "-y");
    expect(released.code, released.stderr).toBe(0);
    expect(released.stdout).toContain("受控号 4（A/1，生产部 压接工位 OP20）、受控号 5（A/1，生产部 压接工位 OP20）");
    // The commands that hand A/2 out put its copies where the recalled ones were: one per point of use (tester76).
    expect(released.stdout).toContain(RELEASE_COMMANDS);
    // 生产部's list keeps QP-005 while its copies of A/1 are still there, due back.
    const held = await zh(dir, "list", "documents", "--department", "PRD", "--format", "json", "--today", "2026-10-17");
    expect((JSON.parse(held.stdout) as { rows: { number: string; copies: string }[] }).rows.map((r) => `${r.number} ${r.copies}`)).toEqual(["QP-005 2（A/0，待回收）、4（A/1，待回收）、5（A/1，待回收）"]);
  });

  it("refuses an empty place, and a place with --electronic or for a CSR", async () => {
    const dir = repo();
    expect(await zh(dir, "distribute", "QP-005", "--to", "PRD", "--location", " ", "-y")).toEqual({ code: 2, stdout: "", stderr: 'csr: --location 需要使用场所，如 --location "压接工位 OP20"。\n' });
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--electronic", "--location", "OP20", "-y")).stderr).toBe("csr: --location 是发放纸质受控副本时记下的使用场所，不能与 --electronic 同用。\n");
  });

  it("records or changes the place of a copy already handed out with --copy, printed as a distribution prints it, git keeping the place before (tester76)", async () => {
    const dir = repo();
    // The commit's hash is left out: it is the clock's.
    const sha = (run: { code: number; stdout: string; stderr: string }) => ({ ...run, stdout: run.stdout.replace(/已提交 [0-9a-f]{7,}/, "已提交 <sha>") });
    expect(sha(await zh(dir, "distribute", "QP-005", "--copy", "2", "--location", "压接工位 OP20", "-y", "--commit"))).toEqual({ code: 0, stdout: PUT, stderr: "" });
    expect(copies(dir)!.split("\n")[1]).toBe("  - {copy: 2, version: A/0, to: PRD, holder: zhao, location: 压接工位 OP20, date: 2024-01-12}");
    // Moved to another workstation: no --amend, the summary names the place it had; the commit before keeps it.
    const moved = sha(await zh(dir, "distribute", "QP-005", "--copy", "2", "--location", "压接工位 OP30", "-y", "--commit"));
    expect(moved).toEqual({ code: 0, stdout: MOVED, stderr: "" });
    expect(git(dir, ["log", "-2", "--format=%s"]).split("\n").slice(0, 2)).toEqual(["csr distribute QP-005：受控号 2 使用场所 压接工位 OP30", "csr distribute QP-005：受控号 2 使用场所 压接工位 OP20"]);
    expect(git(dir, ["show", "HEAD~1:documents/QP-005.yaml"])).toContain("location: 压接工位 OP20");
    expect(await zh(dir, "distribute", "QP-005", "--copy", "2", "--location", "压接工位 OP30", "-y")).toEqual({ code: 0, stdout: "QP-005：受控号 2（A/0，生产部 压接工位 OP30）的使用场所已是压接工位 OP30，未作修改。\n", stderr: "" });
    // With --holder, both are recorded; --amend is a holder's correction, not a move.
    expect((await zh(dir, "distribute", "QP-005", "--copy", "1", "--holder", "zhang", "--location", "来料检验室", "-y")).stdout).toBe(BOTH);
    expect((await zh(dir, "distribute", "QP-005", "--copy", "2", "--location", "OP40", "--amend", "-y")).stderr).toBe("csr: --amend 只更正领用人；使用场所随副本移动，直接用 --copy <受控号> --location <场所> 登记或更改，不需要 --amend。\n");
    expect((await zh(dir, "distribute", "QP-005", "--copy", "2", "--location", "OP40", "--to", "PRD", "-y")).stderr).toBe(
      // --copy with --to numbers new copies (tester76 M1): copy 2 is out already, and the refusal says to leave out --to.
      "csr: QP-005 的受控号 2 已在使用（A/0 版，2024-01-12 发给 生产部）：受控号在一份文件内不重复；请换一个号，或不写 --copy，由 csr 接着编号（下一个为 4）；为已发放的副本登记领用人或使用场所时不写 --to。\n",
    );
    expect((await csrInProcess(["-C", dir, "distribute", "QP-005", "--copy", "3", "--location", "Sales office", "-y"], { lang: "en" })).stdout).toBe(EN);
  });
});

describe("copies of a document classified as a state secret (tester16 F15)", () => {
  // QP-005 marked 秘密: its copies are signed for by named people.
  const secret = () => threeDepartmentRepo({ "documents/QP-005.yaml": procedure.replace("department: QA\n", "department: QA\nclassification: 秘密\n"), "people.yaml": people });

  it("are not handed out without a named holder, and the register shows the 密级 of every document listed", async () => {
    const dir = secret();
    const before = copies(dir);
    expect(await zh(dir, "distribute", "QP-005", "--to", "QA", "PRD", "--date", "2026-10-14", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-005 的密级为秘密，属于国家秘密：其受控副本须发给具名的领用人，未给出 --holder。\n提示：请在每个部门后写明其领用人：'csr distribute QP-005 --to QA:<品质部的人员> PRD:<生产部的人员> --date 2026-10-14'。\n",
    });
    expect((await csrInProcess(["-C", dir, "distribute", "QP-005", "--to", "MKT", "-y"])).stderr).toBe(
      "csr: QP-005 is classified Confidential (秘密), a state secret: its controlled copies are issued to a named holder, and --holder is not given.\nhint: Name the holder with --holder: 'csr distribute QP-005 --to MKT --holder <a person of 市场部>'.\n",
    );
    expect(copies(dir)).toBe(before);
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--holder", "赵磊", "--date", "2026-10-14", "-y")).code).toBe(0);
    expect(mdRows((await zh(dir, "list", "distribution", "--format", "md", "--today", "2026-10-14")).stdout)).toEqual([
      "| 序号 | 文件编号 | 文件名称 | 版本/版次 | 密级 | 受控号 | 发放部门 | 领用人 | 发放人 | 发放日期 | 应回收日期 | 回收日期 | 交回人 | 回收人 | 状态 | 备注 |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 1 | QP-005 | 培训程序 | A/0 | 秘密 | 1 | 品质部 |  |  | 2024-01-12 | 2026-10-19 |  |  |  | 待回收 |  |",
      "| 2 | QP-005 | 培训程序 | A/0 | 秘密 | 2 | 生产部 | 赵磊 |  | 2024-01-12 | 2026-10-19 |  |  |  | 待回收 |  |",
      "| 3 | QP-005 | 培训程序 | A/0 | 秘密 | 3 | 市场部 |  |  | 2024-01-12 | 2026-10-19 |  |  |  | 待回收 |  |",
      "| 4 | QP-005 | 培训程序 | A/1 | 秘密 | 4 | 生产部 | 赵磊 | 陈静 | 2026-10-14 |  |  |  |  | 在用 |  |",
    ]);
    // In English, the 密级 by its English name, with the marking the paper copy is stamped with (tester16 F19).
    expect(mdRows((await csrInProcess(["-C", dir, "list", "distribution", "--format", "md", "--today", "2026-10-14"])).stdout)[5]!.split(" | ").slice(3, 6)).toEqual(["A/1", "Confidential (秘密)", "4"]);
  });
});

describe("csr check on distribution records without issuer or recipient (auditor16 F16)", () => {
  it("warns about a copy without 发放人, a return without 交回人 or 回收人, and a classified copy without 领用人", async () => {
    const dir = threeDepartmentRepo({
      "documents/QP-005.yaml": trainingProcedure(
        "{copy: 4, version: A/1, to: PRD, holder: zhao, issued_by: chen, date: 2026-10-12, recalled: 2026-10-13}",
        "{copy: 5, version: A/1, to: QA, holder: zhang, issued_by: chen, date: 2026-10-12, recalled: 2026-10-13, returned_by: zhang, received_by: chen}",
      ).replace("department: QA\n", "department: QA\nclassification: 机密\n"),
      "people.yaml": people,
    });
    const { findings, code } = await checkJsonInProcess(dir, "--today", "2026-10-14");
    expect(code).toBe(0);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`)).toEqual([
      "26:5 warning doc/copy-record-incomplete The distribution record of controlled copy 1 of QP-005 A/0 (品质部) lacks the issuer (issued_by, 发放人), the holder (holder, 领用人: a copy of a Secret (机密) document is issued to a named person): add what is missing from the paper distribution and recall record (person ids of people.yaml).",
      "26:43 warning doc/effective-before-issue QP-005 A/0 took effect on 2024-01-10, but its first controlled copy was handed out on 2024-01-12: until then its users were to work to a version they did not have. If it was handed out on or before 2024-01-10, correct the date of this copy; if it reached its users only on 2024-01-12, its effective date is wrong. Issue a version on the day it takes effect, or before.",
      "27:5 warning doc/copy-record-incomplete The distribution record of controlled copy 2 of QP-005 A/0 (生产部) lacks the issuer (issued_by, 发放人): add what is missing from the paper distribution and recall record (person ids of people.yaml).",
      "28:5 warning doc/copy-record-incomplete The distribution record of controlled copy 3 of QP-005 A/0 (市场部) lacks the issuer (issued_by, 发放人), the holder (holder, 领用人: a copy of a Secret (机密) document is issued to a named person): add what is missing from the paper distribution and recall record (person ids of people.yaml).",
      // 品质部 and 生产部 gave their copies of A/1 back (left off on purpose); 市场部 never had one.
      "28:5 warning doc/no-copy-in-force QP-005 A/1 is in force since 2026-10-12, and 市场部 held a controlled copy of A/0 but holds none of A/1: hand it out with 'csr distribute QP-005 --to MKT'.",
      "29:5 warning doc/copy-record-incomplete The distribution record of controlled copy 4 of QP-005 A/1 (生产部) lacks who handed it back (returned_by, 交回人), who took it back (received_by, 回收人): add what is missing from the paper distribution and recall record (person ids of people.yaml).",
    ]);
    const zhFindings = await csrInProcess(["-C", dir, "check", "--today", "2026-10-14"], { lang: null });
    expect(zhFindings.stdout).toContain(
      "documents/QP-005.yaml:29:5 warning doc/copy-record-incomplete QP-005 A/1 的受控副本 4（生产部）的发放/回收记录缺少交回人（returned_by）、回收人（received_by）：请按纸质的文件发放/回收记录补上（写 people.yaml 中的人员 id）。\n",
    );
  });
});

describe("csr distribute and csr recall, as auditor17 read them back (F8, F9, F11, F13) and the register of one document (tester16 F14)", () => {
  it("repeats the options given in the commands its refusals suggest (F8)", async () => {
    const dir = repo();
    expect(await zh(dir, "distribute", "QP-005", "--to", "QA", "PRD", "--holder", "zhang", "--issued-by", "chen", "--date", "2026-10-14", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 张伟（zhang）是品质部的人员，不能领用发给生产部的副本：领用人只领用本部门（或在 qms.yaml 中作为代理人服务的部门）的受控副本。\n提示：请在每个部门后写明其领用人：'csr distribute QP-005 --to QA:zhang PRD:<生产部的人员> --issued-by chen --date 2026-10-14'。\n",
    });
    expect((await csrInProcess(["-C", dir, "distribute", "QP-005", "--to", "PRD", "--holder", "zhang", "--copies", "2", "--date", "2026-10-14", "-y"])).stderr).toBe(
      "csr: 张伟 (zhang) belongs to 品质部, not to the receiving department (生产部): a controlled copy is held by a person of the department it is issued to.\nhint: Name a holder of the receiving department, or issue the copy to 品质部: 'csr distribute QP-005 --to QA --holder zhang --copies 2 --date 2026-10-14'.\n",
    );
  });

  it("says which copies were issued without a 领用人 and how to record one (F9)", async () => {
    const dir = repo();
    expect((await zh(dir, "distribute", "QP-005", "--to", "QA", "PRD", "--date", "2026-10-14", "-y")).stdout).toBe(
      "QP-005 A/1：于 2026-10-14 发放受控副本 2 份：\n  受控号 4  品质部\n  受控号 5  生产部\n发放人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n受控号 4、5 未登记领用人（未给出 --holder）：领用人签收后，用 'csr distribute QP-005 --copy 4 --holder <品质部的人员>'、'csr distribute QP-005 --copy 5 --holder <生产部的人员>' 登记；以后发放时在部门后写明领用人：--to QA:<人员> PRD:<人员>（只发一个部门时也可用 --holder <人员>）。\n尚待回收：受控号 1（A/0，品质部）、受控号 2（A/0，生产部）、受控号 3（A/0，市场部）；回收后用 'csr recall QP-005' 登记。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect((await csrInProcess(["-C", dir, "distribute", "QP-005", "--to", "MKT", "--date", "2026-10-14", "-y"])).stdout.split("\n")[3]).toBe(
      "No holder (领用人) recorded for copy 6 (no --holder given): once someone has signed for it, record them with 'csr distribute QP-005 --copy 6 --holder <a person of 市场部>'; next time name each holder after the department as you hand copies out: --to MKT:<person> (or --holder <person> for one department).",
    );
    // Named, nothing is said.
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--holder", "zhao", "--date", "2026-10-14", "-y")).stdout).not.toContain("未登记领用人");
  });

  it("has a copy of a 秘密 document issued by a document controller only (F11)", async () => {
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": procedure.replace("department: QA\n", "department: QA\nclassification: 秘密\n"), "people.yaml": people });
    const before = copies(dir);
    expect(await zh(dir, "distribute", "QP-005", "--to", "PRD", "--holder", "zhao", "--issued-by", "wang", "--date", "2026-10-14", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-005 的密级为秘密，属于国家秘密：其受控副本由文控人员发放，王强（wang）不是文控人员（people.yaml 中的角色 document-controller）。\n提示：请由文控人员发放，用 --issued-by 给出：陈静（chen）；如此人确任文控，先用 'csr person update wang --roles …,document-controller' 添加该角色。\n",
    });
    expect(copies(dir)).toBe(before);
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--holder", "zhao", "--date", "2026-10-14", "-y")).stdout).toContain("\n发放人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。\n");
    // With no document controller at all, the issue is refused rather than recorded without a 发放人.
    const none = threeDepartmentRepo({ "documents/QP-005.yaml": procedure.replace("department: QA\n", "department: QA\nclassification: 机密\n") });
    expect(await csrInProcess(["-C", none, "distribute", "QP-005", "--to", "PRD", "--holder", "zhao", "--date", "2026-10-14", "-y"])).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: QP-005 is classified Secret (机密), a state secret: its controlled copies are issued by a document controller, and people.yaml has none at work that day (role document-controller).\nhint: First give a person the role with 'csr person update <id> --roles …,document-controller', then have them issue the copies (--issued-by).\n",
    });
  });

  it("warns when a recall leaves a department without a copy of the version in force before its successor takes effect (F13)", async () => {
    // A/2 takes effect on 2026-11-25; copy 4 of A/1 at 品质部, copy 6 of A/1 at 市场部.
    const dir = threeDepartmentRepo({ "documents/QP-005.yaml": `${pendingTrainingProcedure()}  - {copy: 6, version: A/1, to: MKT, issued_by: chen, date: 2026-10-14}\n`, "people.yaml": people });
    const first = await zh(dir, "recall", "QP-005", "--copy", "4", "--by", "zhang", "--date", "2026-11-20", "-y");
    expect([first.code, first.stderr]).toEqual([0, "csr: 警告：品质部已没有 QP-005 A/1 的受控副本，而替代它的 A/2 版 2026-11-25 才实施：在此之前品质部没有现行有效的版本。\n"]);
    const last = await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "6", "--by", "li", "--date", "2026-11-20", "-y"]);
    expect([last.code, last.stderr]).toEqual([
      0,
      "csr: warning: every controlled copy of QP-005 A/1 still out has been recalled, but A/2, which replaces it, is in force only from 2026-11-25: until then the places of use have no valid edition.\n",
    ]);
  });

  it("lists the distribution and recall record of one document with --document, in every format (tester16 F14)", async () => {
    const dir = threeDepartmentRepo({
      "documents/QP-005.yaml": procedure,
      "documents/QP-006.yaml": procedure.replace("id: QP-005", "id: QP-006").replace("title: 培训程序", "title: 文件控制程序"),
      "people.yaml": people,
    });
    const md = await zh(dir, "list", "distribution", "--document", "QP-006", "--format", "md", "--today", "2026-10-14");
    expect(md.stdout.split("\n")[0]).toBe("## 文件发放/回收记录（文件：QP-006；共 3 份）");
    expect(mdRows(md.stdout).slice(2).map((r) => r.split(" | ").slice(1, 5).join(" "))).toEqual(["QP-006 文件控制程序 A/0 1", "QP-006 文件控制程序 A/0 2", "QP-006 文件控制程序 A/0 3"]);
    expect(md.stdout).toContain("本表按条件筛选（文件：QP-006），不是完整的文件发放/回收记录。");
    const json = JSON.parse((await csrInProcess(["-C", dir, "list", "distribution", "--document", "QP-005", "--format", "json", "--today", "2026-10-14"])).stdout);
    expect([json.title, json.rows.map((r: { number: string; copy: number }) => `${r.number} ${r.copy}`)]).toEqual(["Distribution and recall register (document QP-005; 3 copies)", ["QP-005 1", "QP-005 2", "QP-005 3"]]);
    const csv = await zh(dir, "list", "distribution", "--document", "QP-005", "--format", "csv", "--today", "2026-10-14");
    expect(csv.stdout.split("\r\n").slice(1, -1).map((r) => r.split(",").slice(1, 2).join())).toEqual(["QP-005", "QP-005", "QP-005"]);
    expect(csv.stderr).toContain("（文件：QP-005）");
    const text = await zh(dir, "list", "distribution", "--document", "QP-005", "--department", "PRD", "--today", "2026-10-14");
    expect(text.stdout.split("\n")[0]).toBe("文件发放/回收记录（文件：QP-005；发放部门：生产部；共 1 份）");
    const out = join(dir, "out/");
    expect((await zh(dir, "list", "distribution", "--document", "QP-005", "--format", "xlsx", "--out", out, "--today", "2026-10-14")).code).toBe(0);
    expect(readFileSync(join(out, "distribution-QP-005.xlsx")).subarray(0, 2).toString()).toBe("PK");
    expect(await zh(dir, "list", "documents", "--document", "QP-005")).toEqual({ code: 2, stdout: "", stderr: "csr: --document 只用于 csr list distribution 和 csr list training，不用于 'csr list documents'。\n" });
    expect((await zh(dir, "list", "distribution", "--document", "QP-0066")).stderr).toBe("csr: 仓库中没有文件 'QP-0066'。是否应为 'QP-006'？\n");
    // The number after the register's name is the same filter; another list takes none.
    expect(await zh(dir, "list", "distribution", "QP-005", "--department", "PRD", "--today", "2026-10-14")).toEqual(text);
    expect(await zh(dir, "list", "procedures", "QP-005")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 'csr list procedures' 不接受编号 'QP-005'：只有 csr list distribution 后可跟文件编号（列出其发放/回收记录），csr list management-review 后可跟管理评审编号（列出该次评审期间的输入）。\n提示：一份文件的全部信息：'csr show QP-005'；其发放/回收记录：'csr list distribution QP-005'。\n",
    });
    expect(await zh(dir, "list", "distribution", "QP-005", "--document", "QP-006")).toEqual({ code: 2, stdout: "", stderr: "csr: 给出了两份文件：'QP-005' 和 --document 'QP-006'；请只给一份。\n" });
  });
});

describe("csr distribute to several departments, each with its holder (tester20 F12)", () => {
  it("takes --to 部门:领用人, each holder checked as --holder is, and refuses --holder beside it and an empty holder", async () => {
    const dir = repo();
    const issued = await zh(dir, "distribute", "QP-005", "--to", "QA:张伟", "PRD：zhao", "MKT", "--date", "2026-10-14", "-y");
    expect(issued.stdout.split("\n").slice(0, 5)).toEqual([
      "QP-005 A/1：于 2026-10-14 发放受控副本 3 份：",
      "  受控号 4  品质部，领用人：张伟（zhang）",
      "  受控号 5  生产部，领用人：赵磊（zhao）",
      "  受控号 6  市场部",
      "发放人：陈静（chen），即 people.yaml 中唯一的文控人员（未给出 --issued-by）。",
    ]);
    expect((copies(dir) ?? "").split("\n").slice(3, 6)).toEqual([
      "  - {copy: 4, version: A/1, to: QA, holder: zhang, issued_by: chen, date: 2026-10-14}",
      "  - {copy: 5, version: A/1, to: PRD, holder: zhao, issued_by: chen, date: 2026-10-14}",
      "  - {copy: 6, version: A/1, to: MKT, issued_by: chen, date: 2026-10-14}",
    ]);
    const before = copies(dir);
    const refused = async (...to: string[]) => {
      const result = await zh(dir, "distribute", "QP-005", "--to", ...to, "--date", "2026-10-14", "-y");
      return [result.code, result.stderr];
    };
    expect(await refused("QA:zhang", "PRD:zhang")).toEqual([
      2,
      "csr: 张伟（zhang）是品质部的人员，不在接收部门（生产部）：受控副本由接收部门的人员领用。\n提示：请指定接收部门的领用人，或发放给品质部：'csr distribute QP-005 --to QA:zhang --date 2026-10-14'。\n",
    ]);
    expect(await refused("QA:张为")).toEqual([2, "csr: --to 张为：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。是否应为 'zhang'（张伟）？\n"]);
    expect(await refused("QA:zhang", "PRD", "--holder", "zhao")).toEqual([2, "csr: --holder 与 --to 中“部门:领用人”的写法不能同时使用：请在每个部门后写明其领用人，如 --to QA:zhangli PRD:huangjun。\n"]);
    expect(await refused("QA:")).toEqual([2, "csr: --to 'QA:' 的冒号后没有领用人：请写作 部门:领用人，如 QA:zhangli，或只写部门。\n"]);
    expect(copies(dir)).toBe(before);
  });

  it("commits with --commit the copies handed out and the holders recorded by earlier runs without it, naming them, and nothing else", async () => {
    const dir = repo();
    await zh(dir, "distribute", "QP-005", "--to", "QA", "--holder", "zhang", "--date", "2026-10-14", "-y");
    await zh(dir, "distribute", "QP-005", "--to", "PRD", "--date", "2026-10-14", "-y");
    await zh(dir, "distribute", "QP-005", "--copy", "5", "--holder", "zhao", "-y");
    const last = await zh(dir, "distribute", "QP-005", "--to", "MKT:li", "--date", "2026-10-14", "-y", "--commit");
    expect([last.code, last.stderr]).toEqual([0, ""]);
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("csr distribute QP-005 A/1：受控号 6；连同此前未提交的发放步骤：受控号 4、5\n");
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    // A holder recorded later, and then a hand edit elsewhere in the file, which --commit leaves to the user.
    await zh(dir, "distribute", "QP-005", "--copy", "4", "--holder", "wang", "--amend", "-y");
    const holder = await csrInProcess(["-C", dir, "distribute", "QP-005", "--to", "QA", "--date", "2026-10-15", "-y", "--commit"]);
    expect(holder.stdout.split("\n").at(-2)).toMatch(/^Committed [0-9a-f]{7}: csr distribute QP-005 A\/1: copies 7; with the distribution steps not committed before: the records of copies 4$/);
    const path = join(dir, "documents/QP-005.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("title: 培训程序", "title: 培训管理程序"));
    await zh(dir, "distribute", "QP-005", "--to", "QA", "--date", "2026-10-15", "-y");
    expect((await zh(dir, "distribute", "QP-005", "--to", "PRD", "--date", "2026-10-15", "-y", "--commit")).stderr).toBe(
      "csr: documents/QP-005.yaml 有尚未提交的更改，--commit 会把它们一并提交。\n提示：请先提交或撤销这些更改，或不加 --commit。\n",
    );
  });
});

describe("csr distribute --copy N --holder (领用人 signing after the issue)", () => {
  it("records the holder of a copy already handed out, refuses an unknown person, one of another unit, a copy taken back and a second holder without --amend (tester19 F6)", async () => {
    const dir = repo();
    const issued = await zh(dir, "distribute", "QP-005", "--to", "QA", "MKT", "--date", "2026-10-14", "-y");
    expect(issued.stdout.split("\n").at(-4)).toBe(
      "受控号 4、5 未登记领用人（未给出 --holder）：领用人签收后，用 'csr distribute QP-005 --copy 4 --holder <品质部的人员>'、'csr distribute QP-005 --copy 5 --holder <市场部的人员>' 登记；以后发放时在部门后写明领用人：--to QA:<人员> MKT:<人员>（只发一个部门时也可用 --holder <人员>）。",
    );
    expect(await zh(dir, "distribute", "QP-005", "--copy", "4", "--holder", "zhang", "-y")).toEqual({ code: 0, stdout: "QP-005：已登记受控号 4（A/1，品质部）的领用人：张伟（zhang）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n", stderr: "" });
    // Where csr distribute --holder would have put it.
    expect(copies(dir)).toContain("  - {copy: 4, version: A/1, to: QA, holder: zhang, issued_by: chen, date: 2026-10-14}\n");
    expect(await zh(dir, "distribute", "QP-005", "--copy", "5", "--holder", "李那", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --holder 李那：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。是否应为 'li'（李娜）？\n",
    });
    expect(await zh(dir, "distribute", "QP-005", "--copy", "5", "--holder", "zhao", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 赵磊（zhao）是生产部的人员，而 QP-005 的受控号 5 发放给市场部：领用人是接收单位的人员（或在 qms.yaml 中作为代理人服务于它）。\n提示：请指定市场部的领用人。\n",
    });
    expect(await zh(dir, "distribute", "QP-005", "--copy", "4", "--holder", "wang", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-005 已登记领用人：受控号 4 为张伟（zhang）。\n提示：如登记有误，加 --amend 更正领用人。\n",
    });
    expect((await zh(dir, "distribute", "QP-005", "--copy", "4", "--holder", "wang", "--amend", "-y")).stdout).toBe(
      "QP-005：已登记受控号 4（A/1，品质部）的领用人：王强（wang）。\n原登记“受控号 4 为张伟（zhang）”已更正；git 保留原文件。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect((await csrInProcess(["-C", dir, "distribute", "QP-005", "--copy", "4", "--holder", "wang", "-y"])).stdout).toBe("QP-005: 王强 (wang) is the holder of copy 4 (A/1, 品质部) already; nothing changed.\n");
    git(dir, ["commit", "-qam", "受控号 4、5"]);
    const signed = await zh(dir, "distribute", "QP-005", "--copy", "5", "--holder", "李娜", "-y", "--commit");
    expect(signed.stderr).toBe("");
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("csr distribute QP-005：受控号 5 领用人 li\n");
    await zh(dir, "recall", "QP-005", "--copy", "1", "--by", "zhang", "--date", "2026-10-15", "-y");
    expect(await zh(dir, "distribute", "QP-005", "--copy", "1", "--holder", "zhang", "-y")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-005 的受控副本 1 已于 2026-10-15 回收。\n提示：领用人和使用场所只为在外的副本登记；应在该副本交回之前登记。\n",
    });
    expect((await zh(dir, "distribute", "QP-005", "--copy", "5", "--holder", "li", "--date", "2026-10-16", "-y")).stderr).toBe(
      "csr: csr distribute --copy 为已发放的受控副本登记领用人或使用场所，不能与 --date 同用。\n提示：登记领用人：csr distribute QP-005 --copy <受控号> --holder <人员>；登记或更改使用场所：csr distribute QP-005 --copy <受控号> --location <场所>；发放新副本时不要用 --copy。\n",
    );
    expect((await zh(dir, "distribute", "QP-005", "--to", "QA", "--amend", "-y")).stderr).toBe("csr: --amend 只用于更正已发放副本的领用人，须与 --copy 和 --holder 同用。\n");
    const register = mdRows((await zh(dir, "list", "distribution", "--format", "md", "--today", "2026-10-16")).stdout).filter((r) => / A\/1 /.test(r));
    expect(register).toEqual([
      "| 4 | QP-005 | 培训程序 | A/1 | 4 | 品质部 | 王强 | 陈静 | 2026-10-14 |  |  |  |  | 在用 |  |",
      "| 5 | QP-005 | 培训程序 | A/1 | 5 | 市场部 | 李娜 | 陈静 | 2026-10-14 |  |  |  |  | 在用 |  |",
    ]);
  });
});

describe("copy numbers kept from the paper register (发放号 004 is copy 4; tester76 M1)", () => {
  it("--copy with --to numbers the copies handed out now; a number in use is refused; later copies number on from the highest", async () => {
    const dir = repo();
    const kept = await zh(dir, "distribute", "QP-005", "--to", "PRD", "QA", "--copy", "007", "9", "--date", "2026-10-14", "-y");
    expect(kept.stderr).toBe("");
    expect(kept.stdout.split("\n").slice(0, 3)).toEqual(["QP-005 A/1：于 2026-10-14 发放受控副本 2 份：", "  受控号 7  生产部", "  受控号 9  品质部"]);
    const used = await zh(dir, "distribute", "QP-005", "--to", "MKT", "--copy", "3", "--date", "2026-10-15", "-y");
    expect(used.stderr).toBe("csr: QP-005 的受控号 3 已在使用（A/0 版，2024-01-12 发给 市场部）：受控号在一份文件内不重复；请换一个号，或不写 --copy，由 csr 接着编号（下一个为 10）；为已发放的副本登记领用人或使用场所时不写 --to。\n");
    expect(used.code).toBe(2);
    const count = await zh(dir, "distribute", "QP-005", "--to", "MKT", "--copies", "2", "--copy", "11", "--date", "2026-10-15", "-y");
    expect(count.stderr).toBe("csr: --copy 给出 1 个受控号，而本次发放 2 份：与 --to 同用时，按 --to 的顺序为每一份写一个受控号。\n");
    expect((await zh(dir, "distribute", "QP-005", "--to", "MKT", "--copy", "0", "-y")).stderr).toBe("csr: --copy '0' 不是受控号：受控号是正整数（发放号 004 即受控号 4）。\n");
    expect((await zh(dir, "distribute", "QP-005", "--to", "MKT", "--date", "2026-10-15", "-y")).stdout).toContain("  受控号 10  市场部");
    expect(copies(dir)!.split("\n").slice(3)).toEqual([
      "  - {copy: 7, version: A/1, to: PRD, issued_by: chen, date: 2026-10-14}",
      "  - {copy: 9, version: A/1, to: QA, issued_by: chen, date: 2026-10-14}",
      "  - {copy: 10, version: A/1, to: MKT, issued_by: chen, date: 2026-10-15}",
      "",
    ]);
  });
});
