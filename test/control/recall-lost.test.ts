/**
 * Controlled copies that do not come back (遗失, 销毁): csr recall --lost / --destroyed records them
 * with who confirmed it and what happened, so that they are no longer due for recall without being
 * recorded as returned; the distribution register and csr render --copy say so. A small repository
 * in a real temporary git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csrInProcess, git } from "../helpers.js";
import { threeDepartmentRepo, trainingProcedure } from "./three-departments.js";

// Every copy names its 发放人, as csr distribute records it (else doc/copy-record-incomplete warns).
const procedure = trainingProcedure("{copy: 4, version: A/1, to: QA, issued_by: wang, date: 2026-10-14}").replaceAll("date: 2024-01-12}", "issued_by: wang, date: 2024-01-12}");

function repo(): string {
  return threeDepartmentRepo({ "documents/QP-005.yaml": procedure });
}

const copies = (dir: string) => readFileSync(join(dir, "documents/QP-005.yaml"), "utf8").split("distribution:\n")[1];

describe("csr recall --lost / --destroyed", () => {
  it("records a lost and a destroyed copy with who confirmed it and what happened, and a return with who handed it back", async () => {
    const dir = repo();
    const lost = await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "2", "--lost", "--by", "zhao", "--remark", "车间搬迁时遗失", "--date", "2026-10-20", "-y", "--commit"], { lang: null });
    // 生产部's copy was lost and A/1 was never handed out there.
    expect(lost.stderr).toBe("csr: 警告：生产部已没有 QP-005 的受控副本，而现行的 A/1 版尚未发给生产部：用 'csr distribute QP-005 --to PRD' 发放（csr check 报告 doc/no-copy-in-force）。\n");
    expect(lost.stdout).toMatch(
      /^QP-005：受控号 2（A\/0，生产部）于 2026-10-20 登记为遗失（确认人：赵磊（zhao）；车间搬迁时遗失），不再待回收。\n尚待回收：受控号 1（A\/0，品质部）、受控号 3（A\/0，市场部）。\n已提交 [0-9a-f]{7}：csr recall QP-005：受控号 2 遗失\n$/,
    );
    const destroyed = await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "3", "--destroyed", "--by", "li", "--remark", "水浸损毁，就地销毁", "--date", "2026-10-21", "-y"], { lang: null });
    expect(destroyed.stdout).toBe("QP-005：受控号 3（A/0，市场部）于 2026-10-21 登记为已销毁（确认人：李娜（li）；水浸损毁，就地销毁），不再待回收。\n尚待回收：受控号 1（A/0，品质部）。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    const back = await csrInProcess(["-C", dir, "recall", "QP-005", "--by", "zhang", "--received-by", "wang", "--date", "2026-10-22", "-y"], { lang: null });
    expect(back.stdout).toBe("QP-005：于 2026-10-22 回收 1 份：受控号 1（A/0，品质部）。交回人：张伟（zhang）。回收人：王强（wang）。\n注意：受控号 1（A/0，品质部）应于 2026-10-19 前回收，此次回收逾期 3 个工作日（文件发放/回收记录的备注写明）。\n已没有需要回收的副本。\n已写入 documents/QP-005.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n");
    expect(copies(dir)).toBe(
      [
        "  - {copy: 1, version: A/0, to: QA, issued_by: wang, date: 2024-01-12, recalled: 2026-10-22, returned_by: zhang, received_by: wang}",
        "  - {copy: 2, version: A/0, to: PRD, holder: zhao, issued_by: wang, date: 2024-01-12, lost: {date: 2026-10-20, by: zhao, remark: 车间搬迁时遗失}}",
        "  - {copy: 3, version: A/0, to: MKT, issued_by: wang, date: 2024-01-12, destroyed: {date: 2026-10-21, by: li, remark: 水浸损毁，就地销毁}}",
        "  - {copy: 4, version: A/1, to: QA, issued_by: wang, date: 2026-10-14}",
        "",
      ].join("\n"),
    );
    expect(git(dir, ["log", "-1", "--format=%s"])).toBe("csr recall QP-005：受控号 2 遗失\n");

    const register = await csrInProcess(["-C", dir, "list", "distribution", "--format", "md", "--today", "2026-11-27"], { lang: null });
    expect(register.stdout.split("\n").filter((l) => l.startsWith("| "))).toEqual([
      "| 序号 | 文件编号 | 文件名称 | 版本/版次 | 受控号 | 发放部门 | 领用人 | 发放人 | 发放日期 | 应回收日期 | 回收日期 | 交回人 | 回收人 | 状态 | 备注 |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 1 | QP-005 | 培训程序 | A/0 | 1 | 品质部 |  | 王强 | 2024-01-12 | 2026-10-19 | 2026-10-22 | 张伟 | 王强 | 已回收 | 逾期 3 个工作日回收 |",
      "| 2 | QP-005 | 培训程序 | A/0 | 2 | 生产部 | 赵磊 | 王强 | 2024-01-12 | 2026-10-19 |  |  |  | 遗失 | 2026-10-20 遗失，赵磊确认：车间搬迁时遗失 |",
      "| 3 | QP-005 | 培训程序 | A/0 | 3 | 市场部 |  | 王强 | 2024-01-12 | 2026-10-19 |  |  |  | 已销毁 | 2026-10-21 销毁，李娜确认：水浸损毁，就地销毁 |",
      "| 4 | QP-005 | 培训程序 | A/1 | 4 | 品质部 |  | 王强 | 2026-10-14 |  |  |  |  | 在用 |  |",
    ]);
    // Nothing is due back any more; 生产部 and 市场部, whose copies were lost and destroyed, still need one of A/1.
    const check = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27"], { lang: null });
    expect(check.code).toBe(0);
    // The copies of A/0 and A/1 were issued two days after each took effect (this story's dates): doc/effective-before-issue says so.
    expect(check.stdout.split("\n").filter((l) => / (error|warning) /.test(l))).toEqual([
      "documents/QP-005.yaml:25:60 warning doc/effective-before-issue QP-005 A/0 于 2024-01-10 生效，但首份受控副本到 2024-01-12 才发放：在此之前使用部门须执行一个尚未拿到的版本。如果副本在 2024-01-10 或之前已发放，请更正这条发放记录的日期；如果直到 2024-01-12 才发到使用部门，则生效日期有误。版本应在生效当日或之前发放。",
      "documents/QP-005.yaml:26:5 warning doc/no-copy-in-force QP-005 A/1 自 2026-10-12 起现行，生产部、市场部此前持有 A/0 版的受控副本，现在没有 A/1 版的：用 'csr distribute QP-005 --to PRD MKT' 发放。",
      "documents/QP-005.yaml:28:60 warning doc/effective-before-issue QP-005 A/1 于 2026-10-12 生效，但首份受控副本到 2026-10-14 才发放：在此之前使用部门须执行一个尚未拿到的版本。如果副本在 2026-10-12 或之前已发放，请更正这条发放记录的日期；如果直到 2026-10-14 才发到使用部门，则生效日期有误。版本应在生效当日或之前发放。",
    ]);
  });

  it("clears doc/recall-overdue for a lost copy without recording it as returned", async () => {
    const dir = repo();
    const before = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"]);
    expect(JSON.parse(before.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(["doc/recall-overdue", "doc/effective-before-issue", "doc/no-copy-in-force", "doc/recall-overdue", "doc/recall-overdue", "doc/effective-before-issue"]);
    await csrInProcess(["-C", dir, "recall", "QP-005", "--copy", "1", "2", "3", "--lost", "--by", "zhang", "--remark", "搬迁遗失", "--date", "2026-10-20", "-y"]);
    const after = await csrInProcess(["-C", dir, "check", "--today", "2026-11-27", "--format", "json"]);
    // 生产部 and 市场部 still need a copy of A/1 in place of the lost ones; the late first issues stay on record.
    expect(JSON.parse(after.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(["doc/effective-before-issue", "doc/no-copy-in-force", "doc/effective-before-issue"]);
    expect(copies(dir)).not.toContain("recalled");
  });

  it("refuses a loss without its copy, confirmer or remark, both kinds at once, a remark alone, and a copy already lost", async () => {
    const dir = repo();
    const run = async (...args: string[]) => (await csrInProcess(["-C", dir, "recall", "QP-005", ...args, "-y"])).stderr;
    expect(await run("--lost", "--by", "zhao", "--remark", "遗失", "--date", "2026-10-20")).toBe(
      "csr: --copy is required (or run in a terminal to be asked for the numbers of the copies lost, destroyed or retained).\n",
    );
    expect(await run("--copy", "2", "--lost", "--remark", "遗失", "--date", "2026-10-20")).toBe("csr: --by is required (or run in a terminal to be asked for who confirmed it).\n");
    expect(await run("--copy", "2", "--lost", "--by", "zhao", "--date", "2026-10-20")).toBe("csr: --remark is required (or run in a terminal to be asked for what happened).\n");
    expect(await run("--copy", "2", "--lost", "--destroyed", "--by", "zhao", "--remark", "x")).toBe("csr: Give one of --lost, --destroyed and --retained: a copy is either lost, destroyed or kept stamped obsolete.\n");
    expect(await run("--copy", "2", "--remark", "x")).toBe("csr: --remark goes with --lost, --destroyed or --retained: it says what happened to the copy, or why it is kept.\n");
    expect(await run("--copy", "2", "--lost", "--by", "zhao", "--remark", "遗失", "--date", "2024-01-11")).toBe(
      "csr: --date 2024-01-11 is before the handing out of controlled copy 2 of A/0 of QP-005 (2024-01-12), which it must follow.\n",
    );
    await run("--copy", "2", "--lost", "--by", "zhao", "--remark", "遗失", "--date", "2026-10-20");
    expect(await run("--copy", "2", "--date", "2026-10-21")).toBe("csr: Controlled copy 2 of QP-005 was recorded lost on 2026-10-20.\n");
    expect((await csrInProcess(["-C", dir, "render", "QP-005", "--copy", "2"])).stderr).toMatch(/recorded lost on 2026-10-20/);
  });
});
