/**
 * A customer's new revision that changes a requirement (tester54a A1): csr source update restarts
 * the review of BCM-002 on BCM-SQR V3.0, and csr set records V3.0's wording. The round that reviewed
 * V2.0 keeps the wording it decided on (review.history[].text), and its review report, a view of a
 * day before the restart and csr show print it; the new wording is the new round's. On a copy of
 * examples/acme-auto in a real git repository.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, tempDir } from "../helpers.js";
import { today } from "../today.js";

const OLD = "委托外部实验室进行的检测和校准，实验室须具有CNAS认可，认可范围须覆盖委托的项目；不得使用仅有营业执照的检测机构。";
const NEW = "委托外部实验室进行的检测和校准，实验室须具有CNAS认可，认可范围须覆盖委托项目；检测报告须在试验完成后5个工作日内提交北辰SQE。";

/** acme-auto with BCM-SQR V3.0 received on 2026-12-01: BCM-001 unchanged, BCM-002 changed, BCM-003 removed. */
async function revised(): Promise<string> {
  const dir = committedFixture("examples/acme-auto");
  const update = await csrInProcess(
    ["-C", dir, "source", "update", "BCM-SQR", "--revision", "V3.0", "--issued", "2026-11-27", "--received", "2026-12-01", "--effective", "2027-03-01", "--unchanged", "BCM-001", "--removed", "BCM-003", "--by", "zhangli", "--date", "2026-12-01", "-y", "--commit"],
    { lang: "zh-CN" },
  );
  expect(update.code).toBe(0);
  // With flags the new wording is not asked: the output says to enter it (tester56 D1).
  expect(update.stdout).toContain("请在评审前用 'csr set <编号> --text …' 写入 V3.0 版的新要求内容（如 csr set BCM-002 --text …）；原内容留在上一轮评审记录中。\n");
  return dir;
}

describe("a requirement changed by the customer's new revision (tester54a A1)", () => {
  it("csr set records the new wording in the new round, the V2.0 round keeps the text it reviewed, and its report and csr show print it", async () => {
    const dir = await revised();
    const set = await csrInProcess(["-C", dir, "set", "BCM-002", "--text", NEW, "--commit"], { lang: "zh-CN" });
    expect(set.code).toBe(0);
    expect(set.stdout.split("\n")[2]).toBe(
      "BCM-002 的要求内容按来源文件 V3.0 版更改，在新一轮评审中评审（不是更正）；V2.0 版评审时的原文记入该轮评审记录（review.history），其评审报告和此前日期的视图照原文打印。",
    );
    const yaml = readFileSync(join(dir, "csr/BCM/BCM-002.yaml"), "utf8");
    expect(yaml).toContain(`\ntext: ${NEW}\n`);
    expect(yaml).toContain(`        date: 2025-09-16\n      leader: {by: lina, date: 2025-09-16}\n      text: ${OLD}\n  restarted: 2026-12-01\n`);
    // Said once: a second change in the same round keeps the V2.0 wording, not the first V3.0 one.
    expect((await csrInProcess(["-C", dir, "set", "BCM-002", "--text", NEW + "另附", "-y"], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(dir, "csr/BCM/BCM-002.yaml"), "utf8")).toContain(`      text: ${OLD}\n  restarted: 2026-12-01\n`);

    const out = tempDir();
    const old = await csrInProcess(["-C", dir, "render", "BCM-002", "--as-of", "2025-10-01", "--format", "md", "--out", join(out, "old.md")], { lang: "zh-CN" });
    expect(old.code).toBe(0);
    const report = readFileSync(join(out, "old.md"), "utf8");
    expect(report).toContain("| 来源文件 | BCM-SQR 北辰汽车供应商质量要求 | 来源文件版本 | V2.0 |");
    expect(report).toContain(`## 1 要求内容：外部实验室须具有CNAS认可且认可范围覆盖委托项目\n\n${OLD}\n`);
    expect(report).not.toContain("5个工作日内");
    // Today's report: the new round, on V3.0, with the new wording.
    expect((await csrInProcess(["-C", dir, "render", "BCM-002", "--format", "md", "--out", join(out, "new.md")], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(join(out, "new.md"), "utf8")).toContain(`${NEW}另附\n`);

    const show = await csrInProcess(["-C", dir, "show", "BCM-002"], { lang: "zh-CN" });
    expect(show.stdout).toContain(`  历次评审        V2.0 版：接收 2025-09-08，评审期限 2025-09-22，决定日期 2025-09-16，按期\n                    该轮评审的要求内容：${OLD}\n                    须会签部门 市场部、品质部、技术部、生产部\n                    市场部 同意，孙伟，2025-09-09：无异议。\n`);
    expect(show.stdout).toContain("                    结论 必须满足，徐海涛，2025-09-16\n                    评审组长 李娜，2025-09-16\n                    2026-12-01 因 V3.0 版换版重评而关闭\n");
    // On a day of the scenario: from 2026-12-07 on, acme-auto's BCM-005 review is overdue (an error of its own).
    expect((await csrInProcess(["-C", dir, "check", "--today", "2026-12-04"], { lang: "zh-CN" })).stdout).not.toContain("error");
  });
});

describe("the review report of a round narrowed with --required and of a wording corrected after its decision (tester56 D13, D11)", () => {
  it("prints each round's 须会签部门 and how the CSR's list differs from qms.yaml's, and the correction with what the text read before", async () => {
    const dir = await revised();
    const run = async (...args: string[]) => expect((await csrInProcess(["-C", dir, ...args, "-y"], { lang: "zh-CN" })).code).toBe(0);
    await run("review", "BCM-002", "--required", "QA", "ENG", "PRD");
    // The closed V2.0 round keeps the list it was reviewed by (qms.yaml's), before the new one is named.
    expect(readFileSync(join(dir, "csr/BCM/BCM-002.yaml"), "utf8")).toContain("      required: [MKT, QA, ENG, PRD]\n  restarted: 2026-12-01\n  required: [QA, ENG, PRD]\n");
    for (const [department, reviewer] of [["QA", "zhangli"], ["ENG", "zhoupeng"], ["PRD", "huangjun"]]) {
      await run("review", "BCM-002", "--department", department!, "--reviewer", reviewer!, "--opinion", "accept", "--date", "2026-12-02");
    }
    await run("review", "BCM-002", "--disposition", "must", "--by", "xuht", "--date", "2026-12-03");
    await run("set", "BCM-002", "--text", NEW, "--amend", "--reason", "V3.0 原文登记遗漏", "--by", "zhangli");
    const out = tempDir();
    await run("render", "BCM-002", "--format", "md", "--out", join(out, "r.md"), "--today", "2026-12-04");
    const report = readFileSync(join(out, "r.md"), "utf8");
    expect(report).toContain(
      `更正记录（评审结论作出后更正了登记时的录入错误：下列会签意见和评审结论作出时，要求内容为更正前的内容）\n\n| 更正日期 | 更正项目 | 更正前 | 更正原因 | 更正人 |\n| --- | --- | --- | --- | --- |\n| ${today()} | 要求内容 | ${OLD} | V3.0 原文登记遗漏 | 张丽 |\n\n## 2 各部门评审意见（会签）\n\n须会签部门：品质部、技术部、生产部（本 CSR 指定，不含 qms.yaml 评审部门中的 市场部）\n\n`,
    );
    expect(report).toContain("| 须会签部门：市场部、品质部、技术部、生产部; 市场部 孙伟 同意 2025-09-09;");
    const show = (await csrInProcess(["-C", dir, "show", "BCM-002", "--today", "2026-12-04"], { lang: "zh-CN" })).stdout;
    expect(show).toContain("  须会签部门      品质部、技术部、生产部（本 CSR 指定，不含 qms.yaml 评审部门中的 市场部）\n");
    expect(show).toContain("                    须会签部门 市场部、品质部、技术部、生产部\n");
    await run("render", "BCM-002", "--format", "html", "--out", join(out, "r.html"), "--today", "2026-12-04");
    expect(readFileSync(join(out, "r.html"), "utf8")).toContain('<p class="required-departments">须会签部门：品质部、技术部、生产部（本 CSR 指定，不含 qms.yaml 评审部门中的 市场部）</p>');
    // Who corrected the wording, in its own column (stop 57 leftover).
    expect(readFileSync(join(out, "r.html"), "utf8")).toContain(`<th>更正原因</th><th>更正人</th></tr></thead>\n<tbody>\n<tr><td class="nowrap">${today()}</td><td class="nowrap">要求内容</td><td>${OLD}</td><td>V3.0 原文登记遗漏</td><td class="nowrap">张丽</td></tr>`);
  });
});

describe("a link made for the wording of an earlier source revision (tester54a A4)", () => {
  it("is the same when the new wording is entered after the round's decision, before any link is confirmed: not a correction (tester56 D1)", async () => {
    const dir = await revised();
    const run = async (...args: string[]) => {
      const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
      expect(result.stderr).toBe("");
      return result.stdout;
    };
    for (const [department, reviewer] of [["MKT", "sunwei"], ["QA", "zhangli"], ["ENG", "zhoupeng"], ["PRD", "huangjun"]]) {
      await run("review", "BCM-002", "--department", department!, "--reviewer", reviewer!, "--opinion", "accept", "--date", "2026-12-02", "-y");
    }
    await run("review", "BCM-002", "--disposition", "must", "--by", "xuht", "--date", "2026-12-03", "-y");
    expect((await run("set", "BCM-002", "--text", NEW, "-y")).split("\n").slice(2, 4)).toEqual([
      "BCM-002 的要求内容按来源文件 V3.0 版更改，在新一轮评审中评审（不是更正）；V2.0 版评审时的原文记入该轮评审记录（review.history），其评审报告和此前日期的视图照原文打印。",
      "本轮结论（2026-12-03）不变；BCM-002 的落实链接是按原内容建立的，核对后用 csr address --confirm 确认，此前不计入落实（csr/suspect-link）。",
    ]);
    expect(readFileSync(join(dir, "csr/BCM/BCM-002.yaml"), "utf8")).not.toContain("amendments");
    // Entered once, V3.0's wording changes again only as a correction: the hint names V3.0, not a new revision to register.
    expect((await csrInProcess(["-C", dir, "set", "BCM-002", "--text", NEW + "另附"], { lang: "zh-CN" })).stderr).toBe(
      "csr: BCM-002 已于 2026-12-03 作出评审结论（必须满足）：更改其要求内容就是更改评审过的要求，未改动。\n" +
        "提示：BCM-002 的本轮评审已按V3.0 版作出结论：若顾客又发布了新版本，用 'csr source update BCM-SQR --revision <新版本> --received <日期>' 登记，BCM-002 随之重新评审；若是V3.0 版要求内容登记时的录入错误（评审所依据的原文与更正后一致），加 --amend 更正，用 --by <人员> 写明更正人（并用 --reason <原因> 写明原因，与更正一并记录）。\n",
    );
    expect(await run("matrix", "csr", "--today", "2026-12-04")).toContain("尚未落实到文件的要求：BCM-002（QP-006 的链接待按 V3.0 确认）、BCM-004（WI-011-01 尚未发布）\n");
    expect((await run("check", "--today", "2026-12-04")).split("\n").filter((l) => l.includes("BCM-002") && l.includes("suspect-link")).length).toBeGreaterThan(0);
  });

  it("does not count as addressing the re-reviewed requirement until confirmed: the matrix, csr show and the review report say so", async () => {
    const dir = await revised();
    const run = async (...args: string[]) => {
      const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
      expect(result.code).toBe(0);
      return result.stdout;
    };
    await run("set", "BCM-002", "--text", NEW, "-y");
    for (const [department, reviewer] of [["MKT", "sunwei"], ["QA", "zhangli"], ["ENG", "zhoupeng"], ["PRD", "huangjun"]]) {
      await run("review", "BCM-002", "--department", department!, "--reviewer", reviewer!, "--opinion", "accept", "--date", "2026-12-02", "-y");
    }
    await run("review", "BCM-002", "--disposition", "must", "--by", "xuht", "--date", "2026-12-03", "-y");
    // From 落实文件 on: the matrix has a 处置理由 column before it (DYA-005's agreed alternative).
    const row = async () => (await run("matrix", "csr", "--format", "csv", "--today", "2026-12-04")).split(/\r?\n/).find((l) => l.startsWith("BCM-002,"))!.split(",").slice(14);
    expect(await row()).toEqual(["QP-006", "5.5 外部实验室", "A/1", "设备与监视测量资源管理程序", "要求已按 V3.0 变更（2026-12-01 起重新评审），链接待确认，不计入落实", "S3、S4", "赵强", "", "2027-03-01", "", "待确认落实", "", "2026-12-04"]);
    expect(await run("matrix", "csr", "--today", "2026-12-04")).toContain("尚未落实到文件的要求：BCM-002（QP-006 的链接待按 V3.0 确认）、BCM-004（WI-011-01 尚未发布）\n");
    expect(await run("show", "BCM-002", "--today", "2026-12-04")).toContain(
      "  落实文件        QP-006 设备与监视测量资源管理程序 A/1（已发布）（要求已按 V3.0 变更（2026-12-01 起重新评审），链接待确认，不计入落实；核对后运行 csr address --confirm），章节 5.5 外部实验室\n",
    );
    const out = tempDir();
    await run("render", "BCM-002", "--today", "2026-12-04", "--format", "md", "--out", join(out, "r.md"));
    expect(readFileSync(join(out, "r.md"), "utf8")).toContain("  - QP-006 设备与监视测量资源管理程序（A/1） 【要求已按 V3.0 变更（2026-12-01 起重新评审），链接待确认，不计入落实】 章节 5.5 外部实验室\n");
    // csr check says it too, with the command (note36): csr/suspect-link, the link being unpinned.
    const suspect = async () => (await csrInProcess(["-C", dir, "check", "--today", "2026-12-04", "--format", "json"], { lang: "zh-CN" })).stdout;
    expect((JSON.parse(await suspect()) as { findings: { rule: string; file: string; line: number; message: string }[] }).findings.filter((f) => f.rule === "csr/suspect-link").map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      {
        file: "csr/BCM/BCM-002.yaml",
        line: 69,
        message:
          "BCM-002 到 QP-006 第 5.5 外部实验室 节 的链接可疑：BCM-002 的要求已按来源文件 V3.0 版变更（2026-12-01 起重新评审），该链接是为此前的要求建立的，此后未经确认，不计入落实。请确认它仍然落实该要求，然后运行 'csr address --confirm BCM-002 QP-006 --section \"5.5 外部实验室\" --by 赵强'，或更正 'addressed'。",
      },
    ]);
    // Checked and confirmed: the link addresses the V3.0 requirement.
    await run("address", "--confirm", "BCM-002", "QP-006", "--by", "zhangli", "--date", "2026-12-04");
    expect(await row()).toEqual(["QP-006", "5.5 外部实验室", "A/1", "设备与监视测量资源管理程序", "已确认", "S3、S4", "赵强", "", "2027-03-01", "", "已落实到文件", "", "2026-12-04"]);
    expect(await suspect()).not.toContain("csr/suspect-link");
  });
});

describe("the distribution of a requirement re-reviewed on the customer's new revision (tester54a A10)", () => {
  it("csr show and the review report name the earlier distribution's revision and say the new one is not distributed; the decision reminds csr distribute; distributed, both stay", async () => {
    const dir = await revised();
    const run = async (...args: string[]) => {
      const result = await csrInProcess(["-C", dir, ...args], { lang: "zh-CN" });
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    };
    // The 发放 field of csr show: its line and the lines continuing it.
    const distributed = async (id: string) => {
      const lines = (await run("show", id)).split("\n");
      const start = lines.findIndex((l) => l.startsWith("  发放 "));
      const end = lines.findIndex((l, i) => i > start && !/^ {18}\S/.test(l));
      return lines.slice(start, end);
    };
    await run("set", "BCM-002", "--text", NEW, "-y");
    expect(await distributed("BCM-002")).toEqual([
      "  发放            V2.0 版：品质部、技术部，2025-09-17 发放",
      "                  V3.0 版尚未发放（要求已换版重新评审）；作出结论后用 'csr distribute BCM-002 --to QA ENG' 发放",
    ]);
    // The CSR list (QR-015-01) registers them as csr show gives them, with the training (QP-015 §5.7, §5.9; tester55 C5).
    const listed = async () => (await run("list", "csr", "--columns", "id,distributed,training", "--format", "csv", "--today", "2026-12-04")).replace(/^\ufeff/, "").split("\r\n");
    expect((await listed()).slice(0, 3)).toEqual([
      "编号,发放,培训,截至",
      "BCM-001,技术部、市场部，2025-09-16 发放,不需要培训,2026-12-04",
      'BCM-002,"V2.0 版：品质部、技术部，2025-09-17 发放\nV3.0 版尚未发放",不需要培训,2026-12-04',
    ]);
    expect((await listed())[4]).toBe('BCM-004,生产部、采购物流部、品质部，2026-10-21 发放,"部分培训（已培训 3/9 人）\n2026-10-28 TR-2026-041",2026-12-04');
    for (const [department, reviewer] of [["MKT", "sunwei"], ["QA", "zhangli"], ["ENG", "zhoupeng"], ["PRD", "huangjun"]]) {
      await run("review", "BCM-002", "--department", department!, "--reviewer", reviewer!, "--opinion", "accept", "--date", "2026-12-02", "-y");
    }
    expect((await run("review", "BCM-002", "--disposition", "must", "--by", "xuht", "--date", "2026-12-03", "-y")).split("\n")[1]).toBe(
      "BCM-002 此前发放的是 V2.0 版，V3.0 版尚未发放：请用 'csr distribute BCM-002 --to QA ENG' 发放给相关部门。",
    );
    expect((await distributed("BCM-002"))[1]).toBe("                  V3.0 版尚未发放（要求已换版重新评审）：用 'csr distribute BCM-002 --to QA ENG' 发放");
    const out = tempDir();
    await run("render", "BCM-002", "--format", "md", "--out", join(out, "before.md"));
    expect(readFileSync(join(out, "before.md"), "utf8")).toContain("- 发放部门：V2.0 版：品质部、技术部（2025-09-17）；V3.0 版尚未发放\n");
    // Distributed again: the V2.0 distribution stays on record beside it.
    await run("distribute", "BCM-002", "--to", "QA", "ENG", "--date", "2026-12-04", "-y");
    expect(await distributed("BCM-002")).toEqual(["  发放            V2.0 版：品质部、技术部，2025-09-17 发放", "                  V3.0 版：品质部、技术部，2026-12-04 发放"]);
    expect((await listed())[2]).toBe('BCM-002,"V2.0 版：品质部、技术部，2025-09-17 发放\nV3.0 版：品质部、技术部，2026-12-04 发放",不需要培训,2026-12-04');
    await run("render", "BCM-002", "--format", "md", "--out", join(out, "after.md"));
    expect(readFileSync(join(out, "after.md"), "utf8")).toContain("- 发放部门：V2.0 版：品质部、技术部（2025-09-17）；V3.0 版：品质部、技术部（2026-12-04）\n");
    // A decision not to meet it goes to the departments as well (as the example's DYA-005 did): reminded too.
    const other = await revised();
    const rejected = await csrInProcess(["-C", other, "review", "BCM-002", "--disposition", "rejected", "--justification", "与北辰SQE协商中", "--by", "xuht", "--date", "2026-12-03", "--force", "-y"], { lang: "zh-CN" });
    expect(rejected.stdout).toContain("\nBCM-002 此前发放的是 V2.0 版，V3.0 版尚未发放：请用 'csr distribute BCM-002 --to QA ENG' 发放给相关部门。\n");
    // BCM-001, confirmed unchanged in V3.0: its distribution stands, printed as before.
    expect(await distributed("BCM-001")).toEqual(["  发放            技术部、市场部，2025-09-16 发放"]);
  });
});

describe("a release whose summary names a CSR reworded by the customer's new revision (tester58 F3)", () => {
  it("confirms nothing: the link stays suspect, the release says so with the command, and only csr address --confirm clears it", () => {
    const dir = committedFixture("examples/acme-auto");
    const run = (...args: string[]) => {
      const result = csr(["-C", dir, ...args], { lang: "zh-CN" });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      return result.stdout;
    };
    const suspect = () =>
      (JSON.parse(csr(["-C", dir, "check", "--today", "2026-12-04", "--format", "json"], { lang: "zh-CN" }).stdout) as { findings: { rule: string; file: string; line: number; column: number }[] }).findings
        .filter((f) => f.rule === "csr/suspect-link")
        .map(({ file, line, column }) => `${file}:${line}:${column}`);
    run("source", "update", "DYA-SC", "--revision", "C", "--issued", "2026-09-20", "--received", "2026-09-28", "-y", "--commit");
    run("set", "DYA-001", "--text", "东岳安全特性（◆）和法规特性（◇）须在控制计划和PFMEA中标注。", "--commit");
    expect(suspect()).toEqual(["csr/DYA/DYA-001.yaml:48:5", "csr/DYA/DYA-001.yaml:50:5", "csr/DYA/DYA-001.yaml:52:5"]);
    const path = join(dir, "documents/procedures/QP-014.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("顾客符号更新时同步更新对照表。", "顾客符号更新时同步更新对照表并通知各部门。"));
    const released = run("release", "QP-014", "--summary", "按C版修改5.2（DYA-001）", "--total-pages", "2", "--pages", "P2", "--prepared", "gaoyang", "--reviewed", "zhoupeng", "--approved", "xuht", "--date", "2026-12-04", "-y");
    // QP-014 A/1 is on OA (tester65 N7); then the link's note. A procedure owes DYA no notice of its change (tester77 E2: not a product or process change).
    expect(released.split("\n")[1]).toBe("QP-014 A/1 已以电子版（OA，只读）发放给技术部、品质部、生产部：请用 'csr distribute QP-014 --electronic --to ENG QA PRD --system OA' 发布 A/2 替换它。");
    expect(released.split("\n")[2]).toBe(
      "注意：DYA-001 的要求已按来源文件 C 版变更（2026-09-28 起重新评审），DYA-001 到 QP-014 第 5.2 符号转换 节 的链接仍待确认，不计入落实；发布（包括修订内容提到 DYA-001）不算确认。请对照新要求阅读该处，仍然落实时运行 'csr address --confirm DYA-001 QP-014 --section \"5.2 符号转换\" --by 周鹏'。",
    );
    expect(suspect()).toEqual(["csr/DYA/DYA-001.yaml:48:5", "csr/DYA/DYA-001.yaml:50:5", "csr/DYA/DYA-001.yaml:52:5"]);
    expect(run("show", "DYA-001", "--today", "2026-12-04")).toContain("QP-014 特殊特性管理程序 A/2（已发布）（要求已按 C 变更（2026-09-28 起重新评审），链接待确认，不计入落实；核对后运行 csr address --confirm），章节 5.2 符号转换\n");
    run("address", "--confirm", "DYA-001", "QP-014", "--section", "5.2 符号转换", "--by", "zhoupeng", "--date", "2026-12-04", "--commit");
    // The pin (5 lines) moved the other two links down.
    expect(suspect()).toEqual(["csr/DYA/DYA-001.yaml:56:5", "csr/DYA/DYA-001.yaml:58:5"]);
  });
});
