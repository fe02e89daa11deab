/**
 * A customer's source document is a controlled document of external origin (IATF 16949 7.5.3.2.2, GJB 9001C 7.5.3;
 * tester66 N1): csr distribute <source> --to … records the controlled copies of its latest revision (or, with
 * --old-version, of an earlier one) in its `distribution` in the customer's file; once a newer revision is received
 * the copies of the one it replaced are due back, listed on the 文件发放/回收记录, reported by doc/recall-overdue past
 * the recall period, counted by the dashboard, and taken back with csr recall <source>. csr in the test's process (and one csr recall on the built binary) on a small
 * repository in a real temporary git repository.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csr, csrInProcess, tempDir } from "../helpers.js";
import { threeDepartmentRepo } from "./three-departments.js";

/** DYA's supplier quality manual: C received in March, replaced by D received on 2026-11-02. */
const customer = "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions:\n      - {revision: C, received: 2026-03-10, status: superseded}\n      - {revision: D, received: 2026-11-02, supersedes: C}\n";
const repo = () => threeDepartmentRepo({ "customers/DYA.yaml": customer });
const run = async (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
const read = (dir: string) => readFileSync(join(dir, "customers", "DYA.yaml"), "utf8");
const lines = (text: string) => text.split("\n");

/** Copies 1, 2 of C handed out in March (before csr recorded them), copies 3, 4 of D on 2026-11-03, committed. */
async function handedOut(): Promise<string> {
  const dir = repo();
  const old = await run(dir, "distribute", "DYA-SQM", "--old-version", "C", "--to", "QA", "PRD:zhao", "--date", "2026-03-12", "-y");
  expect([old.code, lines(old.stdout).slice(0, 3)]).toEqual([0, ["DYA-SQM C：于 2026-03-12 发放受控副本 2 份：", "  受控号 1  品质部", "  受控号 2  生产部，领用人：赵磊（zhao）"]]);
  const latest = await run(dir, "distribute", "DYA-SQM", "--to", "QA:zhang", "PRD:zhao", "--date", "2026-11-03", "-y", "--commit");
  expect(latest.stderr).toBe("");
  expect(lines(latest.stdout)[0]).toBe("DYA-SQM D：于 2026-11-03 发放受控副本 2 份：");
  expect(latest.stdout).toContain("尚待回收：受控号 1（C，品质部）、受控号 2（C，生产部）；回收后用 'csr recall DYA-SQM' 登记。\n");
  expect(latest.stdout).toMatch(/已提交 [0-9a-f]{7}：csr distribute DYA-SQM D：受控号 3、4；连同此前未提交的发放步骤：受控号 1、2\n$/);
  return dir;
}

describe("controlled copies of a customer's source document", () => {
  it("are recorded in the customer's file, the latest revision by default", async () => {
    const dir = await handedOut();
    expect(read(dir)).toBe(
      customer +
        [
          "    distribution:",
          "      - {copy: 1, version: C, to: QA, date: 2026-03-12}",
          "      - {copy: 2, version: C, to: PRD, holder: zhao, date: 2026-03-12}",
          "      - {copy: 3, version: D, to: QA, holder: zhang, date: 2026-11-03}",
          "      - {copy: 4, version: D, to: PRD, holder: zhao, date: 2026-11-03}",
          "",
        ].join("\n"),
    );
  });

  it("of a superseded revision are on the register to recall, reported once overdue, and taken back with csr recall", async () => {
    const dir = await handedOut();
    const register = lines((await run(dir, "list", "distribution", "--today", "2026-11-20")).stdout);
    expect(register[0]).toBe("文件发放/回收记录（共 4 份）");
    expect(register.slice(4, 8).map((l) => l.replace(/\s+/g, " ").trim())).toEqual([
      "1 DYA-SQM 供应商质量手册 C 1 品质部 2026-03-12 2026-11-09 回收逾期",
      "2 DYA-SQM 供应商质量手册 C 2 生产部 赵磊 2026-03-12 2026-11-09 回收逾期",
      "3 DYA-SQM 供应商质量手册 D 3 品质部 张伟 2026-11-03 在用",
      "4 DYA-SQM 供应商质量手册 D 4 生产部 赵磊 2026-11-03 在用",
    ]);
    expect(register).toContain("待回收 2 份，其中 2 份已过应回收日期（所发版本停止现行后 5 个工作日内回收）。");
    const overdue = (await checkJsonInProcess(dir, "--today", "2026-11-20")).findings.filter((f) => f.rule === "doc/recall-overdue");
    expect(overdue.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`)).toEqual(["customers/DYA.yaml:11:9 error", "customers/DYA.yaml:12:9 error"]);
    expect(overdue[0]!.message).toBe("Controlled copy 1 of DYA-SQM C (品质部) is still out: C was replaced on 2026-11-02, and copies were due back by 2026-11-09 (5 working days). Take it back and record it with 'csr recall DYA-SQM --copy 1'.");

    const first = await run(dir, "recall", "DYA-SQM", "--copy", "1", "--by", "zhang", "--date", "2026-11-06", "-y");
    expect([first.code, lines(first.stdout)[0]]).toEqual([0, "DYA-SQM：于 2026-11-06 回收 1 份：受控号 1（C，品质部）。交回人：张伟（zhang）。"]);
    expect(first.stdout).toContain("尚待回收：受控号 2（C，生产部）。\n");
    const second = csr(["-C", dir, "recall", "DYA-SQM", "--copy", "2", "--by", "zhao", "--date", "2026-11-20", "-y", "--lang", "en"]);
    expect(lines(second.stdout)).toContain("Note: 2 (C, 生产部): due back by 2026-11-09, returned 9 working days late (the distribution register's remarks say so).");
    expect(second.stdout).toContain("No copy is due back any more.\n");
    expect(read(dir)).toContain("      - {copy: 2, version: C, to: PRD, holder: zhao, date: 2026-03-12, recalled: 2026-11-20, returned_by: zhao}\n");
    expect((await checkJsonInProcess(dir, "--today", "2026-11-20")).findings.filter((f) => f.rule === "doc/recall-overdue")).toEqual([]);
    const back = lines((await run(dir, "list", "distribution", "--document", "DYA-SQM", "--status", "recalled", "--today", "2026-11-20")).stdout);
    expect(back[0]).toBe("文件发放/回收记录（文件：DYA-SQM；状态：已回收；共 2 份）");
    expect(back[5]!.replace(/\s+/g, " ").trim()).toBe("2 DYA-SQM 供应商质量手册 C 2 生产部 赵磊 2026-03-12 2026-11-09 2026-11-20 赵磊 已回收 逾期 9 个工作日回收");
    const none = await run(dir, "recall", "DYA-SQM", "--date", "2026-11-21", "-y");
    expect([none.code, lines(none.stderr)[0]]).toEqual([2, "csr: DYA-SQM 没有需要回收的副本（在外的副本都是现行版本）。"]);
  });

  it("of the revision a new one replaces are named due back by csr source update, from the new one's 实施日期", async () => {
    const dir = threeDepartmentRepo({ "customers/DYA.yaml": "code: DYA\nname: 东岳汽车股份有限公司\nclass: A\nsources:\n  - id: DYA-SQM\n    title: 供应商质量手册\n    revisions:\n      - {revision: C, received: 2026-03-10}\n" });
    expect((await run(dir, "distribute", "DYA-SQM", "--to", "QA", "PRD:zhao", "--date", "2026-03-12", "-y", "--commit")).code).toBe(0);
    const updated = await run(dir, "source", "update", "DYA-SQM", "--revision", "D", "--received", "2026-11-02", "--effective", "2026-11-16", "-y");
    expect([updated.code, updated.stderr]).toEqual([0, ""]);
    expect(lines(updated.stdout)).toContain("旧版受控副本自 2026-11-16 起 5 个工作日内（2026-11-23 前）回收：受控号 1（C，品质部）、受控号 2（C，生产部）。回收后用 csr recall DYA-SQM 登记，并用 csr distribute DYA-SQM --to … 发放 D。");
    // Until D is in force the copies of C are in use, not due back.
    const early = await run(dir, "recall", "DYA-SQM", "--date", "2026-11-10", "-y");
    expect([early.code, lines(early.stderr)[0]]).toEqual([2, "csr: DYA-SQM 还没有需要回收的副本：在外的 C 版副本在 D 版 2026-11-16 实施前仍是现行版本。"]);
  });

  it("are counted on the site's dashboard and listed on the customer's page", async () => {
    const dir = await handedOut();
    const out = join(tempDir(), "site");
    expect((await run(dir, "site", "--out", out, "--today", "2026-11-20")).code).toBe(0);
    const dashboard = readFileSync(join(out, "index.html"), "utf8");
    expect(dashboard).toMatch(/href="lists\/copies-to-recall\.html"><span class="count">2<\/span> <span class="label">待回收的受控副本<\/span>/);
    expect(dashboard).toMatch(/href="lists\/doc-recall-overdue\.html"><span class="count">2<\/span>/);
    const page = readFileSync(join(out, "customers", "DYA.html"), "utf8");
    expect(page).toContain("DYA-SQM 的受控副本（4）");
    expect(page).toContain('<td class="code">2</td><td class="name">生产部</td><td class="name"><a href="../people/zhao.html">赵磊</a></td>');
  });

  it("are refused as an electronic issue, or of a revision not recorded before the latest", async () => {
    const dir = repo();
    const electronic = await run(dir, "distribute", "DYA-SQM", "--electronic", "--to", "QA", "-y");
    expect([electronic.code, electronic.stderr]).toEqual([2, "csr: DYA-SQM 是顾客 DYA 的来源文件：其受控副本按纸质发放登记（编号、领用人、回收），不登记电子版发放；去掉 --electronic。\n"]);
    const current = await run(dir, "distribute", "DYA-SQM", "--old-version", "D", "--to", "QA", "-y");
    expect([current.code, current.stderr]).toEqual([2, "csr: D 是 DYA-SQM 的现行版本：去掉 --old-version 即可发放其受控副本。\n"]);
    const early = await run(dir, "distribute", "DYA-SQM", "--to", "QA", "--date", "2026-10-30", "-y");
    expect([early.code, lines(early.stderr)[0]]).toEqual([2, "csr: --date 2026-10-30 早于 DYA-SQM D 版的接收日期（2026-11-02），而它应在其后。"]);
    const typo = await run(dir, "distribute", "DYA-SQN", "--to", "QA", "-y");
    expect([typo.code, typo.stderr]).toEqual([2, "csr: 仓库中没有文件或 CSR 'DYA-SQN'。是否应为 'DYA-SQM'？\n"]);
    expect(read(dir)).toBe(customer);
  });
});
