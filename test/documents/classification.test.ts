/**
 * 密级 (classification): set by command and by import, shown in the registers, kept out of the site
 * for the levels of 国家秘密, and one reading of a bad value in csr check and csr list.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { CLASSIFICATIONS, readClassification } from "../../src/model/classification.js";
import { checkJsonInProcess, committedFixture, copyFixture, csrInProcess, git, minimalRepo, ROOT, tempDir } from "../helpers.js";
import { today } from "../today.js";

const DAY = "2026-11-27";
/** A sentence of the body of the 秘密 procedure CS/QP-006 of the layouts fixture. */
const SECRET_BODY = "设计策划：由研发部编制设计和开发计划";

/** The layouts fixture (level 2 marked 内部 by default; CS/QP-006 秘密, CS/WI-101 unmarked) under git. */
function gjbRepo(): string {
  return committedFixture("test/fixtures/render/layouts");
}

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesOf(join(dir, name)).map((f) => `${name}/${f}`) : [name]));
}

const doc = (dir: string, path: string) => parse(readFileSync(join(dir, path), "utf8")) as Record<string, unknown>;

describe("the values", () => {
  it("are the schema's", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas", "common.schema.json"), "utf8"));
    expect(schema.$defs.classification.enum).toEqual([...CLASSIFICATIONS]);
  });

  it("are read as written, or with 级 after them", () => {
    expect(["秘密", " 机密 ", "绝密级", "内部", "3", "密", "秘密★5年", "级"].map(readClassification)).toEqual(["秘密", "机密", "绝密", "内部", undefined, undefined, undefined, undefined]);
  });
});

describe("csr site with a 秘密 document", () => {
  it("publishes its register data and a notice, and its body in no file", async () => {
    const repo = gjbRepo();
    const out = join(tempDir(), "site");
    const built = await csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY], { lang: null });
    // The fixture's CS/WI-101 A/1 records no 文件更改单 or reason: doc/change-request-missing warns of it in this GJB repository (tester68 G4).
    expect(built.stderr).toMatch(/^已生成网站：\d+ 个页面，\d+ 个文件（zh-CN），1 份秘密级以上文件只列登记信息、未发布正文；csr check：1 个错误，2 个警告。\n$/);
    const files = filesOf(out);
    expect(files.filter((f) => readFileSync(join(out, f)).includes(SECRET_BODY))).toEqual([]);
    // The unmarked work instruction's body is published and searchable.
    expect(files.filter((f) => readFileSync(join(out, f)).includes("规定焊接作业方法")).sort()).toEqual(["assets/search-entries.js", "documents/CS_WI-101.html"]);
    const page = readFileSync(join(out, "documents/CS_QP-006.html"), "utf8");
    expect(page).toContain('<p class="site-lead">本文件密级为秘密，正文不在网站上发布，此处只列出其登记信息。</p>');
    const facts = [...page.matchAll(/<div><dt>([^<]*)<\/dt><dd>(.*?)<\/dd><\/div>/g)].map((m) => `${m[1]}：${m[2]!.replace(/<[^>]+>/g, "")}`);
    expect(facts).toEqual([
      "文件编号：CS/QP-006",
      "文件名称：设计和开发控制程序",
      "密级：秘密",
      "版本/版次：A/0",
      "编制：李娜 2025-03-10",
      "审核：张伟 2025-03-12",
      "会签：赵敏 2025-03-14、陈军 2025-03-15",
      "标准化审查：陈军 2025-03-18",
      "批准：王强 2025-03-25",
      "军代表：赵敏 2025-03-28",
    ]);
    expect(page).toContain("状态：已发布");
  });

  it("publishes no finding message, commit message or periodic review comment of it: they may quote its text", async () => {
    const repo = gjbRepo();
    const path = join(repo, "documents/CS_QP-006.yaml");
    // A 《…》 mention that resolves to nothing: doc/mention-unresolved quotes it in its message.
    // And a periodic review whose comment says what must change in the text.
    const text = readFileSync(path, "utf8").replace("规定设计和开发的控制要求。", "规定设计和开发的控制要求，见《雷达天线罩试制规范》。");
    writeFileSync(path, text.replace("status: released\n", "status: released\nreviews:\n  - { by: wang, date: 2026-11-20, result: revise, comment: 补充雷达天线罩的设计评审要求 }\n"));
    // Dated DAY: the site of DAY lists the commits made by then.
    git(repo, ["commit", "-qam", "目的：引用雷达天线罩试制规范"], { GIT_AUTHOR_DATE: `${DAY}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${DAY}T10:00:00+08:00` });
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
    const files = filesOf(out);
    expect(files.filter((f) => readFileSync(join(out, f)).includes("雷达天线罩")).sort()).toEqual([]);
    const page = readFileSync(join(out, "documents/CS_QP-006.html"), "utf8");
    // Its page reads the finding as the rule's summary, which quotes nothing; the findings page says the message is withheld.
    // (The rule id last since 0c2ec656.)
    expect(page).toContain('<td>文件正文中提到的《某文件》不在仓库中。</td><td></td><td class="code site-rule"><a href="../findings.html">doc/mention-unresolved</a></td>');
    expect(page).toContain("<td>（密级文件，提交说明不在网站上发布）</td>");
    expect(readFileSync(join(out, "findings.html"), "utf8")).toContain("（规则 doc/mention-unresolved）");
  });

  it("publishes a revision of it without its summary, in the change report's page, csv and xlsx alike; csr changes keeps it (tester48 #17)", async () => {
    const repo = gjbRepo();
    const path = join(repo, "documents/CS_QP-006.yaml");
    const revision = "  - { version: A/1, date: 2026-11-20, summary: 补充雷达天线罩外委试验要求, pages: P2, prepared: { by: li, date: 2026-11-16 }, reviewed: { by: zhang, date: 2026-11-17 }, approved: { by: wang, date: 2026-11-19 } }\n";
    writeFileSync(path, readFileSync(path, "utf8").replace("sections:\n", `${revision}sections:\n`));
    git(repo, ["commit", "-qam", "发布 CS/QP-006 A/1"], { GIT_AUTHOR_DATE: `${DAY}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${DAY}T10:00:00+08:00` });
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
    const files = filesOf(out);
    expect(files.filter((f) => readFileSync(join(out, f)).includes("雷达天线罩")).sort()).toEqual([]);
    const xlsx = execFileSync("unzip", ["-p", join(out, "registers/changes.xlsx")]).toString("utf8");
    expect(xlsx).not.toContain("雷达天线罩");
    expect(xlsx).toContain("（密级文件，修订内容不在网站上发布）");
    const row = (csv: string) => csv.split(/\r?\n/).filter((l) => l.includes("CS/QP-006"));
    expect(row(readFileSync(join(out, "registers/changes.csv"), "utf8"))).toEqual(["文件,换版,CS/QP-006,设计和开发控制程序,秘密,A/0,A/1,（密级文件，修订内容不在网站上发布）（更改页：P2）,编制：李娜 2026-11-16；审核：张伟 2026-11-17；批准：王强 2026-11-19,2026-11-20"]);
    const changes = await csrInProcess(["-C", repo, "changes", "2026-11-01", DAY, "--format", "csv"], { lang: null });
    expect(row(changes.stdout)).toEqual(["文件,换版,CS/QP-006,设计和开发控制程序,秘密,A/0,A/1,补充雷达天线罩外委试验要求（更改页：P2）,编制：李娜 2026-11-16；审核：张伟 2026-11-17；批准：王强 2026-11-19,2026-11-20"]);
  });

  it("publishes its withdrawal without the reason, in the change report (page, csv, xlsx) and the obsolete list alike, with its day and successor; csr changes keeps it", async () => {
    const repo = gjbRepo();
    const path = join(repo, "documents/CS_QP-006.yaml");
    const withdrawal = "status: obsolete\nobsolete: { date: 2026-11-20, reason: 雷达天线罩外委试验改由CS/WI-101规定, superseded_by: CS/WI-101 }\n";
    writeFileSync(path, readFileSync(path, "utf8").replace("status: released\n", withdrawal));
    git(repo, ["commit", "-qam", "作废 CS/QP-006"], { GIT_AUTHOR_DATE: `${DAY}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${DAY}T10:00:00+08:00` });
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
    const files = filesOf(out);
    expect(files.filter((f) => readFileSync(join(out, f)).includes("雷达天线罩")).sort()).toEqual([]);
    for (const register of ["changes", "obsolete"]) {
      const xlsx = execFileSync("unzip", ["-p", join(out, `registers/${register}.xlsx`)]).toString("utf8");
      expect([register, xlsx.includes("雷达天线罩"), xlsx.includes("（密级文件，作废原因不在网站上发布）")]).toEqual([register, false, true]);
    }
    const row = (csv: string) => csv.split(/\r?\n/).filter((l) => l.includes("CS/QP-006"));
    expect(row(readFileSync(join(out, "registers/changes.csv"), "utf8"))).toEqual(["文件,作废,CS/QP-006,设计和开发控制程序,秘密,A/0,作废,（密级文件，作废原因不在网站上发布） → CS/WI-101,2026-11-20"]);
    expect(row(readFileSync(join(out, "registers/obsolete.csv"), "utf8"))).toEqual([expect.stringContaining(",2026-11-20,（密级文件，作废原因不在网站上发布）,CS/WI-101 ")]);
    const changes = await csrInProcess(["-C", repo, "changes", "2026-11-01", DAY, "--format", "csv"], { lang: null });
    expect(row(changes.stdout)).toEqual(["文件,作废,CS/QP-006,设计和开发控制程序,秘密,A/0,作废,雷达天线罩外委试验改由CS/WI-101规定 → CS/WI-101,2026-11-20"]);
  });

  it("shows a CSR's section of it as the CSR gives it, without the document's own section title or a link into it, and judges a pinned link on its text", async () => {
    const repo = copyFixture("examples/acme-auto");
    expect((await csrInProcess(["-C", repo, "address", "--pin-all", "--date", DAY], { lang: null })).code).toBe(0);
    const csr = join(repo, "csr/BCM/BCM-002.yaml");
    writeFileSync(csr, readFileSync(csr, "utf8").replace("    section: 5.5 外部实验室\n", '    section: "5.5"\n'));
    const procedure = join(repo, "documents/procedures/QP-006.yaml");
    writeFileSync(procedure, readFileSync(procedure, "utf8").replace("status: released\n", "status: released\nclassification: 秘密\n"));
    const shown = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", shown, "--today", DAY], { lang: null })).code).toBe(0);
    const report = readFileSync(join(shown, "csr/BCM-002.html"), "utf8");
    expect(report).not.toContain("#section-5.5");
    expect([...report.matchAll(/5\.5[^<]*/g)].map((m) => m[0])).toEqual(["5.5"]);
    const matrix = readFileSync(join(shown, "registers/csr-matrix.csv"), "utf8").split(/\r?\n/);
    expect(matrix.find((row) => row.startsWith("BCM-002,"))).toContain(',QP-006,"=""5.5""",A/1,设备与监视测量资源管理程序,已确认,S3、S4,');
    // Its emptied text would read as changed: the link is judged on the text the site does not show (BCM-002's, DYA-005's two).
    const links = matrix.filter((row) => row.includes(",QP-006,"));
    expect(links.length).toBe(3);
    for (const row of links) expect(row).toMatch(/,已确认(,|$)/);
  });

  it("marks a section of it that is gone on the CSR's review report page as csr render marks it, judged on the text the site does not show (site51 #4a)", async () => {
    const repo = copyFixture("examples/acme-auto");
    const procedure = join(repo, "documents/procedures/QP-006.yaml");
    writeFileSync(procedure, readFileSync(procedure, "utf8").replace("status: released\n", "status: released\nclassification: 秘密\n"));
    // BCM-002 is addressed in QP-006 5.5 外部实验室; QP-006 has no 5.9 and no section 追溯记录.
    const csr = join(repo, "csr/BCM/BCM-002.yaml");
    writeFileSync(csr, readFileSync(csr, "utf8").replace("    section: 5.5 外部实验室\n", "    section: 5.9 追溯记录\n"));
    const rendered = await csrInProcess(["-C", repo, "render", "BCM-002", "--format", "html", "--out", "out", "--today", DAY], { lang: null });
    expect(rendered.code).toBe(0);
    // The report's 落实文件 line (the page's findings name the place too: 落实于 QP-006 5.9（未找到该章节）).
    const place = (html: string) => [...html.matchAll(/QP-006(?:<\/a>)? [^<]* 章节 [^<]*/g)].map((m) => m[0].replace("</a>", ""));
    expect(place(readFileSync(join(repo, "out/BCM-002.review.zh-CN.html"), "utf8"))).toEqual(["QP-006 设备与监视测量资源管理程序（A/1） 章节 5.9（未找到该章节）"]);
    const shown = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", shown, "--today", DAY], { lang: null })).code).toBe(0);
    // Was "章节 5.9", unmarked: the site's copy of QP-006 has no sections to look it up in.
    const report = readFileSync(join(shown, "csr/BCM-002.html"), "utf8");
    expect(place(report)).toEqual(["QP-006 设备与监视测量资源管理程序（A/1） 章节 5.9（未找到该章节）"]);
    expect(report).not.toContain("QP-006.html#section-");
  });

  it("publishes a CSR's section of it by number alone, also where the CSR file gives the title, and csr address records the number alone (tester25 F2)", async () => {
    const repo = copyFixture("examples/acme-auto");
    const procedure = join(repo, "documents/procedures/QP-006.yaml");
    const marked = readFileSync(procedure, "utf8").replace("status: released\n", "status: released\nclassification: 秘密\n");
    writeFileSync(procedure, marked.replace("      - title: 外部实验室\n", "      - title: 雷达罩外委试验\n"));
    // A link written before csr address recorded numbers alone (or by hand), with the section's title.
    const csr = join(repo, "csr/BCM/BCM-002.yaml");
    writeFileSync(csr, readFileSync(csr, "utf8").replace("    section: 5.5 外部实验室\n", "    section: 5.5 雷达罩外委试验\n"));
    const added = await csrInProcess(["-C", repo, "address", "BCM-001", "QP-006", "--section", "雷达罩外委试验", "--by", "xuht", "--date", DAY, "-y"], { lang: null });
    expect([added.code, added.stdout]).toEqual([0, "BCM-001：已在 QP-006 5.5 中落实。\nQP-006 的密级为秘密：章节只按编号记录，登记表和站点页面都不引用其标题。\n"]);
    expect(doc(repo, "csr/BCM/BCM-001.yaml").addressed).toEqual([{ document: "QP-006", section: "5.5", pin: expect.any(Object) }]);
    const shown = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", shown, "--today", DAY], { lang: null })).code).toBe(0);
    expect(filesOf(shown).filter((f) => readFileSync(join(shown, f)).includes("雷达罩外委试验"))).toEqual([]);
    // DYA-005's link to 5.5 外部实验室 is now an error whose message names the section's new title: withheld, with its rule.
    expect(readFileSync(join(shown, "findings.html"), "utf8")).toContain("该发现项说明引用了秘密级以上文件 QP-006 的章节标题，不在网站上发布：请在本机运行 csr check 查看（规则 csr/section-missing）。");
    // BCM-001's link, made just now, is confirmed, as the matrix says.
    expect(readFileSync(join(shown, "registers/csr-list.csv"), "utf8").match(/,QP-006 A\/1 5\.5[^,]*,/g)).toEqual([",QP-006 A/1 5.5（已确认）,", ",QP-006 A/1 5.5,"]);
    for (const args of [["list", "csr", "--format", "csv"], ["matrix", "csr", "--format", "csv"], ["matrix", "csr", "--format", "csv", "--lang", "en"]]) {
      const listed = await csrInProcess(["-C", repo, ...args, "--today", DAY], { lang: null });
      expect([listed.code, listed.stdout.includes("QP-006 A/1 5.5") || /QP-006,"=""5\.5""",/.test(listed.stdout), listed.stdout.includes("雷达罩外委试验")]).toEqual([0, true, false]);
    }
  });

  it("publishes the body of a document marked 内部", async () => {
    const repo = gjbRepo();
    const path = join(repo, "documents/CS_QP-006.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("classification: 秘密\n", ""));
    const out = join(tempDir(), "site");
    const built = await csrInProcess(["-C", repo, "site", "--out", out, "--today", DAY], { lang: null });
    expect(built.stderr).toMatch(/^已生成网站：\d+ 个页面，\d+ 个文件（zh-CN）；csr check/);
    expect(readFileSync(join(out, "documents/CS_QP-006.html"), "utf8")).toContain(SECRET_BODY);
  });
});

describe("csr render of a 秘密 and of an external document", () => {
  it("prints a notice that names the 密级, not the organisation's notice for internal documents", async () => {
    const repo = gjbRepo();
    const qms = join(repo, "qms.yaml");
    writeFileSync(qms, readFileSync(qms, "utf8") + "confidentiality: 本文件为测试电子技术有限公司内部受控文件，未经批准不得外借、复印。\n");
    const render = async (id: string, ...args: string[]) => {
      const out = join(tempDir(), "print.md");
      const rendered = await csrInProcess(["-C", repo, "render", id, "--format", "md", "--out", out, ...args], { lang: null });
      expect(rendered.code).toBe(0);
      return readFileSync(out, "utf8");
    };
    const secret = await render("CS/QP-006");
    expect(secret).toContain("本文件密级为秘密，按国家保密法律法规和本单位保密制度管理：未经批准不得复制、摘抄、外借，严禁在连接互联网的计算机上存储或处理。");
    expect(secret).not.toContain("内部受控文件");
    // Its draft, printed for 会签 with the new text, carries the same notice (tester57 E11).
    expect((await csrInProcess(["-C", repo, "submit", "CS/QP-006", "--by", "zhang", "-y"], { lang: null })).code).toBe(0);
    const draft = await render("CS/QP-006", "--draft");
    expect(draft.split("\n").filter((l) => l.startsWith("> 本文件"))).toEqual(["> 本文件密级为秘密，按国家保密法律法规和本单位保密制度管理：未经批准不得复制、摘抄、外借，严禁在连接互联网的计算机上存储或处理。"]);
    // The organisation's notice, as a print without --copy gives it: not a controlled copy, so without 受控 (tester67a A6).
    expect(await render("CS/WI-101")).toContain("\n> 本文件为测试电子技术有限公司内部文件，未经批准不得外借、复印。\n");
    // That notice calls the unmarked work instruction 内部, which its register does not: csr check says so (tester55 C3).
    const { findings } = await checkJsonInProcess(repo, "--today", DAY);
    expect(findings.filter((f) => f.rule === "config/notice-claims-classification").map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "qms.yaml:35:18 warning The confidentiality notice (confidentiality in qms.yaml), printed on every controlled copy of the organisation's documents, calls them Internal (内部), but 1 released document is not marked so: CS/WI-101. Its controlled copies disagree with the document list, csr show and the site about its 密级. Mark it as the notice says: classification: 内部 for its level (3) under document_layouts in qms.yaml, or csr set <document> --classification 内部 (register data, no new revision); if it truly is not Internal (内部), reword the notice (csr organisation update --confidentiality …).",
    ]);
    expect((await csrInProcess(["-C", repo, "numbering", "add", "*", "--kind", "external", "-y"], { lang: null })).code).toBe(0);
    const added = await csrInProcess(["-C", repo, "new", "external", "--number", "GJB 5000B-2021", "--title", "军用软件能力成熟度模型", "--department", "QA", "--publisher", "中央军委装备发展部", "--issued", "2021-12-01", "--effective", "2027-03-01", "--received", "2026-11-02", "-y"], { lang: null });
    expect(added.code).toBe(0);
    const external = await render("GJB 5000B-2021", "--today", "2027-03-01");
    expect(external).toContain("本文件为外来文件，由发布单位编写和批准");
    // It is not one of the organisation's internal documents: csr's own notice, printed without --copy as a reference print of an
    // external document (tester67a A6), not as the organisation's own (本公司文件).
    expect(external).toContain("> 本文件为外来文件，未经许可不得外借、复印。");
    expect(external).not.toContain("内部受控文件");
    // Printed before its 实施日期, the copy says it is not yet in force, as the external document list does.
    expect(external.split("\n").filter((l) => l.includes("待实施"))).toEqual([]);
    const early = await render("GJB 5000B-2021", "--today", "2026-12-01");
    expect(early.split("\n").filter((l) => l.includes("待实施"))).toEqual(["**待实施：本文件自 2027-03-01 起实施。**"]);
  });
});

describe("csr new and csr set --classification", () => {
  it("csr new writes the 密级 given, after the department", async () => {
    const repo = gjbRepo();
    const made = await csrInProcess(["-C", repo, "new", "instruction", "--title", "涉密载体管理细则", "--department", "QA", "--classification", "机密级", "-y"], { lang: null });
    expect(made.code).toBe(0);
    expect(Object.keys(doc(repo, "documents/CS_WI-102.yaml")).slice(0, 7)).toEqual(["id", "title", "level", "kind", "department", "classification", "status"]);
    expect(doc(repo, "documents/CS_WI-102.yaml").classification).toBe("机密");
  });

  it("csr set changes a released document's 密级 as register data, without a revision", async () => {
    const repo = gjbRepo();
    const set = await csrInProcess(["-C", repo, "set", "CS/WI-101", "--classification", "秘密", "-y"], { lang: null });
    expect(set.stdout).toBe(
      "已修改 CS/WI-101 焊接作业指导书（documents/CS_WI-101.yaml）：\n  密级：秘密\n这些是 CS/WI-101 的登记数据，不属于文件内容，不需要发布新版本。\n已写入 documents/CS_WI-101.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect(set.code).toBe(0);
    const text = readFileSync(join(repo, "documents/CS_WI-101.yaml"), "utf8");
    expect(text.split("\n").slice(5, 8)).toEqual(["department: RD", "classification: 秘密", "status: released"]);
    // Lowering it (降密) is an authorised act: csr asks who authorised it and on what grounds, and records both (tester57 E1).
    const unauthorised = await csrInProcess(["-C", repo, "set", "CS/QP-006", "--classification", "内部", "-y"], { lang: null });
    expect(unauthorised).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: CS/QP-006 的密级由 秘密 降为 内部 是降密，须写明批准人和依据：请加上 --by <批准人> --reason <依据>（如 保密委员会 2026-12-03 降密审批单），csr 把它们记入 classification_changes。\n",
    });
    const again = await csrInProcess(["-C", repo, "set", "CS/QP-006", "--classification", "内部", "--by", "张伟", "--reason", "降密审批单 BM-2026-07", "-y"], { lang: null });
    expect(again.stdout.split("\n").slice(1, 3)).toEqual(["  密级：内部（原为 秘密）", `  降密记录：${today()} 秘密 → 内部，批准人 张伟，依据：降密审批单 BM-2026-07`]);
    expect(doc(repo, "documents/CS_QP-006.yaml").classification).toBe("内部");
    expect(doc(repo, "documents/CS_QP-006.yaml").classification_changes).toEqual([{ date: today(), from: "秘密", to: "内部", by: "zhang", reason: "降密审批单 BM-2026-07" }]);
    // csr changes lists it, with who authorised it and the grounds, by its date (the working tree's record).
    const changes = JSON.parse((await csrInProcess(["-C", repo, "changes", today(), today(), "--format", "json"])).stdout) as { changes: Record<string, unknown>[] };
    expect(changes.changes.filter((c) => c.kind === "declassified")).toEqual([{ area: "document", kind: "declassified", id: "CS/QP-006", title: expect.any(String), from: "秘密", to: "内部", detail: "zhang", remark: "降密审批单 BM-2026-07", date: today() }]);
    expect((await csrInProcess(["-C", repo, "set", "CS/QP-006", "--classification", "秘密", "--by", "张伟", "-y"], { lang: null })).stderr).toBe("csr: --by 用于降低密级时写明批准人，而此处没有降低 CS/QP-006 的密级。\n");
    const same = await csrInProcess(["-C", repo, "set", "CS/QP-006", "--classification", "内部", "-y"], { lang: null });
    expect([same.code, same.stdout]).toEqual([0, "CS/QP-006 已是如此，没有更改。\n"]);
    // No doc/revision-not-bumped: the 密级 is not content.
    const { findings } = await checkJsonInProcess(repo, "--base", "HEAD", "--today", DAY);
    expect(findings.filter((f) => f.rule.startsWith("doc/revision"))).toEqual([]);
    // The lowering is on record: no doc/classification-lowered; the same lowering by hand is reported.
    expect(findings.filter((f) => f.rule === "doc/classification-lowered")).toEqual([]);
    git(repo, ["checkout", "--", "documents/CS_QP-006.yaml"]);
    writeFileSync(join(repo, "documents/CS_QP-006.yaml"), readFileSync(join(repo, "documents/CS_QP-006.yaml"), "utf8").replace("classification: 秘密", "classification: 内部"));
    const hand = await checkJsonInProcess(repo, "--base", "HEAD", "--today", DAY);
    expect(hand.findings.filter((f) => f.rule === "doc/classification-lowered").map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "documents/CS_QP-006.yaml:8:17 error The 密级 of CS/QP-006 was lowered from Confidential (秘密) to Internal (内部) since HEAD, with no record of it (no new classification_changes entry to Internal (内部)). Lowering a 密级 must be authorised: record who authorised it and the grounds with 'csr set CS/QP-006 --classification 内部 --by <approver> --reason <grounds>', or put the 密级 back.",
    ]);
  });

  it("csr site says on the document's page that its 密级 was lowered, when, from and to what, by whom and on what grounds, in both languages", async () => {
    const repo = gjbRepo();
    expect((await csrInProcess(["-C", repo, "set", "CS/QP-006", "--classification", "内部", "--by", "张伟", "--reason", "降密审批单 BM-2026-07", "-y"], { lang: null })).code).toBe(0);
    const items = (out: string) => [...readFileSync(join(out, "documents/CS_QP-006.html"), "utf8").matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]!).filter((item) => item.includes("BM-2026-07"));
    const zh = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", zh], { lang: null })).code).toBe(0);
    expect(items(zh)).toEqual([`<a href="../people/zhang.html">降密：${today()} 由秘密降为内部，批准人 张伟，依据：降密审批单 BM-2026-07</a>`]);
    const en = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", en])).code).toBe(0);
    expect(items(en)).toEqual([`<a href="../people/zhang.html">Declassified: ${today()}, from Confidential (秘密) to Internal (内部), authorised by Zhang Wei; grounds: 降密审批单 BM-2026-07</a>`]);
    // A site of a day before it: the document was then 秘密, and its page (register data only) says nothing of a lowering.
    const before = join(tempDir(), "site");
    expect((await csrInProcess(["-C", repo, "site", "--out", before, "--today", DAY], { lang: null })).code).toBe(0);
    expect(items(before)).toEqual([]);
  });

  it("refuses a value that is no 密级 in one line, for both commands", async () => {
    const repo = gjbRepo();
    for (const args of [["set", "CS/WI-101"], ["new", "instruction", "--title", "细则", "--department", "QA"]]) {
      const refused = await csrInProcess(["-C", repo, ...args, "--classification", "3", "-y"], { lang: null });
      expect([refused.code, refused.stdout, refused.stderr]).toEqual([2, "", "csr: --classification 必须是密级 非密、公开、内部、秘密、机密、绝密 之一；实际为 '3'。\n"]);
    }
  });
});

describe("csr import of a register with a 密级 column", () => {
  it("reads it into classification, leaves out the layout's default, and refuses a row with a value it cannot read", async () => {
    const repo = gjbRepo();
    writeFileSync(join(repo, "reg.csv"), "序号,程序文件名称,文件编号,归口部门,密\n1,保密管理程序,CS/QP-030,质量部,秘密级\n2,文件控制程序,CS/QP-031,质量部,内部\n3,记录控制程序,CS/QP-032,质量部,3\n4,采购控制程序,CS/QP-033,质量部,\n");
    const imported = await csrInProcess(["-C", repo, "import", "reg.csv", "--as", "procedures"], { lang: null });
    expect(imported.stdout).toContain("第 4 行：“密”中的 '3' 不是密级 非密、公开、内部、秘密、机密、绝密 之一，请更正该单元格后重新导入（该行未导入）\n");
    expect(imported.stdout).not.toContain("未导入的列");
    expect(doc(repo, "documents/CS_QP-030.yaml").classification).toBe("秘密");
    // 内部 is the level-2 layout's default: printed without a field of its own.
    expect(doc(repo, "documents/CS_QP-031.yaml").classification).toBeUndefined();
    expect(doc(repo, "documents/CS_QP-033.yaml").classification).toBeUndefined();
    expect(readdirSync(join(repo, "documents")).includes("CS_QP-032.yaml")).toBe(false);
  });
});

describe("registers with a 密级 column", () => {
  it("the controlled document list and the GJB procedure list show each document's 密级 (its own, else its layout's)", async () => {
    const repo = gjbRepo();
    const documents = await csrInProcess(["-C", repo, "list", "documents", "--format", "csv", "--today", DAY], { lang: null });
    const rows = documents.stdout.trim().split("\n").map((l) => l.split(","));
    const column = rows[0]!.indexOf("密级");
    expect(rows.map((r) => [r[2], r[column]])).toEqual([["文件编号", "密级"], ["CS/QP-006", "秘密"], ["CS/WI-101", ""]]);
    const procedures = await csrInProcess(["-C", repo, "list", "procedures", "--format", "csv", "--today", DAY], { lang: null });
    expect(procedures.stdout.split("\r\n")[0]).toBe("\ufeff序号,程序文件,文件编号,版本/版次,密级,编制,审核,会签,标准化审查,批准,军代表,发布日期,归口部门,对应条款,三级文件,四级表单,备注");
    // A list without a marked document (here: none in draft) keeps the whole register's columns (tester15 #7).
    const drafts = await csrInProcess(["-C", repo, "list", "documents", "--status", "draft", "--format", "csv", "--today", DAY], { lang: null });
    expect(drafts.stdout.split("\n")[0]!.split(",")).toContain("密级");
  });

  it("an IATF repository's lists have no 密级 column", async () => {
    const repo = minimalRepo();
    const documents = await csrInProcess(["-C", repo, "list", "documents", "--format", "csv"], { lang: null });
    expect(documents.stdout.split("\n")[0]).not.toContain("密级");
  });
});

describe("a hand-typed 密级 csr does not know", () => {
  it("is an error of csr check at its place, and the file csr list leaves out", async () => {
    const repo = gjbRepo();
    const path = join(repo, "documents/CS_QP-006.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("classification: 秘密", "classification: 3"));
    const { findings } = await checkJsonInProcess(repo, "--today", DAY);
    expect(findings.filter((f) => f.file === "documents/CS_QP-006.yaml" && f.line === 8).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}`)).toEqual([
      "documents/CS_QP-006.yaml:8:17 error schema/invalid-value",
      "documents/CS_QP-006.yaml:8:17 warning yaml/number-as-text",
    ]);
    const list = await csrInProcess(["-C", repo, "list", "documents", "--today", DAY], { lang: null });
    expect([list.code, list.stderr]).toEqual([1, "csr: 有 1 个文件无法读取，未列入（documents/CS_QP-006.yaml）；运行 'csr check' 查看详情。\n"]);
  });

  it("a file with a warning only is read: csr list lists it and says nothing is left out", async () => {
    const repo = gjbRepo();
    const path = join(repo, "documents/CS_WI-101.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("title_en: Soldering work instruction", "title_en: 4.10"));
    const list = await csrInProcess(["-C", repo, "list", "documents", "--today", DAY], { lang: null });
    expect([list.code, list.stderr]).toEqual([0, ""]);
    expect(list.stdout).toContain("CS/WI-101");
    expect(list.stdout).not.toContain("未列入");
  });
});

describe("csr init --standard GJB9001C", () => {
  it("says where the site workflows publish, in its output and in each workflow", async () => {
    const dir = join(tempDir(), "gjb");
    const init = await csrInProcess(["init", dir, "--standard", "GJB9001C"], { lang: null });
    expect(init.stdout).toContain(
      "\nGJB 9001C：GitHub Pages、GitLab Pages 等在互联网上；秘密级以上文件只发布登记信息，其余内容仍属本单位内部资料：请按保密制度只在内部网络上发布。\n\n下一步：\n",
    );
    for (const file of [".github/workflows/csr-site.yml", ".gitea/workflows/csr-site.yml", ".gitlab-ci.yml"]) {
      expect(readFileSync(join(dir, file), "utf8")).toContain("# 注意（GJB 9001C）：GitHub Pages、GitLab Pages 等是互联网上的公开网站。");
    }
    const iatf = join(tempDir(), "iatf");
    const plain = await csrInProcess(["init", iatf], { lang: null });
    expect(plain.stdout).not.toContain("GJB");
    // Every repository is told, before its first push, that the site is confidential and published only on request.
    expect(plain.stdout).toContain(
      "\n\n注意：网站（csr site）包含顾客的 CSR 和本公司的保密信息，CI 文件默认不发布；把网站的访问限制为项目成员后，才设置 CI 变量 CSR_PUBLISH_SITE=true（见 .gitlab-ci.yml 和 csr-site.yml 中的说明）。\n\n下一步：\n",
    );
    expect(readFileSync(join(iatf, ".github/workflows/csr-site.yml"), "utf8")).not.toContain("GJB");
  });
});

