import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { displayWidth } from "../../src/core/text.js";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";
import { read, validRepo } from "./fixture.js";

const FIXTURE = "test/fixtures/csr/valid";
const list = (...args: string[]) => csrInProcess(["-C", FIXTURE, "list", "--today", "2026-11-27", ...args], { lang: null });
const ids = (result: { stdout: string }) => (JSON.parse(result.stdout) as { rows: { id: string }[] }).rows.map((r) => r.id);

describe("csr list", () => {
  it("prints every CSR with derived status, due date and working days left, Chinese text aligned", async () => {
    const result = await list();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "顾客特定要求清单（共 10 项）",
        "",
        "编号     顾客代码  章节  条款             要求名称                      评审期限    剩余工作日  负责人  状态",
        "-------  --------  ----  ---------------  ----------------------------  ----------  ----------  ------  ------------",
        "DYA-001  DYA       4.2   8.3.3.3          特殊特性符号按顾客规定标识    2026-12-04  5                   已接收",
        "DYA-002  DYA       5.1   8.5.1.1          控制计划须经顾客批准          2026-12-04  5                   评审中",
        // A decided row keeps its deadline (tester52 D2).
        "DYA-003  DYA       6.3   8.5.4            包装须使用顾客周转箱          2026-12-04                      已决定",
        "DYA-004  DYA       4.3   8.3.3.3/8.5.1.1  关键特性须在作业指导书中标识  2026-12-04              王强    已落实到文件",
        "DYA-005  DYA       7.1   8.3.3.3          特殊特性清单每年评审          2026-12-04              王强    已实施",
        "DYA-006  DYA       7.2   8.3.3.3          特殊特性变更须通知顾客        2026-12-04              王强    已验证",
        "DYA-007  DYA       9.1   8.5.4            每批次附第三方检测报告        2026-12-04                      已拒绝",
        "DYA-008  DYA       9.4   8.5.4            出口包装熏蒸要求              2026-12-04                      不适用",
        "DYA-009  DYA       4.9   8.3.3.3          特殊特性用三角符号标识        2025-06-19                      已替代",
        "DYA-010  DYA       8.1   8.5.1.1          首件检验记录保存五年          2026-12-04                      已落实到文件",
        "",
        // DYA-009 was superseded undecided past its deadline: late, as the review-timeliness register counts it.
        "评审中逾期 0 项；逾期作出结论 0 项；逾期未决即被替代 1 项（DYA-009）。评审期限为当前评审轮次的期限，作出结论后仍列出；剩余工作日按 qms.yaml 的工作日历计算，只对评审中的要求列出，负数为逾期的工作日数。换版前的评审轮次见顾客特定要求评审及时性记录（csr list reviews）。",
        // Addressed only in a draft, as the CSR matrix names it (auditor17 F7).
        "尚未落实到文件的要求：DYA-003（WI-031 尚未发布）",
        "",
      ].join("\n"),
    );
    // Wide characters count two columns: every status starts in the column of its header.
    const [header, , ...rows] = result.stdout.split("\n").slice(2, 14);
    const column = (line: string, at: number) => displayWidth(line.slice(0, at));
    const starts = rows.map((line) => column(line, line.search(/已|评审中|不适用/)));
    expect(starts).toEqual(rows.map(() => column(header!, header!.indexOf("状态"))));
  });

  it("filters by status, customer, clause (with sub-clauses), owner and overdue review", async () => {
    expect(ids(await list("--format", "json", "--status", "addressed"))).toEqual(["DYA-004", "DYA-010"]);
    // One customer's list in the order of the customer's document (4.3, 5.1, 6.3, 8.1, 9.1, 9.4; tester64 N3); --sort id by number.
    expect(ids(await list("--format", "json", "--customer", "DYA", "--clause", "IATF16949:8.5"))).toEqual(["DYA-004", "DYA-002", "DYA-003", "DYA-010", "DYA-007", "DYA-008"]);
    expect(ids(await list("--format", "json", "--customer", "DYA", "--clause", "IATF16949:8.5", "--sort", "id"))).toEqual(["DYA-002", "DYA-003", "DYA-004", "DYA-007", "DYA-008", "DYA-010"]);
    expect(ids(await list("--format", "json", "--clause", "IATF16949:8.5.1.1", "--owner", "wang"))).toEqual(["DYA-004"]);
    // Reviewed late: DYA-009 superseded undecided past its deadline (tester52 D2), then DYA-001 and DYA-002 open past theirs.
    expect(ids(await list("--format", "json", "--overdue"))).toEqual(["DYA-009"]);
    expect(ids(await csrInProcess(["-C", FIXTURE, "list", "--today", "2026-12-07", "--overdue", "--format", "json"], { lang: null }))).toEqual(["DYA-001", "DYA-002", "DYA-009"]);
  });

  it("says in the title and a note that a filtered list is not the whole register, and names its CSV after the filters (auditor16 F25)", async () => {
    const filtered = await list("--format", "md", "--customer", "DYA", "--status", "addressed");
    const md = filtered.stdout;
    expect(md.split("\n")[0]).toMatch(/^## 顾客特定要求清单（顾客：.+；状态：已落实到文件；共 2 项）$/);
    expect(md).toMatch(/本表按条件筛选（顾客：.+；状态：已落实到文件），不是完整的顾客特定要求清单。 {2}\n/);
    // The command that lists the whole one is for the one who runs this one (tester23 F12).
    expect(filtered.stderr).toBe("完整的顾客特定要求清单：csr list csr。\n");
    expect((await list("--format", "md")).stdout.split("\n")[0]).toMatch(/^## 顾客特定要求清单（共 \d+ 项）$/);
    const out = join(tempDir(), "out") + "/";
    const csv = await list("--format", "csv", "--owner", "wang", "--out", out);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toMatch(/\ncsr: 这份 CSV 按条件筛选（实施负责人：.+），共 \d+ 行，不是完整的顾客特定要求清单；/);
    expect(readdirSync(out)).toEqual(["csr-wang.csv"]);
  });

  it("speaks English with --lang en, and writes JSON, CSV and Markdown", async () => {
    const english = await list("--format", "json", "--lang", "en", "--status", "in-review");
    const json = JSON.parse(english.stdout);
    expect(json.title).toBe("Customer-specific requirements list (status in review; 1 in total)");
    expect(json.columns.map((c: { header: string }) => c.header)).toEqual([
      "No.", "ID", "Customer", "Customer name", "Source document", "Source revision", "Section", "Clauses", "Title", "Requirement", "Category", "Received",
      "Review restarted", "Review due", "Working days left", "Disposition", "Decided by", "Decided on", "Justification", "Reason for delay", "Review record",
      "Review leader", "Owner", "Due", "Implementation status", "Addressed in", "Implemented on", "Evidence", "Verified by", "Verified on", "Distributed", "Training", "Superseded on",
      "Superseded because", "Superseded by", "Status",
    ]);
    expect(json.rows).toEqual([
      {
        no: 1, id: "DYA-002", customer: "DYA", customerName: "东岳越野车有限公司", source: "DYA-SQM", revision: "C", section: "5.1", clauses: "8.5.1.1",
        title: "控制计划须经顾客批准", text: "", category: "", received: "2026-11-20", restarted: null, reviewDue: "2026-12-04", daysLeft: 5, disposition: "", decidedBy: "",
        decided: null, justification: "", lateReason: "", reviewRecord: "", reviewLeader: "", owner: "", due: null, implementationStatus: "", addressed: "", implemented: null,
        evidence: "", verifiedBy: "", verified: null, distributed: "", training: "", superseded: null, supersededReason: "", supersededBy: "", status: "in review",
      },
    ]);
    expect(json.notes).toEqual(["This register is filtered (status in review) and is not the whole customer-specific requirements list.", "Reviews overdue, still open: 0; decided late: 0. Review due is the current review round's deadline, still listed once decided; working days left follow the calendar in qms.yaml and are shown while the review is open, a negative number being working days late. Rounds before a new source revision: the CSR review timeliness register (csr list reviews)."]);
    // How to add the English titles is for the one who runs the command, not a line of the register (tester23 F12).
    expect(english.stderr).toBe("2 cells are quoted as written in the organisation's records (Chinese); csr does not translate their text.\nThe whole customer-specific requirements list: csr list csr.\n1 CSR has no English title and is printed with its Chinese one: add it with 'csr set <id> --title-en <text>'.\n");
    expect((await list("--format", "csv", "--status", "rejected")).stdout).toBe(
      "\ufeff序号,编号,顾客代码,顾客名称,来源文件,来源版本,章节,条款,要求名称,要求内容,类别,接收日期,换版重评日期,评审期限,剩余工作日,处置,决定人,决定日期,处置理由,逾期原因,评审记录编号,评审组长," +
        "负责人,完成期限,实施状态,落实文件,导入生产日期,实施证据,验证人,验证日期,发放,培训,替代日期,替代原因,替代要求,状态,截至\r\n" +
        "1,DYA-007,DYA,东岳越野车有限公司,DYA-SQM,C,\"=\"\"9.1\"\"\",8.5.4,每批次附第三方检测报告,,,2026-11-20,,2026-12-04,,不合理,张伟,2026-11-24,已与顾客沟通，改为年度型式试验,,,,,,,,,,,,,,,,,已拒绝,2026-11-27\r\n",
    );
    expect((await list("--format", "md", "--status", "rejected")).stdout).toContain(
      "| 1 | DYA-007 | DYA | 东岳越野车有限公司 | DYA-SQM | C | 9.1 | 8.5.4 | 每批次附第三方检测报告 |  |  | 2026-11-20 |  | 2026-12-04 |  | 不合理 | 张伟 | 2026-11-24 | 已与顾客沟通，改为年度型式试验 |" +
        "  |".repeat(16) + " 已拒绝 |\n",
    );
  });

  it("in English, says how many of the cells it prints quote the records in Chinese: on stderr under a terminal table, as a note in a file (tester65 N1)", async () => {
    const dir = validRepo();
    const quoted = (count: number) => `${count} ${count === 1 ? "cell is" : "cells are"} quoted as written in the organisation's records (Chinese); csr does not translate their text.`;
    const run = (...args: string[]) => csrInProcess(["-C", dir, "list", "--today", "2026-11-27", ...args], { lang: null });
    // The terminal's columns: ten titles and three owners as written.
    expect((await run("--lang", "en")).stderr.split("\n")[0]).toBe(quoted(13));
    expect((await run("--lang", "zh-CN")).stderr).toBe("");
    const received = await run("--lang", "en", "--status", "received");
    expect(received.stderr.split("\n")[0]).toBe(quoted(1));
    // With its English title, nothing of DYA-001 on the terminal is in Chinese; a file prints every column, the customer's name too.
    writeFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "title_en: Special characteristics marked as the customer specifies\n", { flag: "a" });
    const english = await run("--lang", "en", "--status", "received");
    expect(english.stderr).not.toContain("quoted as written");
    const md = await run("--lang", "en", "--status", "received", "--format", "md");
    expect(md.stdout).toContain(`\n${quoted(1)}  \n`);
    expect(md.stderr).not.toContain("quoted as written");
    expect((await run("--lang", "zh-CN", "--status", "received", "--format", "md")).stdout).not.toContain("（中文）");
    // The CSR matrix alike: customer names, sources, titles, owners, documents' sections and titles as written.
    const matrix = await csrInProcess(["-C", dir, "matrix", "csr", "--today", "2026-11-27", "--lang", "en"], { lang: null });
    expect(matrix.stderr).toBe(`${quoted(43)}\n`);
  });

  it("in a repository kept in English, says nothing of English titles: its titles are English (tester23 F22)", async () => {
    const dir = validRepo();
    writeFileSync(join(dir, "qms.yaml"), `language: en\n${readFileSync(join(dir, "qms.yaml"), "utf8")}`);
    const json = JSON.parse((await csrInProcess(["-C", dir, "list", "--today", "2026-11-27", "--format", "json", "--lang", "en", "--status", "in-review"])).stdout);
    expect(json.notes).toEqual(["This register is filtered (status in review) and is not the whole customer-specific requirements list.", "Reviews overdue, still open: 0; decided late: 0. Review due is the current review round's deadline, still listed once decided; working days left follow the calendar in qms.yaml and are shown while the review is open, a negative number being working days late. Rounds before a new source revision: the CSR review timeliness register (csr list reviews)."]);
  });

  it("ends each CSV row with the day its deadlines hold on, and says an estimated deadline in the row (tester49 #6)", async () => {
    const dir = validRepo();
    // Received 2026-12-24: its ten working days run into 2027, whose public holidays csr does not have.
    writeFileSync(join(dir, "csr", "DYA", "DYA-011.yaml"), "id: DYA-011\ncustomer: DYA\nsource: { document: DYA-SQM, revision: C, section: \"9.3\" }\nclauses: [IATF16949:8.5.4]\ntitle: 年末收到的要求\nreceived: 2026-12-24\n");
    const csv = (await csrInProcess(["-C", dir, "list", "--today", "2026-12-28", "--format", "csv"], { lang: null })).stdout.split("\r\n");
    expect(csv[0]!.endsWith(",替代要求,状态,截至")).toBe(true);
    expect(csv.filter((line) => line.includes(",DYA-011,"))).toEqual(["11,DYA-011,DYA,东岳越野车有限公司,DYA-SQM,C,\"=\"\"9.3\"\"\",8.5.4,年末收到的要求,,,2026-12-24,,2027-01-08,8,,,,,,,,,,,,,,,,,,,,,已接收（期限为估算：已计入法定节假日，调休未知）,2026-12-28"]);
    // A deadline within a year csr has the holidays of is not marked.
    expect(csv.filter((line) => line.includes(",DYA-001,"))[0]!.endsWith(",已接收,2026-12-28")).toBe(true);
    const english = (await csrInProcess(["-C", dir, "list", "--today", "2026-12-28", "--format", "csv", "--lang", "en"], { lang: null })).stdout.split("\r\n");
    expect(english[0]!.endsWith(",Status,As of")).toBe(true);
    expect(english.find((line) => line.includes(",DYA-011,"))!.endsWith(",received (deadline estimated: statutory holidays counted; make-up days unknown),2026-12-28")).toBe(true);
    // csr import --as csr reads the list back: the mark and 截至 are derived, as 评审期限 and 剩余工作日: the columns csr
    // computes are said apart from those it does not know, with why they are not imported.
    writeFileSync(join(dir, "list.csv"), csv.join("\r\n"));
    rmSync(join(dir, "csr"), { recursive: true });
    const imported = await csrInProcess(["-C", dir, "import", "list.csv", "--as", "csr", "--today", "2026-12-28", "-y"], { lang: null });
    expect(imported.stdout).toContain("\ncsr 生成清单时计算的列，不导入（导入后由 csr 按记录重新计算）：评审期限、剩余工作日、截至。\n");
    expect(imported.stdout).not.toContain("未导入的列");
    expect(imported.stdout).toContain("已导入 11 行中的 11 行");
    expect(read(dir, "csr/DYA/DYA-011.yaml")).toContain("title: 年末收到的要求\nreceived: 2026-12-24\n");
  });

  it("refuses unknown filters and formats with the accepted values", async () => {
    expect((await list("--status", "open")).stderr).toBe(
      "csr: --status 必须是 received、in-review、decided、unconfirmed、addressed、implemented、verified、superseded、rejected、not-applicable 之一；实际为 'open'。\n",
    );
    expect((await list("--format", "docx")).stderr).toBe("csr: --format 必须是 table、md、html、csv、xlsx、json、pdf 之一；实际为 'docx'。\n");
    expect((await list("--format", "pdf")).stderr).toBe("csr: --format pdf 生成二进制文件；请用 --out FILE.pdf 指定要写入的文件。\n");
    expect((await list("--format", "xlsx")).stderr).toBe("csr: --format xlsx 生成二进制工作簿；请用 --out FILE.xlsx 指定要写入的文件。\n");
    expect((await csrInProcess(["-C", FIXTURE, "list", "--customer", "DYB"])).stderr).toBe("csr: --customer: unknown customer 'DYB'; the customers are: DYA 东岳越野车有限公司. Did you mean 'DYA'?\n");
    // A bare clause number is the one standard's in scope; no part of a clause number is refused as a clause.
    expect(await list("--clause", "8.3")).toMatchObject({ code: 0, stderr: "完整的顾客特定要求清单：csr list csr。\n" });
    expect((await list("--clause", "8.3.x")).stderr).toBe("csr: --clause 8.3.x：条款写作“标准:条款号”，如 IATF16949:8.3.3.3。\n");
  });

  it("writes the list to a file with --out and never overwrites one", async () => {
    const dir = validRepo();
    expect(await csrInProcess(["-C", dir, "list", "--today", "2026-11-27", "--out", "csr-list.csv"], { lang: null })).toMatchObject({ code: 0, stdout: "", stderr: "已写入 csr-list.csv\n" });
    expect(read(dir, "csr-list.csv").startsWith("\ufeff序号,编号,")).toBe(true);
    expect(await csrInProcess(["-C", dir, "list", "--today", "2026-11-27", "--out", "csr-list.csv"])).toMatchObject({
      code: 2,
      stderr: "csr: csr-list.csv exists already; csr does not overwrite files.\nhint: Choose another --out, or pass --force to replace it.\n",
    });
    expect((await csrInProcess(["-C", dir, "list", "--today", "2026-11-27", "--out", "csr-list.csv", "--force", "--status", "verified"], { lang: null })).code).toBe(0);
    expect(read(dir, "csr-list.csv").split("\r\n").length).toBe(3);
  });
});

describe("csr show", () => {
  it("shows an open CSR with its due date, working days left and the missing opinions", async () => {
    const result = await csrInProcess(["-C", FIXTURE, "show", "DYA-002", "--today", "2026-11-27"]);
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "DYA-002  控制计划须经顾客批准",
        "",
        "  File            csr/DYA/DYA-002.yaml",
        "  Customer        DYA 东岳越野车有限公司",
        "  Source          DYA-SQM 供应商质量手册, revision C, section 5.1",
        "  Clauses         IATF16949:8.5.1.1 Control plan",
        "  Received        2026-11-20",
        "  Status          in-review",
        "  Review due      2026-12-04, 5 working days left",
        "  Required        QA 品质部, MKT 市场部",
        "  Opinions        QA 品质部 accept, zhang 张伟, 2026-11-25",
        "  Missing         MKT 市场部",
        "  Decision        (not decided)",
        "  Addressed in    (no document yet)",
        "",
      ].join("\n"),
    });
  });

  it("shows where a CSR is addressed, with the documents' titles and current versions, and its implementation", async () => {
    const result = await csrInProcess(["-C", FIXTURE, "show", "DYA-006", "--today", "2026-11-27"]);
    expect(result.stdout).toContain("  Addressed in    QP-020 特殊特性管理程序 A/1 (released), section 5.6 追溯\n");
    expect(result.stdout).toContain("  Implementation  verified, owner wang 王强, due 2026-11-26, implemented 2026-11-25, verified by zhang 张伟 2026-11-26\n");
    expect(result.stdout).toContain("  Status          verified\n");
  });

  it("lists each training session recorded with csr train: date, source revision, people, trainer and record", async () => {
    const shown = await csrInProcess(["-C", join(ROOT, "examples", "acme-auto"), "show", "BCM-004", "--today", "2026-11-27"], { lang: null });
    // 黄军、吴艳 and their trainer 张丽 of the nine to train, as csr list training --missing and the management review count them (breaker63 P1).
    expect(shown.stdout).toContain("  培训            部分培训（已培训 3/9 人，含培训人 1 人）\n                  2026-10-28，来源文件 A 版，黄军、吴艳，培训人 张丽，记录 TR-2026-041\n");
  });

  it("names the status in Chinese by its label alone, which csr list --status takes as typed", async () => {
    const superseded = await csrInProcess(["-C", FIXTURE, "show", "DYA-009", "--today", "2026-11-27"], { lang: null });
    expect(superseded.stdout).toMatch(/\n {2}状态 {12}已替代\n/);
    expect(superseded.stdout).toMatch(/\n {2}已被取代 {8}\d{4}-\d{2}-\d{2}：/);
    const shown = await csrInProcess(["-C", FIXTURE, "show", "DYA-006", "--today", "2026-11-27"], { lang: null });
    expect(shown.stdout).toContain("  状态            已验证\n");
    expect(shown.stdout).not.toContain("verified");
    expect(ids(await csrInProcess(["-C", FIXTURE, "list", "--today", "2026-11-27", "--status", "已验证", "--format", "json"], { lang: null }))).toEqual(["DYA-006"]);
  });

  it("shows an overdue review, and everything as JSON", async () => {
    const late = await csrInProcess(["-C", FIXTURE, "show", "DYA-001", "--today", "2026-12-08"]);
    expect(late.stdout).toContain("  Review due      2026-12-04, overdue by 2 working days\n  Required        QA 品质部, MKT 市场部\n  Opinions        (none yet)\n  Missing         QA 品质部, MKT 市场部\n");
    const json = JSON.parse((await csrInProcess(["-C", FIXTURE, "show", "DYA-004", "--today", "2026-11-27", "--format", "json"])).stdout);
    expect(json).toMatchObject({
      file: "csr/DYA/DYA-004.yaml",
      status: "addressed",
      reviewStart: "2026-11-20",
      reviewDue: null,
      workdaysLeft: null,
      missingOpinions: [],
      addressed: [{ document: "QP-020", section: "5.3", sectionNumber: "5.3", sectionTitle: "特殊特性", title: "特殊特性管理程序", status: "released", version: "A/1" }],
    });
  });
});
