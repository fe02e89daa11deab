import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/core/text.js";
import { csr } from "../helpers.js";
import { read, validRepo } from "./fixture.js";

const FIXTURE = "test/fixtures/csr/valid";
const list = (...args: string[]) => csr(["-C", FIXTURE, "list", "--today", "2026-11-27", ...args], { lang: null });
const ids = (result: { stdout: string }) => (JSON.parse(result.stdout) as { rows: { id: string }[] }).rows.map((r) => r.id);

describe("csr list", () => {
  it("prints every CSR with derived status, due date and working days left, Chinese text aligned", () => {
    const result = list();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "顾客特定要求清单（共 10 项，截至 2026-11-27）",
        "",
        "编号     顾客  标题                          条款                                  状态          评审期限    剩余工作日  实施负责人",
        "-------  ----  ----------------------------  ------------------------------------  ------------  ----------  ----------  ----------",
        "DYA-001  DYA   特殊特性符号按顾客规定标识    IATF16949:8.3.3.3                     已接收        2026-12-04  5",
        "DYA-002  DYA   控制计划须经顾客批准          IATF16949:8.5.1.1                     评审中        2026-12-08  7",
        "DYA-003  DYA   包装须使用顾客周转箱          IATF16949:8.5.4                       已决定",
        "DYA-004  DYA   关键特性须在作业指导书中标识  IATF16949:8.3.3.3, IATF16949:8.5.1.1  已落实到文件                          王强",
        "DYA-005  DYA   特殊特性清单每年评审          IATF16949:8.3.3.3                     已实施                                王强",
        "DYA-006  DYA   特殊特性变更须通知顾客        IATF16949:8.3.3.3                     已验证                                王强",
        "DYA-007  DYA   每批次附第三方检测报告        IATF16949:8.5.4                       已拒绝",
        "DYA-008  DYA   出口包装熏蒸要求              IATF16949:8.5.4                       不适用",
        "DYA-009  DYA   特殊特性用三角符号标识        IATF16949:8.3.3.3                     已替代",
        "DYA-010  DYA   首件检验记录保存五年          IATF16949:8.5.1.1                     已落实到文件",
        "",
        "评审逾期 0 项。剩余工作日按 qms.yaml 的工作日历计算，负数为逾期的工作日数。",
        "",
      ].join("\n"),
    );
    // Wide characters count two columns: every status starts in the column of its header.
    const [header, , ...rows] = result.stdout.split("\n").slice(2, 14);
    const column = (line: string, at: number) => displayWidth(line.slice(0, at));
    const starts = rows.map((line) => column(line, line.search(/已|评审中|不适用/)));
    expect(starts).toEqual(rows.map(() => column(header!, header!.indexOf("状态"))));
  });

  it("filters by status, customer, clause (with sub-clauses), owner and overdue review", () => {
    expect(ids(list("--format", "json", "--status", "addressed"))).toEqual(["DYA-004", "DYA-010"]);
    expect(ids(list("--format", "json", "--customer", "DYA", "--clause", "IATF16949:8.5"))).toEqual(["DYA-002", "DYA-003", "DYA-004", "DYA-007", "DYA-008", "DYA-010"]);
    expect(ids(list("--format", "json", "--clause", "IATF16949:8.5.1.1", "--owner", "wang"))).toEqual(["DYA-004"]);
    expect(ids(list("--format", "json", "--overdue"))).toEqual([]);
    expect(ids(csr(["-C", FIXTURE, "list", "--today", "2026-12-07", "--overdue", "--format", "json"], { lang: null }))).toEqual(["DYA-001"]);
  });

  it("speaks English with --lang en, and writes JSON, CSV and Markdown", () => {
    const json = JSON.parse(list("--format", "json", "--lang", "en", "--status", "in-review").stdout);
    expect(json).toEqual({
      title: "Customer-specific requirements (1, as of 2026-11-27)",
      columns: [
        { key: "id", header: "ID" },
        { key: "customer", header: "Customer" },
        { key: "title", header: "Title" },
        { key: "clauses", header: "Clauses" },
        { key: "status", header: "Status" },
        { key: "due", header: "Review due" },
        { key: "days_left", header: "Working days left" },
        { key: "owner", header: "Owner" },
      ],
      rows: [{ id: "DYA-002", customer: "DYA", title: "控制计划须经顾客批准", clauses: "IATF16949:8.5.1.1", status: "in review", due: "2026-12-08", days_left: 7, owner: null }],
      notes: ["Review overdue: 0. Working days follow the calendar in qms.yaml; a negative number is working days late."],
    });
    expect(list("--format", "csv", "--status", "rejected").stdout).toBe("\ufeff编号,顾客,标题,条款,状态,评审期限,剩余工作日,实施负责人\r\nDYA-007,DYA,每批次附第三方检测报告,IATF16949:8.5.4,已拒绝,,,\r\n");
    expect(list("--format", "md", "--status", "rejected").stdout).toContain("| DYA-007 | DYA | 每批次附第三方检测报告 | IATF16949:8.5.4 | 已拒绝 |  |  |  |\n");
  });

  it("refuses unknown filters and formats with the accepted values", () => {
    expect(list("--status", "open").stderr).toBe(
      "csr: --status must be one of received, in-review, decided, addressed, implemented, verified, superseded, rejected, not-applicable; got 'open'.\n",
    );
    expect(list("--format", "pdf").stderr).toBe("csr: --format must be one of table, md, html, csv, xlsx, json; got 'pdf'.\n");
    expect(list("--format", "xlsx").stderr).toBe("csr: --format xlsx writes a binary workbook; give the file to write with --out FILE.xlsx.\n");
    expect(csr(["-C", FIXTURE, "list", "--customer", "DYB"]).stderr).toBe("csr: --customer: unknown customer 'DYB'. Did you mean 'DYA'?\n");
    expect(list("--clause", "8.3").stderr).toBe("csr: --clause expects STANDARD:CLAUSE, e.g. IATF16949:8.3; got '8.3'.\n");
  });

  it("writes the list to a file with --out and never overwrites one", () => {
    const dir = validRepo();
    expect(csr(["-C", dir, "list", "--today", "2026-11-27", "--out", "csr-list.csv"], { lang: null })).toMatchObject({ code: 0, stdout: "", stderr: "wrote csr-list.csv\n" });
    expect(read(dir, "csr-list.csv").startsWith("\ufeff编号,")).toBe(true);
    expect(csr(["-C", dir, "list", "--today", "2026-11-27", "--out", "csr-list.csv"])).toMatchObject({
      code: 2,
      stderr: "csr: csr-list.csv exists already; csr does not overwrite files.\nhint: Choose another --out, or pass --force to replace it.\n",
    });
    expect(csr(["-C", dir, "list", "--today", "2026-11-27", "--out", "csr-list.csv", "--force", "--status", "verified"], { lang: null }).code).toBe(0);
    expect(read(dir, "csr-list.csv").split("\r\n").length).toBe(3);
  });
});

describe("csr show", () => {
  it("shows an open CSR with its due date, working days left and the missing opinions", () => {
    const result = csr(["-C", FIXTURE, "show", "DYA-002", "--today", "2026-11-27"]);
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
        "  Received        2026-11-24",
        "  Status          in-review (评审中)",
        "  Review due      2026-12-08, 7 working day(s) left",
        "  Required        QA, MKT",
        "  Opinions        QA accept, zhang 张伟, 2026-11-25",
        "  Missing         MKT",
        "  Decision        (not decided)",
        "  Addressed in    (no document yet)",
        "",
      ].join("\n"),
    });
  });

  it("shows where a CSR is addressed, with the documents' titles and current versions, and its implementation", () => {
    const result = csr(["-C", FIXTURE, "show", "DYA-006", "--today", "2026-11-27"]);
    expect(result.stdout).toContain("  Addressed in    QP-020 特殊特性管理程序 A/1 (released), section 5.6 追溯\n");
    expect(result.stdout).toContain("  Implementation  verified, owner wang 王强, due 2026-11-26, implemented 2026-11-25, verified by zhang 张伟 2026-11-26\n");
    expect(result.stdout).toContain("  Status          verified (已验证)\n");
  });

  it("shows an overdue review, and everything as JSON", () => {
    const late = csr(["-C", FIXTURE, "show", "DYA-001", "--today", "2026-12-08"]);
    expect(late.stdout).toContain("  Review due      2026-12-04, overdue by 2 working day(s)\n  Required        QA, MKT\n  Opinions        (none yet)\n  Missing         QA, MKT\n");
    const json = JSON.parse(csr(["-C", FIXTURE, "show", "DYA-004", "--today", "2026-11-27", "--format", "json"]).stdout);
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
