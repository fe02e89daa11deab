/**
 * The 密级 of what the change report and the external document list name (tester52 D6, the rest):
 * a GJB 变更报告 quotes a classified CSR's reasons and evidence, and a GJB 外来文件清单 lists the
 * classified 订货合同 and 技术协议 the CSRs come from; each marks its rows as the CSR list does.
 */
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { builtOnce, commitAt, committedFixture, csr, csrInProcess, git, tempDir } from "../helpers.js";

const DAY = "2026-12-04";
const SOURCE = ["source", "add", "NES", "--id", "NES-HT2026-01", "--title", "XX型电源模块订货合同技术协议", "--revision", "1.0", "--issued", "2026-11-10", "--received", "2026-11-16"];
const ADD = ["add", "--customer", "NES", "--source", "NES-HT2026-01", "--clause", "GJB9001C:8.5.1", "--category", "质量保证要求", "--received", "2026-11-16"];

/**
 * examples/gjb-demo under git with a 秘密 contract, NES-001 and NES-002 registered from it, NES-001
 * decided late, implemented and superseded by NES-002, each with a free text that names itself.
 */
const classifiedRepo = builtOnce(async () => {
  const dir = committedFixture("examples/gjb-demo");
  const run = async (args: string[]) => expect((await csrInProcess(["-C", dir, ...args, "-y"], { lang: null })).stderr).toBe("");
  await run([...SOURCE, "--classification", "秘密"]);
  await run([...ADD, "--section", "6.2", "--title", "关键工序100%检验并军检", "--text", "关键工序完成后100%检验"]);
  await run([...ADD, "--section", "6.3", "--title", "关键件军检", "--text", "关键件须经军代表检验验收"]);
  for (const [department, reviewer] of [["SAL", "tangl"], ["RD", "yangf"], ["QA", "chenhw"]] as const) {
    await run(["review", "NES-001", "--department", department, "--reviewer", reviewer, "--opinion", "accept", "--date", "2026-12-02"]);
  }
  await run(["review", "NES-001", "--disposition", "must", "--by", "liuzm", "--late-reason", "LATESECRET 等待顾客澄清军检范围", "--military-representative", "wangjd", "--date", "2026-12-03"]);
  await run(["implement", "NES-001", "--owner", "chenhw", "--due", "2026-12-31", "--evidence", "EVIDSECRET 低温试验报告", "--implemented", "2026-12-03"]);
  await run(["supersede", "NES-001", "--by", "NES-002", "--reason", "SUPERSECRET 与 NES-002 重复登记", "--date", DAY]);
  commitAt(dir, DAY, "NES 合同要求");
  return dir;
});

let classifiedSiteBuilt: string | undefined;
/** The site of classifiedRepo() on DAY, built once by the binary for the tests that read it (the repository is the same each time). */
async function classifiedSite(): Promise<string> {
  if (!classifiedSiteBuilt) {
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", await classifiedRepo(), "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
    classifiedSiteBuilt = out;
  }
  return classifiedSiteBuilt;
}

const csvRows = (text: string) => text.replace(/^\ufeff/, "").split(/\r?\n/).filter(Boolean);
const read = (path: string) => readFileSync(path, "utf8");
/** A workbook's sheets and shared strings, inflated. */
const workbook = (path: string) => Object.values(unzipSync(readFileSync(path))).map((b) => strFromU8(b)).join("\n");
const filesOf = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesOf(join(dir, name)).map((f) => `${name}/${f}`) : [name]));

describe("csr changes", () => {
  it("has a 密级 column when a row's CSR, source or document is marked, in every format, and quotes the classified CSR's reasons beside it", async () => {
    const dir = await classifiedRepo();
    const report = async (format: string, lang: "zh-CN" | "en" | null = null) => (await csrInProcess(["-C", dir, "changes", "2026-11-01", DAY, "--format", format], { lang })).stdout;
    expect(csvRows(await report("csv"))).toEqual([
      "类别,变更,编号,名称,密级,变更前,变更后,说明,日期",
      "顾客要求,新增,NES-001,关键工序100%检验并军检,秘密,,NES-HT2026-01 1.0,顾客：北方电子系统研究所，来源：NES-HT2026-01 1.0 6.2，评审期限 2026-11-30,2026-11-16",
      "顾客要求,新增,NES-002,关键件军检,秘密,,NES-HT2026-01 1.0,顾客：北方电子系统研究所，来源：NES-HT2026-01 1.0 6.3，评审期限 2026-11-30,2026-11-16",
      "顾客要求,已决定,NES-001,关键工序100%检验并军检,秘密,,必须满足,决定人：刘志明；逾期 3 个工作日（评审期限 2026-11-30）；逾期原因：LATESECRET 等待顾客澄清军检范围,2026-12-03",
      // The 军代表's signature of the review report, to the disposition signed (tester56 D12).
      "顾客要求,军代表签字,NES-001,关键工序100%检验并军检,秘密,,必须满足,军代表：王建东,2026-12-03",
      "顾客要求,已实施,NES-001,关键工序100%检验并军检,秘密,,已实施,负责人：陈宏伟；证据：EVIDSECRET 低温试验报告,2026-12-03",
      "顾客要求,已替代,NES-001,关键工序100%检验并军检,秘密,,NES-002,SUPERSECRET 与 NES-002 重复登记,2026-12-04",
      '顾客来源文件,新增,NES-HT2026-01,XX型电源模块订货合同技术协议,秘密,,"=""1.0""",顾客：北方电子系统研究所，发布日期 2026-11-10,2026-11-16',
    ]);
    expect((await report("table")).split("\n")[2]).toMatch(/^类别 +变更 +编号 +名称 +密级 +变更前 +变更后 +说明 +日期$/);
    const md = await report("md");
    expect(md).toContain("| 类别 | 变更 | 编号 | 名称 | 密级 | 变更前 | 变更后 | 说明 | 日期 |");
    expect(md).toContain("| 顾客要求 | 已替代 | NES-001 | 关键工序100%检验并军检 | 秘密 |  | NES-002 | SUPERSECRET 与 NES-002 重复登记 | 2026-12-04 |");
    expect(await report("html")).toContain('<span class="nobr">名称</span></th><th class="code"><span class="nobr">密级</span></th>');
    const english = csvRows(await report("csv", "en"));
    expect(english[0]).toBe("Area,Change,ID,Title,Classification,Before,After,Detail,Date");
    expect(english[1]).toContain(",NES-001,关键工序100%检验并军检,Confidential (秘密),");
    const xlsx = join(tempDir(), "changes.xlsx");
    expect((await csrInProcess(["-C", dir, "changes", "2026-11-01", DAY, "--out", xlsx], { lang: null })).code).toBe(0);
    expect(workbook(xlsx)).toContain('<c r="D2" s="2" t="str"><v>名称</v></c><c r="E2" s="2" t="str"><v>密级</v></c>');
    expect(workbook(xlsx).match(/<c r="E\d+" [^>]*><v>秘密<\/v>/g)).toHaveLength(7);
  });

  it("marks a CSR removed between two commits with the 密级 it had", async () => {
    const dir = join(tempDir(), "repo");
    cpSync(await classifiedRepo(), dir, { recursive: true });
    git(dir, ["rm", "-q", "csr/NES/NES-002.yaml"]);
    commitAt(dir, "2026-12-05", "删除 NES-002");
    const rows = csvRows((await csrInProcess(["-C", dir, "changes", "HEAD~1", "HEAD", "--format", "csv"], { lang: null })).stdout);
    expect(rows[0]).toBe("类别,变更,编号,名称,密级,变更前,变更后,说明,日期");
    expect(rows.filter((row) => row.includes("NES-002"))).toEqual(["顾客要求,删除,NES-002,关键件军检,秘密,NES,,,"]);
  });

  it("csr site's copy keeps the column and withholds every free text written about a 秘密 CSR: the evidence, the reason superseded, the late reason", async () => {
    const out = await classifiedSite();
    const contents = (f: string) => (f.endsWith(".xlsx") ? workbook(join(out, f)) : read(join(out, f)));
    expect(filesOf(out).filter((f) => /SECRET/.test(contents(f)))).toEqual([]);
    const rows = csvRows(read(join(out, "registers/changes.csv")));
    expect(rows[0]).toBe("类别,变更,编号,名称,密级,变更前,变更后,说明,编制/审核/批准,日期");
    expect(rows.filter((row) => /已实施|已替代/.test(row))).toEqual([
      "顾客要求,已实施,NES-001,（密级为秘密，不在网站上发布）,秘密,,已实施,负责人：陈宏伟；证据：（密级为秘密，不在网站上发布）,,2026-12-03",
      "顾客要求,已替代,NES-001,（密级为秘密，不在网站上发布）,秘密,,NES-002,（密级为秘密，不在网站上发布）,,2026-12-04",
    ]);
    // gjb-demo's manual is 内部 by its layout: marked, published.
    expect(rows.find((row) => row.includes("CS/QM-001"))).toMatch(/^文件,换版,CS\/QM-001,质量手册,内部,B\/0,B\/1,/);
    expect(read(join(out, "registers/changes.html"))).toContain('<span class="nobr">名称</span></th><th class="code"><span class="nobr">密级</span></th>');
    // The site withholds what is 秘密 instead of marking its pages (tester56 D3 is about paper).
    expect(filesOf(out).filter((f) => f.endsWith(".html") && read(join(out, f)).includes('class="marking"'))).toEqual([]);
    expect(workbook(join(out, "registers/changes.xlsx"))).toContain('<c r="D2" s="2" t="str"><v>名称</v></c><c r="E2" s="2" t="str"><v>密级</v></c>');
  });

  it("csr site withholds why a 秘密 CSR's review was opened again, as written in its history, on its page, the change report and the search index", async () => {
    const dir = join(tempDir(), "repo");
    cpSync(await classifiedRepo(), dir, { recursive: true });
    const run = async (args: string[]) => expect((await csrInProcess(["-C", dir, ...args, "-y"], { lang: null })).stderr).toBe("");
    for (const [department, reviewer] of [["SAL", "tangl"], ["RD", "yangf"], ["QA", "chenhw"]] as const) {
      await run(["review", "NES-002", "--department", department, "--reviewer", reviewer, "--opinion", "accept", "--date", "2026-11-20"]);
    }
    await run(["review", "NES-002", "--disposition", "must", "--by", "liuzm", "--date", "2026-11-23"]);
    await run(["source", "update", "NES-HT2026-01", "--revision", "1.1", "--received", DAY]);
    // The reason a reviewer writes for the round closed (as an import of a CSR list writes it), not csr's own.
    const file = join(dir, "csr/NES/NES-002.yaml");
    writeFileSync(file, read(file).replace('      revised_to: "1.1"\n', '      revised_to: "1.1"\n      reason: REOPENSECRET 顾客改了军检范围\n'));
    commitAt(dir, DAY, "NES-HT2026-01 1.1");
    expect(csvRows((await csrInProcess(["-C", dir, "changes", DAY, DAY, "--format", "csv"], { lang: null })).stdout).find((row) => row.includes("重新评审"))).toContain(",NES-002,关键件军检,秘密,");
    const out = join(tempDir(), "site");
    expect((await csrInProcess(["-C", dir, "site", "--out", out, "--today", DAY], { lang: null })).code).toBe(0);
    const contents = (f: string) => (f.endsWith(".xlsx") ? workbook(join(out, f)) : read(join(out, f)));
    expect(filesOf(out).filter((f) => /SECRET/.test(contents(f)))).toEqual([]);
    expect(read(join(out, "csr/NES-002.html"))).toContain("（密级为秘密，不在网站上发布）");
    // csr itself keeps it.
    expect((await csrInProcess(["-C", dir, "show", "NES-002"], { lang: null })).stdout).toContain("REOPENSECRET 顾客改了军检范围");
  });

  it("keeps its columns when nothing listed is marked (an IATF repository)", async () => {
    const dir = committedFixture("examples/acme-auto");
    // No 密级 column; 顾客通知/批准 for HH-F-052 A/2, notified to DYA (8D-2026-001).
    expect(csvRows((await csrInProcess(["-C", dir, "changes", "2025-01-01", DAY, "--format", "csv"], { lang: null })).stdout)[0]).toBe("类别,变更,编号,名称,变更前,变更后,说明,顾客通知/批准,编制/审核/批准,日期");
  });
});

describe("a printed register that quotes classified requirements (tester56 D3)", () => {
  it("is marked with the highest 密级 it carries on every page and sheet: the CSR list, the matrix, the review-timeliness register and the change report", async () => {
    const dir = await classifiedRepo();
    const run = async (...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
    const md = (await run("list", "csr", "--format", "md", "--today", DAY)).stdout;
    expect(md.split("\n").slice(0, 5)).toEqual(["**密级：秘密**", "", "## 顾客要求清单（共 2 项）", "", "湖南晨晟电子技术有限公司 ｜ 截至 2026-12-04"]);
    for (const args of [["matrix", "csr", "--today", DAY], ["list", "reviews", "--today", DAY], ["changes", "2026-11-01", DAY]]) {
      expect((await run(...args, "--format", "md")).stdout.split("\n")[0]).toBe("**密级：秘密**");
    }
    expect((await csrInProcess(["-C", dir, "list", "csr", "--format", "md", "--today", DAY], { lang: "en" })).stdout.split("\n")[0]).toBe("**Classification: Confidential (秘密)**");
    // Printed in three parts, each page's running header (the table's first header row) starts with it.
    const html = (await run("list", "csr", "--format", "html", "--today", DAY)).stdout;
    expect(html.match(/<tr class="running"><th colspan="\d+"><div class="marking">密级：秘密<\/div>/g)).toHaveLength(html.match(/<tr class="running">/g)!.length);
    expect(html.match(/<tr class="running">/g)!.length).toBeGreaterThan(1);
    const xlsx = join(tempDir(), "csr.xlsx");
    expect((await run("list", "csr", "--today", DAY, "--out", xlsx)).code).toBe(0);
    expect(workbook(xlsx)).toContain("<v>密级：秘密　顾客要求清单（共 2 项）</v>");
    expect(workbook(xlsx)).toContain("<oddHeader>&amp;L密级：秘密 · 湖南晨晟电子技术有限公司&amp;C");
    // A CSV has no heading: each row's 密级 column marks it, and stderr says what the file carries.
    const csv = await run("list", "csr", "--format", "csv", "--today", DAY);
    expect(csvRows(csv.stdout)[0]).toMatch(/^序号,编号,.*,类别,密级,/);
    expect(csv.stderr).toBe("csr: 这份 CSV 载有密级为秘密的内容（见各行的“密级”列）；CSV 只有表头和数据行，没有页眉可标密级：请按秘密载体标注和保管这个文件（文件名、存储介质）。\n");
    // Nothing marked, nothing said: an IATF list keeps its heading.
    const iatf = committedFixture("examples/acme-auto");
    const plain = await csrInProcess(["-C", iatf, "list", "csr", "--format", "md", "--today", DAY], { lang: null });
    expect(plain.stdout.split("\n")[0]).toBe("## 顾客特定要求清单（共 12 项）");
    expect((await csrInProcess(["-C", iatf, "list", "csr", "--format", "csv", "--today", DAY], { lang: null })).stderr).toBe("");
  });
});

describe("the 军代表's signature of a CSR's review report (tester56 D12)", () => {
  it("is in the GJB CSR list and matrix, who and when; an IATF list has no such column", async () => {
    const dir = await classifiedRepo();
    const rows = async (...args: string[]) => csvRows((await csrInProcess(["-C", dir, ...args, "--format", "csv", "--today", DAY], { lang: null })).stdout);
    const list = await rows("list", "csr", "--columns", "id,decidedBy,decided,militaryRepresentative,militaryRepresentativeSigned");
    expect(list).toEqual(["编号,决定人,决定日期,军代表,军代表签字日期,截至", "NES-001,刘志明,2026-12-03,王建东,2026-12-03,2026-12-04", "NES-002,,,,,2026-12-04"]);
    const matrix = await rows("matrix", "csr");
    expect(matrix[0]).toMatch(/,决定日期,及时性,军代表,军代表签字日期,/);
    expect(matrix[1]).toMatch(/^NES-001,.*,2026-12-03,逾期 3 个工作日,王建东,2026-12-03,/);
    const iatf = committedFixture("examples/acme-auto");
    expect(csvRows((await csrInProcess(["-C", iatf, "list", "csr", "--format", "csv", "--today", DAY], { lang: null })).stdout)[0]).not.toContain("军代表");
  });
});

describe("csr list external (外来文件清单)", () => {
  const HEADER = "序号,类别,文件编号,文件名称,密级,发布单位,版本,发布日期,实施日期,接收日期,状态,保管部门";

  it("has a 密级 column when a customer source or standard listed is marked, in every format and on csr site, where the customer's page marks its sources too", async () => {
    const dir = await classifiedRepo();
    const list = async (format: string, lang: "zh-CN" | "en" | null = null) => (await csrInProcess(["-C", dir, "list", "external", "--format", format, "--today", DAY], { lang })).stdout;
    const csv = csvRows(await list("csv"));
    expect(csv).toEqual([
      HEADER,
      // gjb-demo's own 技术协议 is 内部.
      "1,顾客文件,NES-JSXY-2025-07,XX型电源模块技术协议,内部,北方电子系统研究所,A,2025-06-20,,2025-07-02,现行,销售部",
      '2,顾客文件,NES-HT2026-01,XX型电源模块订货合同技术协议,秘密,北方电子系统研究所,"=""1.0""",2026-11-10,,2026-11-16,现行,未登记',
      '3,国家军用标准,GJB 9001C-2017,质量管理体系要求,,中央军委装备发展部,"=""2017""",2017-05-18,2017-07-01,2017-06-05,现行,质量部',
    ]);
    expect((await list("table")).split("\n")[2]).toMatch(/^序号 +类别 +文件编号 +文件名称 +密级 +发布单位 +版本 /);
    expect(await list("md")).toContain("| 2 | 顾客文件 | NES-HT2026-01 | XX型电源模块订货合同技术协议 | 秘密 | 北方电子系统研究所 | 1.0 |");
    expect(await list("html")).toContain('<span class="nobr">文件名称</span></th><th class="code"><span class="nobr">密级</span></th>');
    expect(csvRows(await list("csv", "en"))[2]).toContain(",NES-HT2026-01,XX型电源模块订货合同技术协议,Confidential (秘密),");
    const xlsx = join(tempDir(), "external.xlsx");
    expect((await csrInProcess(["-C", dir, "list", "external", "--today", DAY, "--out", xlsx], { lang: null })).code).toBe(0);
    expect(workbook(xlsx)).toContain('<c r="D2" s="2" t="str"><v>文件名称</v></c><c r="E2" s="2" t="str"><v>密级</v></c>');
    const out = await classifiedSite();
    expect(csvRows(read(join(out, "registers/external.csv"))).slice(0, 3)).toEqual(csv.slice(0, 3));
    // The customer's page, where a review report links to its source, marks each source's revisions the same way.
    const customer = read(join(out, "customers/NES.html"));
    expect(customer).toContain('<thead><tr><th scope="col">版本</th><th scope="col">密级</th><th scope="col">发布日期</th>');
    expect(customer).toContain('<tr><td>1.0</td><td>秘密</td><td class="date">2026-11-10</td>');
    expect(customer).toContain('<tr><td>A</td><td>内部</td><td class="date">2025-06-20</td>');
  });

  it("marks a standard by its own 密级, and keeps its columns when nothing listed is marked", async () => {
    const dir = committedFixture("examples/gjb-demo");
    expect((await csrInProcess(["-C", dir, "set", "GJB 9001C-2017", "--classification", "公开", "-y"], { lang: null })).code).toBe(0);
    expect(csvRows(csr(["-C", dir, "list", "external", "--format", "csv", "--today", DAY], { lang: null }).stdout)).toEqual([
      HEADER,
      "1,顾客文件,NES-JSXY-2025-07,XX型电源模块技术协议,内部,北方电子系统研究所,A,2025-06-20,,2025-07-02,现行,销售部",
      '2,国家军用标准,GJB 9001C-2017,质量管理体系要求,公开,中央军委装备发展部,"=""2017""",2017-05-18,2017-07-01,2017-06-05,现行,质量部',
    ]);
    const iatf = committedFixture("examples/acme-auto");
    expect(csvRows((await csrInProcess(["-C", iatf, "list", "external", "--format", "csv", "--today", DAY], { lang: null })).stdout)[0]).toBe(HEADER.replace(",密级", ""));
  });

  it("csr import --as external reads a 外来文件清单's 密级 into the standard's classification, and refuses csr's own list, which it computes", async () => {
    const dir = committedFixture("examples/gjb-demo");
    const paper = join(tempDir(), "外来文件清单.csv");
    writeFileSync(paper, ["序号,文件编号,文件名称,密级,发布单位,版本,发布日期,接收日期,保管部门", "1,GJB 1234-2020,某型电源专用规范,秘密级,中央军委装备发展部,2020,2020-05-18,2020-06-05,质量部", ""].join("\n"));
    const imported = await csrInProcess(["-C", dir, "import", paper, "--as", "external", "-y"], { lang: null });
    expect(imported.stdout).toContain("已写入 documents/GJB 1234-2020.yaml\n");
    expect(read(join(dir, "documents/GJB 1234-2020.yaml"))).toContain("kind: external\ndepartment: QA\nclassification: 秘密\n");
    expect(csvRows((await csrInProcess(["-C", dir, "list", "external", "--format", "csv", "--today", DAY], { lang: null })).stdout).find((row) => row.includes("GJB 1234-2020"))).toBe('2,国家军用标准,GJB 1234-2020,某型电源专用规范,秘密,中央军委装备发展部,"=""2020""",2020-05-18,,2020-06-05,现行,质量部');
    const own = join(tempDir(), "external.csv");
    expect((await csrInProcess(["-C", await classifiedRepo(), "list", "external", "--format", "csv", "--today", DAY, "--out", own], { lang: null })).code).toBe(0);
    const refused = await csrInProcess(["-C", await classifiedRepo(), "import", own, "--as", "external", "-y"], { lang: null });
    expect([refused.code, refused.stderr.split("\n")[0]]).toEqual([2, "csr: 工作表 csv 的列与 csr 的“外来文件清单”相同；该表由 csr 根据仓库中的文件计算得出，不是可导入的清单。"]);
  });
});
