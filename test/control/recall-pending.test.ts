/**
 * A revision released to take effect later (csr release --effective) leaves the copies of the
 * version before it in use until its 实施日期 (IATF 16949 7.5.3.2.1, GJB 9001C 7.5.3): the release
 * says they are due back from that day, and a recall before it names the day (tester18 F7).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, committedFixture, csrInProcess } from "../helpers.js";

describe("copies of a version whose replacement takes effect later", () => {
  it("are due back from the 实施日期: the release says so, and a recall before it names that day", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-009.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
    const release = await csrInProcess(["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--pages", "P2", "--total-pages", "2", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-20", "--effective", "2026-12-15", "-y"], { lang: "zh-CN" });
    expect(release.code).toBe(0);
    expect(release.stdout.split("\n").slice(1, 3)).toEqual([
      "QP-009 A/1 的生效日期为 2026-12-15（发布日期 2026-11-20）。",
      "旧版受控副本（文件回收）：受控号 1（A/0，品质部）、受控号 2（A/0，生产部）；A/1 自 2026-12-15 起实施，此前它们仍在使用，届时回收并用 'csr recall QP-009 --date <回收日期>' 登记，并用 'csr distribute QP-009 --to QA PRD' 向持有单位发放 A/1。",
    ]);
    expect(await csrInProcess(["-C", dir, "recall", "QP-009", "--by", "zhangli", "--date", "2026-11-25", "-y"], { lang: "zh-CN" })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: QP-009 还没有需要回收的副本：在外的 A/0 版副本在 A/1 版 2026-12-15 实施前仍是现行版本。\n提示：2026-12-15 起回收它们（csr recall QP-009 --date <回收日期>）；如需现在回收某一份，请用 --copy N 指定受控号。\n",
    });
    expect((await csrInProcess(["-C", dir, "recall", "QP-009", "--by", "zhangli", "--date", "2026-11-25", "-y"], { lang: "en" })).stderr).toBe(
      "csr: No copy of QP-009 is due back yet: the copies of A/0 out are in force until A/1 takes effect on 2026-12-15.\nhint: Recall them from 2026-12-15 (csr recall QP-009 --date <date>); to take one back now, name it with --copy N.\n",
    );
    // One taken back now with --copy: the other is not "all back", it is due once A/1 takes effect (tester56 D15).
    const one = await csrInProcess(["-C", dir, "recall", "QP-009", "--copy", "1", "--by", "zhangli", "--date", "2026-11-25", "-y"], { lang: "zh-CN" });
    expect(one.stdout.split("\n").slice(-3)).toEqual(["A/1 于 2026-12-15 实施后待回收：受控号 2（A/0，生产部）。", "已写入 documents/procedures/QP-009.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。", ""]);
    expect(one.stdout).not.toContain("已没有需要回收的副本");
  });
});

describe("a controlled copy of the version in force reprinted before the next one takes effect (tester20 F28)", () => {
  it("prints the text of the version in force as released until the 实施日期, then is refused", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-009.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
    const release = ["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--pages", "P2", "--total-pages", "2", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht"];
    expect((await csrInProcess([...release, "--date", "2026-11-20", "--effective", "2026-12-15", "-y"], { lang: "zh-CN" })).code).toBe(0);
    const render = (today: string, lang: "zh-CN" | "en" = "zh-CN") => csrInProcess(["-C", dir, "render", "QP-009", "--copy", "1", "--format", "md", "--out", `copy-${today}-${lang}.md`, "--today", today], { lang });
    const before = await render("2026-12-14");
    expect([before.code, before.stderr]).toEqual([0, "已输出 1 个文件（md，zh-CN）。\nQP-009 A/1 版 2026-12-15 起实施，此前现行版本仍为 A/0：受控副本 1 按 A/0 版发布时的文本打印。\n"]);
    const printed = readFileSync(join(dir, "copy-2026-12-14-zh-CN.md"), "utf8");
    expect([printed.includes("仓库收货后24小时内报检"), printed.includes("仓库收货后8小时内报检"), printed.includes("报检时限改为8小时"), printed.includes("2026-12-15"), printed.includes("2024-03-01")]).toEqual([true, false, false, false, true]);
    expect((await render("2026-12-14", "en")).stderr.split("\n")[1]).toBe("QP-009 A/1 takes effect on 2026-12-15; until then A/0 is in force: copy 1 is printed with the text of A/0 as released.");
    expect(await render("2026-12-15")).toEqual({ code: 2, stdout: "", stderr: "csr: QP-009 的受控副本 1 已失效（它是 A/0 版，QP-009 现行版本为 A/1）；请打印有效的副本。\n" });
  });
});

describe("the distribution register's recall deadline", () => {
  it("gives the day copies are due back (应回收日期) and says 回收逾期 after it, from the day csr check reports doc/recall-overdue (auditor16 F21)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-009.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
    const release = ["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--pages", "P2", "--total-pages", "2", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht"];
    expect((await csrInProcess([...release, "--date", "2026-11-20", "--effective", "2026-12-15", "-y"], { lang: "zh-CN" })).code).toBe(0);
    // The header, QP-009's rows and the count of copies to recall.
    const register = async (today: string, lang: "zh-CN" | "en" = "zh-CN") =>
      (await csrInProcess(["-C", dir, "list", "distribution", "--format", "md", "--today", today], { lang }))
        .stdout.split("\n")
        .filter((l) => /^\| (序号|No\.) |QP-009|^(待回收|Copies to recall)/.test(l))
        .map((l) => l.trimEnd());
    const HEADER = "| 序号 | 文件编号 | 文件名称 | 版本/版次 | 受控号 | 发放部门 | 领用人 | 发放人 | 发放日期 | 应回收日期 | 回收日期 | 交回人 | 回收人 | 状态 | 备注 |";
    const rows = (state: string) => [
      `| 61 | QP-009 | 进料检验控制程序 | A/0 | 1 | 品质部 | 张丽 | 陈静 | 2024-03-01 | 2026-12-22 |  |  |  | ${state} |  |`,
      `| 62 | QP-009 | 进料检验控制程序 | A/0 | 2 | 生产部 | 黄军 | 陈静 | 2024-03-01 | 2026-12-22 |  |  |  | ${state} |  |`,
    ];
    // 5 working days (qms.yaml's default recall period) after A/1 takes effect on Tuesday 2026-12-15.
    expect(await register("2026-12-14")).toEqual([HEADER, ...rows("在用（2026-12-15 起待回收）"), "待回收 0 份。"]);
    expect(await register("2026-12-22")).toEqual([HEADER, ...rows("待回收"), "待回收 2 份。"]);
    expect(await register("2026-12-23")).toEqual([HEADER, ...rows("回收逾期"), "待回收 2 份，其中 2 份已过应回收日期（所发版本停止现行后 5 个工作日内回收）。"]);
    expect(await register("2026-12-23", "en")).toEqual([
      "| No. | Number | Title | Version | Copy No. | Issued to | Holder | Issued by | Issued | Due back by | Recalled | Returned by | Received by | State | Remarks |",
      "| 61 | QP-009 | Incoming Inspection Procedure | A/0 | 1 | Quality Assurance | Zhang Li | Chen Jing | 2024-03-01 | 2026-12-22 |  |  |  | recall overdue |  |",
      "| 62 | QP-009 | Incoming Inspection Procedure | A/0 | 2 | Production | Huang Jun | Chen Jing | 2024-03-01 | 2026-12-22 |  |  |  | recall overdue |  |",
      "Copies to recall: 2, of which 2 past the day they were due back by (5 working days after their version stopped being in force).",
    ]);
    const overdue = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "doc/recall-overdue").length;
    expect([await overdue("2026-12-22"), await overdue("2026-12-23")]).toEqual([0, 2]);
  });

  it("keeps the 应回收日期 of copies taken back and says how late a late one came back; csr recall says it too (tester19 F4)", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-009.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
    const release = ["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--pages", "P2", "--total-pages", "2", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht"];
    expect((await csrInProcess([...release, "--date", "2026-11-05", "-y"], { lang: "zh-CN" })).code).toBe(0);
    // Due back 5 working days after A/1 took effect on Thursday 2026-11-05: 2026-11-12; copy 1 comes back 12 working days later.
    expect((await csrInProcess(["-C", dir, "recall", "QP-009", "--copy", "1", "--by", "zhangli", "--date", "2026-11-30", "-y"], { lang: "zh-CN" })).stdout).toBe(
      [
        "QP-009：于 2026-11-30 回收 1 份：受控号 1（A/0，品质部）。交回人：张丽（zhangli）。回收人：陈静（chenjing），即 people.yaml 中唯一的文控人员（未给出 --received-by）。",
        "注意：受控号 1（A/0，品质部）应于 2026-11-12 前回收，此次回收逾期 12 个工作日（文件发放/回收记录的备注写明）。",
        "尚待回收：受控号 2（A/0，生产部）。",
        "已写入 documents/procedures/QP-009.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。",
        "",
      ].join("\n"),
    );
    // Back on its 应回收日期: in time, nothing to say.
    expect((await csrInProcess(["-C", dir, "recall", "QP-009", "--copy", "2", "--by", "huangjun", "--date", "2026-11-12", "-y"], { lang: "en" })).stdout.split("\n").slice(1)).toEqual(["No copy is due back any more.", "Wrote documents/procedures/QP-009.yaml; not committed (git commit it, or run with --commit).", ""]);
    const rows = async (lang: "zh-CN" | "en") =>
      (await csrInProcess(["-C", dir, "list", "distribution", "--format", "md", "--today", "2026-12-01"], { lang }))
        .stdout.split("\n")
        .filter((l) => /QP-009|QP-012 .* A\/0 /.test(l))
        .map((l) => l.trimEnd());
    expect(await rows("zh-CN")).toEqual([
      "| 61 | QP-009 | 进料检验控制程序 | A/0 | 1 | 品质部 | 张丽 | 陈静 | 2024-03-01 | 2026-11-12 | 2026-11-30 | 张丽 | 陈静 | 已回收 | 逾期 12 个工作日回收 |",
      "| 62 | QP-009 | 进料检验控制程序 | A/0 | 2 | 生产部 | 黄军 | 陈静 | 2024-03-01 | 2026-11-12 | 2026-11-12 | 黄军 | 陈静 | 已回收 |  |",
      // A copy of A/0 taken back when A/1 took effect was due back then, not after A/2, the current version, took effect.
      "| 68 | QP-012 | 不合格品控制程序 | A/0 | 1 | 品质部 | 张丽 | 陈静 | 2024-03-01 | 2024-07-17 | 2024-07-10 | 张丽 | 陈静 | 已回收 |  |",
      "| 69 | QP-012 | 不合格品控制程序 | A/0 | 2 | 生产部 | 黄军 | 陈静 | 2024-03-01 | 2024-07-17 | 2024-07-10 | 黄军 | 陈静 | 已回收 |  |",
    ]);
    expect((await rows("en"))[0]).toBe("| 61 | QP-009 | Incoming Inspection Procedure | A/0 | 1 | Quality Assurance | Zhang Li | Chen Jing | 2024-03-01 | 2026-11-12 | 2026-11-30 | Zhang Li | Chen Jing | recalled | returned 12 working days late |");
  });
});

describe("units left without a copy of the version in force (tester19 F5)", () => {
  it("csr recall warns when it leaves a unit without one, csr check reports doc/no-copy-in-force until it is handed out, and a unit whose copy of the version in force is taken back is left off on purpose", async () => {
    const dir = committedFixture("examples/acme-auto");
    const file = join(dir, "documents/procedures/QP-009.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("仓库收货后24小时内报检", "仓库收货后8小时内报检"));
    const release = ["-C", dir, "release", "QP-009", "--summary", "报检时限改为8小时", "--pages", "P2", "--total-pages", "2", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht"];
    expect((await csrInProcess([...release, "--date", "2026-11-05", "-y"], { lang: "zh-CN" })).code).toBe(0);
    const findings = async () => (await checkJsonInProcess(dir, "--today", "2026-11-09")).findings.filter((f) => f.rule === "doc/no-copy-in-force").map((f) => `${f.line} ${f.severity} ${f.message}`);
    // Both units still hold A/0 only.
    expect(await findings()).toEqual(["68 warning QP-009 A/1 is in force since 2026-11-05, and Quality Assurance, Production held controlled copies of A/0 but hold none of A/1: hand it out with 'csr distribute QP-009 --to QA PRD'."]);
    expect((await csrInProcess(["-C", dir, "recall", "QP-009", "--copy", "1", "--by", "zhangli", "--date", "2026-11-06", "-y"], { lang: "zh-CN" })).stderr).toBe(
      "csr: 警告：品质部已没有 QP-009 的受控副本，而现行的 A/1 版尚未发给品质部：用 'csr distribute QP-009 --to QA' 发放（csr check 报告 doc/no-copy-in-force）。\n",
    );
    expect((await csrInProcess(["-C", dir, "distribute", "QP-009", "--to", "QA", "--holder", "zhangli", "--date", "2026-11-06", "-y"])).code).toBe(0);
    expect((await csrInProcess(["-C", dir, "recall", "QP-009", "--copy", "2", "--by", "huangjun", "--date", "2026-11-06", "-y"])).stderr).toBe(
      "csr: warning: Production now holds no controlled copy of QP-009, and A/1, the version in force, has not been handed out there: hand it out with 'csr distribute QP-009 --to PRD' (csr check reports doc/no-copy-in-force).\n",
    );
    expect(await findings()).toEqual(["69 warning QP-009 A/1 is in force since 2026-11-05, and Production held a controlled copy of A/0 but holds none of A/1: hand it out with 'csr distribute QP-009 --to PRD'."]);
    expect((await csrInProcess(["-C", dir, "distribute", "QP-009", "--to", "PRD", "--holder", "huangjun", "--date", "2026-11-09", "-y"])).code).toBe(0);
    expect(await findings()).toEqual([]);
    // 生产部 no longer uses QP-009: its copy of A/1 is taken back, and nothing is said.
    expect((await csrInProcess(["-C", dir, "recall", "QP-009", "--copy", "4", "--by", "huangjun", "--date", "2026-11-09", "-y"])).stderr).toBe("");
    expect(await findings()).toEqual([]);
  });
});

