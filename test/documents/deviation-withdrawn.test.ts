/**
 * A withdrawn temporary deviation keeps its evidence (IATF 16949 8.5.6.1.1: a time-limited change, and the
 * return to the standard process verified; tester63 N4): the obsolete document list gives its period,
 * how it ended and what it deviated from, so do its print and its site page, the page of the standard
 * work instruction lists it among its past deviations, and `csr changes --document` of the standard
 * work instruction lists the deviation's rows with its own.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, committedFixture, copyRepository, csr, csrInProcess, git, tempDir } from "../helpers.js";

const DEVIATION = "documents/instructions/WI-010-03.yaml";

/** acme-auto with WI-010-03, a deviation from WI-010-01 released 2026-11-03 until 2026-11-30 and withdrawn early on 2026-11-20, each step by its command. */
const withdrawnDeviation = builtOnce(() => {
  const dir = committedFixture("examples/acme-auto");
  const run = (...args: string[]) => {
    const result = csr(["-C", dir, ...args], { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(`csr ${args.join(" ")}: ${result.stderr}`);
  };
  run("new", "instruction", "--title", "扣压外径全检临时作业", "--department", "PRD", "--deviates-from", "WI-010-01", "-y", "--commit");
  const file = join(dir, DEVIATION);
  writeFileSync(file, readFileSync(file, "utf8").replace(/( {4}title_en: [A-Za-z ]+\n)/g, "$1    text: 无。\n"));
  git(dir, ["commit", "-qam", "正文"]);
  run("release", "WI-010-03", "--summary", "围堵全检", "--reason", "8D-2026-012", "--prepared", "gaoyang", "--reviewed", "huangjun", "--approved", "zhangli", "--date", "2026-11-03", "--until", "2026-11-30", "-y");
  run("obsolete", "WI-010-03", "--date", "2026-11-20", "--reason", "永久措施已实施，恢复标准过程", "-y");
  return dir;
});

describe("a withdrawn temporary deviation (tester63 N4)", () => {
  it("the obsolete document list gives its period, how it ended and the document it deviated from, in a column of its own", async () => {
    const dir = await withdrawnDeviation();
    const list = await csrInProcess(["-C", dir, "list", "obsolete", "--today", "2026-12-05"], { lang: "zh-CN" });
    expect(list.stdout.split("\n").slice(2, 6)).toEqual([
      "序号  层级  文件编号   文件名称              部门    最后版本  作废日期    作废原因                                                                替代文件                    临时/偏离                                                                待回收受控号",
      "----  ----  ---------  --------------------  ------  --------  ----------  ----------------------------------------------------------------------  --------------------------  -----------------------------------------------------------------------  ------------",
      "1     四级  HH-F-013   阶段评审记录          技术部  A/1       2025-05-12  APQP程序A/1修订，阶段评审改用QR-007-02；已填写的记录继续按保存期限保存  QR-007-02 APQP阶段评审记录",
      "2     三级  WI-010-03  扣压外径全检临时作业  生产部  A/0       2026-11-20  永久措施已实施，恢复标准过程                                                                        临时，2026-11-03 至 2026-11-30，2026-11-20 提前撤销；偏离 WI-010-01 A/1",
    ]);
    const en = JSON.parse((await csrInProcess(["-C", dir, "list", "obsolete", "--format", "json", "--today", "2026-12-05"], { lang: "en" })).stdout) as { rows: Record<string, unknown>[] };
    expect(en.rows.map((r) => r.temporary)).toEqual(["", "temporary, 2026-11-03 to 2026-11-30, withdrawn early on 2026-11-20; deviation from WI-010-01 A/1"]);
  });

  it("its print keeps the period and the document it deviated from in the 作废 notice", async () => {
    const dir = await withdrawnDeviation();
    const out = tempDir();
    expect((await csrInProcess(["-C", dir, "render", "WI-010-03", "--format", "md", "--out", out, "--today", "2026-12-05"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(out, "WI-010-03.zh-CN.md"), "utf8").split("\n").filter((l) => l.includes("本文件已作废"))).toEqual([
      "> **本文件已作废** · 作废日期：2026-11-20 · 作废原因：永久措施已实施，恢复标准过程 · 有效期：临时，2026-11-03 至 2026-11-30，2026-11-20 提前撤销 · 偏离对象：WI-010-01 A/1 制动软管总成扣压作业指导书",
    ]);
  });

  it("csr changes --document of the standard work instruction lists the deviation's rows too, and says so", async () => {
    const dir = await withdrawnDeviation();
    const report = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--document", "WI-010-01"], { lang: "zh-CN" });
    expect(report.code).toBe(0);
    expect(report.stderr).toBe("只列出文件 WI-010-01（制动软管总成扣压作业指导书）及对它的偏离 WI-010-03 的变更：其发布、修订、发放、回收、培训、评审和作废。\n");
    expect(report.stdout.split("\n")[0]).toBe("变更报告：2026-11-01 至 2026-11-30（仅 WI-010-01 及其偏离 WI-010-03）");
    const json = JSON.parse((await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--document", "WI-010-01", "--format", "json"], { lang: "zh-CN" })).stdout) as { changes: { kind: string; id: string; date: string }[] };
    expect(json.changes.map((c) => `${c.date} ${c.id} ${c.kind}`)).toEqual(["2026-11-03 WI-010-03 added", "2026-11-20 WI-010-03 withdrawn"]);
    // A document nothing deviates from is listed alone, as before.
    expect((await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--document", "QP-010"], { lang: "zh-CN" })).stderr).toBe("只列出文件 QP-010（生产过程控制程序）的变更：其发布、修订、发放、回收、培训和评审。\n");
  });

  it("the site: the deviation's page keeps its period and what it deviated from, the standard work instruction's page lists it among its past deviations", async () => {
    const dir = copyRepository(await withdrawnDeviation());
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", "2026-12-05"], { lang: "zh-CN" })).code).toBe(0);
    const deviation = readFileSync(join(out, "documents", "WI-010-03.html"), "utf8");
    expect(deviation).toContain(
      '<div class="obsolete-notice"><strong>本文件已作废</strong> · 作废日期：2026-11-20 · 作废原因：永久措施已实施，恢复标准过程 · 有效期：临时，2026-11-03 至 2026-11-30，2026-11-20 提前撤销 · 偏离对象：WI-010-01 A/1 制动软管总成扣压作业指导书</div>',
    );
    const standard = readFileSync(join(out, "documents", "WI-010-01.html"), "utf8");
    expect(standard).toContain(
      '<h2>历次偏离</h2>\n\n<ul class="site-items"><li><a href="../documents/WI-010-03.html">WI-010-03 扣压外径全检临时作业（临时，2026-11-03 至 2026-11-30，2026-11-20 提前撤销；偏离 A/1）</a></li></ul>',
    );
  });
});
