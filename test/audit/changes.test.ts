import { cpSync, existsSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtOnce, commitAt, csr, csrInProcess, git, gitInitEmpty, makeRepo, minimalRepo, tempDir } from "../helpers.js";

const lines = (...l: string[]) => l.join("\n") + "\n";
/** Writes `files` (relative path -> text) into the repository `dir`. */
const write = (dir: string, files: Record<string, string>) => makeRepo(files, dir);

const signed = (version: string, date: string, summary: string) => [
  `  - version: ${version}`,
  `    date: ${date}`,
  `    summary: ${summary}`,
  `    prepared: { by: zhang, date: ${date} }`,
  `    reviewed: { by: li, date: ${date} }`,
  `    approved: { by: wang, date: ${date} }`,
];

/** The signatures of a revision written by `signed`, as csr changes gives them (json `signatures`). */
const signatures = (date: string) => ({ prepared: { by: "zhang", date }, reviewed: { by: "li", date }, approved: { by: "wang", date } });

const procedure = (id: string, title: string, clauses: string, revisions: string[][], extra: string[] = []) =>
  lines(`id: ${id}`, `title: ${title}`, "level: 2", "kind: procedure", "department: QA", `clauses: [${clauses}]`, "status: released", "revisions:", ...revisions.flat(), ...extra);

const customer = (revisions: string[]) => lines("code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    revisions:", ...revisions);

const decided = (id: string, title: string, revision: string, addressed: string, extra: string[] = []) =>
  lines(
    `id: ${id}`,
    "customer: DYA",
    `source: { document: DYA-SQM, revision: ${revision} }`,
    "clauses: [IATF16949:8.3.3.3]",
    `title: ${title}`,
    "received: 2025-01-06",
    "review:",
    ...extra,
    "  opinions:",
    "    - { department: QA, reviewer: zhang, opinion: accept, date: 2025-01-07 }",
    "    - { department: MKT, reviewer: li, opinion: accept, date: 2025-01-07 }",
    "  decision: { disposition: must, by: wang, date: 2025-01-08 }",
    ...(addressed ? [`addressed: [{ document: ${addressed} }]`] : []),
  );

/**
 * A year of a small quality system: the state at the 2025 audit (tag audit-2025), a release, a
 * decision and a new person in June, a new customer revision, a withdrawal and a new CSR in
 * September (tag audit-2026).
 */
function writeScriptedHistory(): string {
  const dir = minimalRepo({
    "customers/DYA.yaml": customer(["      - { revision: A, received: 2025-01-06 }"]),
    "csr/DYA/DYA-001.yaml": decided("DYA-001", "特殊特性符号按顾客规定标识", "A", "QP-001"),
    "csr/DYA/DYA-002.yaml": lines("id: DYA-002", "customer: DYA", "source: { document: DYA-SQM, revision: A }", "clauses: [IATF16949:8.5.4]", "title: 包装标签须含批次号", "received: 2025-01-06"),
    "documents/QP-001.yaml": procedure("QP-001", "顾客特定要求管理程序", "IATF16949:4.3.2", [signed("A/0", "2025-01-02", "首次发布")]),
    "documents/WI-001.yaml": lines("id: WI-001", "title: 来料检验作业指导书", "level: 3", "kind: instruction", "department: QA", "status: released", "revisions:", ...signed("A/0", "2025-01-02", "首次发布")),
  });
  gitInitEmpty(dir);
  commitAt(dir, "2025-01-10", "2025 年审核时的状态");
  git(dir, ["tag", "audit-2025"]);

  write(dir, {
    "documents/QP-001.yaml": procedure("QP-001", "顾客特定要求管理程序", "IATF16949:4.3.2", [signed("A/0", "2025-01-02", "首次发布"), signed("A/1", "2025-06-01", "增加评审时限")]),
    "documents/QP-002.yaml": procedure("QP-002", "文件控制程序", "IATF16949:7.5.3.2.2", [signed("A/0", "2025-06-01", "首次发布")]),
    "csr/DYA/DYA-002.yaml": lines(
      "id: DYA-002", "customer: DYA", "source: { document: DYA-SQM, revision: A }", "clauses: [IATF16949:8.5.4]", "title: 包装标签须含批次号", "received: 2025-01-06",
      "review:", "  decision: { disposition: optional, by: wang, date: 2025-06-02, forced: true }",
    ),
    "people.yaml": readFileSync(join(dir, "people.yaml"), "utf8").replace("    roles: [author, reviewer]\n  - id: wang", "    roles: [approver, author, reviewer]\n  - id: wang") + lines("  - id: chen", "    name: 陈静", "    department: QA", "    roles: [author]"),
  });
  commitAt(dir, "2025-06-02", "六月：QP-001 换版，DYA-002 决定，陈静加入");

  write(dir, {
    "customers/DYA.yaml": customer(["      - { revision: A, received: 2025-01-06, status: superseded }", "      - { revision: B, received: 2025-09-01, supersedes: A }"]),
    "csr/DYA/DYA-001.yaml": lines(
      "id: DYA-001", "customer: DYA", "source: { document: DYA-SQM, revision: B }", "clauses: [IATF16949:8.3.3.3]", "title: 特殊特性符号按顾客规定标识", "received: 2025-01-06",
      "review:", "  restarted: 2025-09-01", "  history:", "    - source_revision: A", "      closed: 2025-09-01", "      reason: 顾客发布 B 版", "      decision: { disposition: must, by: wang, date: 2025-01-08 }",
      "addressed: [{ document: QP-002, section: \"5.3\" }]",
    ),
    "csr/DYA/DYA-003.yaml": lines("id: DYA-003", "customer: DYA", "source: { document: DYA-SQM, revision: B }", "clauses: [IATF16949:8.7.1.4]", "title: 返工须经顾客批准", "received: 2025-09-01"),
    "documents/WI-001.yaml": lines(
      "id: WI-001", "title: 来料检验作业指导书", "level: 3", "kind: instruction", "department: QA", "status: obsolete", "revisions:", ...signed("A/0", "2025-01-02", "首次发布"),
      "obsolete: { date: 2025-09-05, reason: 并入 QP-002, superseded_by: QP-002 }",
    ),
  });
  commitAt(dir, "2025-09-05", "九月：顾客 B 版，WI-001 作废，DYA-003");
  git(dir, ["tag", "audit-2026"]);
  return dir;
}

/** writeScriptedHistory's repository, made once per file and copied for each test (the same commits, hashes and tags). */
const scriptedHistory = builtOnce(writeScriptedHistory);

interface PeriodJson {
  period: { from: string; to: string };
  commits: { from: ChangeJson["from"]; to: ChangeJson["to"] } | null;
  changes: ChangeJson["changes"];
}

interface ChangeJson {
  from: { spec: string; commit: string | null; date: string | null };
  to: { spec: string; commit: string | null; date: string | null };
  changes: { area: string; kind: string; id: string; title: string; from: string; to: string; detail: string; date: string | null }[];
}

const TZ = { TZ: "Asia/Shanghai" };

// Each test runs csr several times; on a loaded 2-core machine that can take longer than the default.
describe("csr changes", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await scriptedHistory();
  });

  it("reports every kind of change between two tags, as data", async () => {
    const result = csr(["-C", dir, "changes", "audit-2025", "audit-2026", "--format", "json"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ChangeJson;
    expect(report.from).toEqual({ spec: "audit-2025", commit: git(dir, ["rev-parse", "audit-2025"]).trim(), date: "2025-01-10" });
    expect(report.to).toEqual({ spec: "audit-2026", commit: git(dir, ["rev-parse", "audit-2026"]).trim(), date: "2025-09-05" });
    expect(report.changes.map((c) => [c.area, c.kind, c.id, c.from, c.to, c.detail, c.date])).toEqual([
      ["document", "released", "QP-001", "A/0", "A/1", "增加评审时限", "2025-06-01"],
      ["document", "added", "QP-002", "", "A/0", "首次发布", "2025-06-01"],
      ["document", "withdrawn", "WI-001", "A/0", "obsolete", "并入 QP-002 → QP-002", "2025-09-05"],
      ["csr", "decided", "DYA-002", "", "optional", "wang", "2025-06-02"],
      ["csr", "reopened", "DYA-001", "A", "B", "顾客发布 B 版", "2025-09-01"],
      ["csr", "added", "DYA-003", "", "DYA-SQM B", "DYA", "2025-09-01"],
      // QP-001 replaced by QP-002 5.3: the link removed dated by its commit and author, the link added by no pin.
      ["csr", "unaddressed", "DYA-001", "QP-001", "", "Test User", "2025-09-05"],
      ["csr", "addressed", "DYA-001", "QP-001", "QP-001, QP-002 5.3", "", null],
      ["source", "revised", "DYA-SQM", "A", "B", "DYA", "2025-09-01"],
      ["coverage", "gained", "IATF16949:7.5.3.2.2", "uncovered", "covered", "", null],
      ["person", "added", "chen", "", "author", "QA", null],
      ["person", "roles", "li", "author, reviewer", "approver, author, reviewer", "MKT", null],
    ]);
  });

  it("prints a CJK-aligned table by default, with a count per area", async () => {
    const result = await csrInProcess(["-C", dir, "changes", "audit-2025", "audit-2026"], { lang: null, env: TZ });
    expect(result.code).toBe(0);
    // How to list a period instead is for the one who runs the command, not a line of the report.
    expect(result.stderr).toBe("本报告按两个提交比较；要按记录的日期列出某一期间的变更：csr changes 2025-01-10 2025-09-05。\n");
    const short = (tag: string) => git(dir, ["rev-parse", "--short=7", tag]).trim();
    const out = result.stdout.split("\n");
    expect(out[0]).toBe(`变更报告：audit-2025 (${short("audit-2025")}, 2025-01-10) → audit-2026 (${short("audit-2026")}, 2025-09-05)`);
    expect(out.slice(2, 5)).toEqual([
      "类别          变更          编号                  名称                        变更前      变更后              说明                                                                                              编制/审核/批准                                                       日期",
      "------------  ------------  --------------------  --------------------------  ----------  ------------------  ------------------------------------------------------------------------------------------------  -------------------------------------------------------------------  ----------",
      "文件          换版          QP-001                顾客特定要求管理程序        A/0         A/1                 增加评审时限                                                                                      编制：张伟 2025-06-01；审核：李娜 2025-06-01；批准：王强 2025-06-01  2025-06-01",
    ]);
    // By date within an area (the undated rows, from the commits, last), each CSR and source row saying what happened;
    // a link removed by the commit that removed it (tester57 E18).
    expect(out.slice(5, 13)).toEqual([
      "文件          新增          QP-002                文件控制程序                            A/0                 首次发布                                                                                          编制：张伟 2025-06-01；审核：李娜 2025-06-01；批准：王强 2025-06-01  2025-06-01",
      "文件          作废          WI-001                来料检验作业指导书          A/0         作废                并入 QP-002 → QP-002                                                                                                                                                   2025-09-05",
      "顾客特定要求  已决定        DYA-002               包装标签须含批次号                      可选                决定人：王强；逾期 87 个工作日（评审期限 2025-01-20）；强制决定，缺 2 个部门会签：品质部、市场部                                                                       2025-06-02",
      "顾客特定要求  重新评审      DYA-001               特殊特性符号按顾客规定标识  A           B                   顾客发布 B 版，评审期限 2025-09-15                                                                                                                                     2025-09-01",
      "顾客特定要求  新增          DYA-003               返工须经顾客批准                        DYA-SQM B           顾客：东岳汽车，来源：DYA-SQM B，评审期限 2025-09-15                                                                                                                   2025-09-01",
      `顾客特定要求  取消落实      DYA-001               特殊特性符号按顾客规定标识  QP-001                          提交人：Test User（提交 ${short("audit-2026")}）                                                                                                                                      2025-09-05`,
      "顾客特定要求  落实文件变更  DYA-001               特殊特性符号按顾客规定标识  QP-001      QP-001, QP-002 5.3",
      "顾客来源文件  新版本        DYA-SQM               供应商质量手册              A           B                   顾客：东岳汽车                                                                                                                                                         2025-09-01",
    ]);
    // Roles in the words signatures use (编制/审核/批准), not people.yaml's codes.
    expect(out.filter((line) => line.startsWith("人员与角色  "))).toEqual([
      "人员与角色    新增          chen                  陈静                                    编制                品质部",
      "人员与角色    角色变更      li                    李娜                        编制、审核  批准、编制、审核    市场部",
    ]);
    expect(out.slice(-7)).toEqual([
      "文件：新增 1，换版 1，作废 1",
      "顾客特定要求：新增 1，已决定 1，重新评审 1，落实文件变更 1，取消落实 1",
      "顾客来源文件：新版本 1",
      "条款覆盖：新覆盖 1",
      "人员与角色：新增 1，角色变更 1",
      "按提交比较：列出两次提交之间记入仓库的变更；日期一栏是记录上的日期，不是提交的日期。",
      "",
    ]);
  });

  it("takes dates: the changes the records date in the period, and those they do not date from the commits at its ends", async () => {
    const june = JSON.parse((await csrInProcess(["-C", dir, "changes", "2025-06-02", "2025-06-02", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(june.period).toEqual({ from: "2025-06-02", to: "2025-06-02" });
    // The people are compared from the last commit before the period to the last one in it.
    expect(june.commits).toEqual({
      from: { spec: "2025-06-02", commit: git(dir, ["rev-parse", "audit-2025"]).trim(), date: "2025-01-10" },
      to: { spec: "2025-06-02", commit: git(dir, ["rev-parse", "audit-2026~1"]).trim(), date: "2025-06-02" },
    });
    // QP-001 A/1 and QP-002 A/0 are dated 2025-06-01, the day before, though committed on 2025-06-02.
    expect(june.changes.map((c) => `${c.area} ${c.kind} ${c.id} ${c.date}`)).toEqual(["csr decided DYA-002 2025-06-02", "person added chen null", "person roles li null"]);
    // Committed on 2025-09-05, the new customer revision, DYA-001's new round and DYA-003 are dated 2025-09-01.
    const september = JSON.parse((await csrInProcess(["-C", dir, "changes", "2025-06-03", "2025-09-04", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(september.changes.map((c) => [c.area, c.kind, c.id, c.from, c.to, c.detail, c.date])).toEqual([
      ["csr", "reopened", "DYA-001", "A", "B", "顾客发布 B 版", "2025-09-01"],
      ["csr", "added", "DYA-003", "", "DYA-SQM B", "DYA", "2025-09-01"],
      ["source", "revised", "DYA-SQM", "A", "B", "DYA", "2025-09-01"],
    ]);
  });

  it("takes a period that starts before the history: dated records are listed, undated ones from the first commit", async () => {
    const result = await csrInProcess(["-C", dir, "changes", "2024-12-31", "2025-01-10"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const out = result.stdout.split("\n");
    expect(out[0]).toBe("变更报告：2024-12-31 至 2025-01-10");
    expect(out.slice(4).filter((line) => !line.startsWith("条款覆盖  "))).toEqual([
      "文件          新增    QP-001            顾客特定要求管理程序                A/0        首次发布                                              编制：张伟 2025-01-02；审核：李娜 2025-01-02；批准：王强 2025-01-02  2025-01-02",
      "文件          新增    WI-001            来料检验作业指导书                  A/0        首次发布                                              编制：张伟 2025-01-02；审核：李娜 2025-01-02；批准：王强 2025-01-02  2025-01-02",
      "顾客特定要求  新增    DYA-001           特殊特性符号按顾客规定标识          DYA-SQM A  顾客：东岳汽车，来源：DYA-SQM A，评审期限 2025-01-20                                                                       2025-01-06",
      "顾客特定要求  新增    DYA-002           包装标签须含批次号                  DYA-SQM A  顾客：东岳汽车，来源：DYA-SQM A，评审期限 2025-01-20                                                                       2025-01-06",
      "顾客特定要求  已决定  DYA-001           特殊特性符号按顾客规定标识          必须满足   决定人：王强                                                                                                               2025-01-08",
      "顾客来源文件  新增    DYA-SQM           供应商质量手册                      A          顾客：东岳汽车                                                                                                             2025-01-06",
      "",
      "文件：新增 2",
      "顾客特定要求：新增 2，已决定 1",
      "顾客来源文件：新增 1",
      "条款覆盖：新覆盖 1",
      `按记录上的日期列出 2024-12-31 至 2025-01-10 的变更：文件的发布、换版（修订记录）、实施和作废，受控副本的发放和回收（含遗失、销毁和作废留用）和电子版发放，文件的定期评审和培训，外来文件的接收，顾客特定要求的接收、评审决定、重新评审、换版确认未变、发放、培训、导入生产（实施）、验证和替代，顾客来源文件的新版本，人员离职，以及因此新覆盖或失去覆盖的条款。人员的加入、角色和部门，顾客特定要求的落实文件，以及删除的文件没有记录日期，只能按 git 提交比较；git 历史始于 2025-01-10，晚于期间开始，列出的是首次提交之后的变更（${git(dir, ["rev-parse", "--short=7", "audit-2025"]).trim()}, 2025-01-10 → ${git(dir, ["rev-parse", "--short=7", "audit-2025"]).trim()}, 2025-01-10），此前的无从得知。`,
      "",
    ]);
  });

  it("writes md, html and xlsx through --out, in English with --lang en", async () => {
    const short = (tag: string) => git(dir, ["rev-parse", "--short=7", tag]).trim();
    const out = tempDir();
    for (const ext of ["md", "html", "xlsx"]) {
      const result = await csrInProcess(["-C", dir, "changes", "audit-2025", "audit-2026", "--out", join(out, `changes.${ext}`), "--lang", "en"], { env: TZ });
      expect(result.stderr).toBe(`wrote ${join(out, `changes.${ext}`)}\nThis report compares two commits; to list the changes by the records' dates in a period: csr changes 2025-01-10 2025-09-05.\n`);
      expect(result.code).toBe(0);
    }
    const md = readFileSync(join(out, "changes.md"), "utf8");
    expect(md).toContain("| Documents | revised | QP-001 | 顾客特定要求管理程序 | A/0 | A/1 | 增加评审时限 | prepared: 张伟 2025-06-01; reviewed: 李娜 2025-06-01; approved: 王强 2025-06-01 | 2025-06-01 |");
    expect(md).toContain("| Documents | withdrawn | WI-001 | 来料检验作业指导书 | A/0 | obsolete | 并入 QP-002 → QP-002 |  | 2025-09-05 |");
    expect(md).toContain("| CSRs | added | DYA-003 | 返工须经顾客批准 |  | DYA-SQM B | customer: 东岳汽车, from DYA-SQM B, review due 2025-09-15 |  | 2025-09-01 |");
    expect(md.split("\n").slice(0, 3)).toEqual(["## Changes", "", `测试汽车零部件有限公司 | Commits: audit-2025 (${short("audit-2025")}, 2025-01-10) → audit-2026 (${short("audit-2026")}, 2025-09-05)`]);
    expect(md).toContain("CSRs: added 1, decided 1, reopened 1, where addressed 1, link removed 1");
    expect(md).toContain(
      "Compared by commit: the changes recorded in the repository between the two commits; the dates are those of the records, not of the commits.",
    );
    const html = readFileSync(join(out, "changes.html"), "utf8");
    expect(html).toContain('<td class="code">CSRs</td><td class="code">reopened</td><td class="id">DYA-001</td>');
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, "changes.xlsx"));
    const sheet = book.getWorksheet("Changes")!;
    expect(sheet.getRow(2).values).toEqual([undefined, "Area", "Change", "ID", "Title", "Before", "After", "Detail", "Prepared/reviewed/approved", "Date"]);
    expect(sheet.getCell("H3").value).toBe("prepared: 张伟 2025-06-01; reviewed: 李娜 2025-06-01; approved: 王强 2025-06-01");
    expect(sheet.getCell("I3").value).toEqual(new Date("2025-06-01T00:00:00Z"));
    // Title, header, 12 changes, a blank row, 5 counts and the note on what the report compares.
    expect(sheet.rowCount).toBe(2 + 12 + 1 + 5 + 1);
    // The note on what the report compares, and nothing on how to list a period (stderr says it).
    // (Merged within the first page of the two it is printed on, look65 #4: exceljs reads the merged cells' value in each.)
    expect([...new Set((sheet.getRow(sheet.rowCount).values as unknown[]).filter(Boolean))]).toEqual([
      "Compared by commit: the changes recorded in the repository between the two commits; the dates are those of the records, not of the commits.",
    ]);
    // A note too long for one line prints whole (auditor17 F4): merged across the columns, wrapped, as tall as its
    // lines. The note of a period says what it compares by commit.
    const period = await csrInProcess(["-C", dir, "changes", "2025-01-01", "2025-09-30", "--out", join(out, "period.xlsx"), "--lang", "en"], { env: TZ });
    expect([period.code, period.stderr]).toEqual([0, `wrote ${join(out, "period.xlsx")}\n`]);
    const periodBook = new ExcelJS.Workbook();
    await periodBook.xlsx.readFile(join(out, "period.xlsx"));
    const periodSheet = periodBook.getWorksheet("Changes")!;
    const row = periodSheet.getRow(periodSheet.rowCount);
    const first = (row.values as unknown[]).findIndex((v) => v !== undefined && v !== null);
    const note = row.getCell(first);
    expect([note.address, note.value]).toEqual([`${"ABCDEFGH"[first - 1]}${periodSheet.rowCount}`, expect.stringMatching(/^The changes the records date from 2025-01-01 to 2025-09-30: /)]);
    // Printed two pages wide: merged to the last column on the first page (look65 #4), not across to H, where the page's edge cut it mid-word.
    expect(periodSheet.pageSetup.fitToWidth).toBe(2);
    const merged = (periodSheet.model as unknown as { merges: string[] }).merges.find((range) => range.startsWith(note.address));
    expect(merged).toBe(`${note.address}:E${periodSheet.rowCount}`);
    expect(row.getCell(8).master.address).toBe(row.getCell(8).address);
    expect(note.alignment).toEqual({ vertical: "top", wrapText: true });
    expect(periodSheet.getRow(periodSheet.rowCount).height).toBeGreaterThan(15);
  });

  it("refuses what is not a revision, and a folder without git", async () => {
    const bad = await csrInProcess(["-C", dir, "changes", "audit-2024"], { env: TZ });
    expect(bad).toEqual({ code: 2, stdout: "", stderr: "csr: audit-2024: no such commit, branch or tag (a date is written YYYY-MM-DD).\nhint: List tags with 'git tag', commits with 'git log --oneline'.\n" });
    const plain = minimalRepo();
    rmSync(join(plain, ".git"), { recursive: true, force: true });
    const nogit = await csrInProcess(["-C", plain, "changes", "HEAD~1"]);
    expect(nogit.code).toBe(2);
    expect(nogit.stderr).toMatch(/^csr: csr changes reads the git history; .* is not a git repository\.\nhint: Give dates to list the changes the records date in a period: csr changes 2026-01-01 2026-06-30\.\n$/);
    expect(existsSync(join(plain, "out"))).toBe(false);
    // A period needs no git: the records date it; only what they do not date is left out, and the note says so.
    const period = await csrInProcess(["-C", plain, "changes", "2025-01-01", "2025-12-31", "--lang", "en"]);
    expect(period).toEqual({
      code: 0,
      stderr: "",
      stdout: lines(
        "Changes: 2025-01-01 to 2025-12-31",
        "",
        "Area  Change  ID  Title  Before  After  Detail  Date",
        "----  ------  --  -----  ------  -----  ------  ----",
        "",
        "Nothing changed in this range.",
        "The changes the records date from 2025-01-01 to 2025-12-31: documents issued, revised (revision record), taking effect and withdrawn; controlled copies issued and taken back (lost, destroyed or stamped obsolete and kept too) and electronic issues; periodic reviews of and training on documents; external documents received; CSRs received, decided, reopened, confirmed unchanged in a new source revision, distributed, trained, implemented in production, verified and superseded; new customer source revisions; people who left; and the clauses covered or no longer covered as a result. Who joined, roles and departments, where CSRs are addressed and deleted files have no recorded date and can only be compared by git commit; the repository is not in git: such changes are not listed.",
      ),
    });
  });

  it("refuses a date and a revision together, and a period that ends before it starts", async () => {
    expect(await csrInProcess(["-C", dir, "changes", "2025-01-01", "audit-2026"], { env: TZ })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 2025-01-01 is a date and audit-2026 a commit or tag: give two dates or two commits.\nhint: Two dates list the changes recorded in that period (csr changes 2026-01-01 2026-06-30); two commits or tags compare two states of the repository (csr changes audit-2025 audit-2026).\n",
    });
    expect(await csrInProcess(["-C", dir, "changes", "2025-09-01", "2025-06-30"], { env: TZ })).toEqual({ code: 2, stdout: "", stderr: "csr: The period ends on 2025-06-30, before it starts on 2025-09-01.\n" });
  });

  it("refuses a day that does not exist as a mistyped date, not as a commit (tester18 F10)", async () => {
    expect(await csrInProcess(["-C", dir, "changes", "2025-11-01", "2025-11-31"], { env: TZ, lang: "zh-CN" })).toEqual({ code: 2, stdout: "", stderr: "csr: '2025-11-31' 不是有效日期：11 月只有 30 天。\n" });
    expect(await csrInProcess(["-C", dir, "changes", "2025-02-29"], { env: TZ })).toEqual({ code: 2, stdout: "", stderr: "csr: '2025-02-29' is not a valid date: month 2 has only 28 days.\n" });
    expect(await csrInProcess(["-C", dir, "changes", "2025-13-01", "2025-12-31"], { env: TZ })).toEqual({ code: 2, stdout: "", stderr: "csr: '2025-13-01' is not a valid date: there is no month 13.\n" });
  });
});

/**
 * A company that brings its existing system into csr: every record of years of document control in
 * one commit of 2026-12-01 (the state of the history above), then a revision released with csr.
 */
function importedSystem(from: string): string {
  const dir = tempDir();
  cpSync(from, dir, { recursive: true, filter: (path) => !path.split(/[\\/]/).includes(".git") });
  writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8") + lines("registers:", "  forms: { changes: QR-001-01 }", "  signatures: [编制, 审核, 批准]"));
  write(dir, {
    "documents/QR-001-01.yaml": lines("id: QR-001-01", "title: 文件更改记录", "level: 4", "kind: form", "department: QA", "status: released", "record: { retention: 3年 }", "revisions:", ...signed("A/0", "2025-01-02", "首次发布")),
  });
  gitInitEmpty(dir);
  commitAt(dir, "2026-12-01", "导入现有体系");
  return dir;
}

describe("csr changes of a system imported into git", { timeout: 120_000 }, () => {
  let history: string;
  let dir: string;
  beforeAll(async () => {
    history = await scriptedHistory();
    dir = importedSystem(history);
  });

  it("lists what the records date in the period, not the whole system as new", async () => {
    const result = await csrInProcess(["-C", dir, "changes", "2025-06-01", "2025-06-30"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "变更报告：2025-06-01 至 2025-06-30",
      "",
      "类别          变更    编号                  名称                  变更前  变更后  说明                                                                                              编制/审核/批准                                                       日期",
      "------------  ------  --------------------  --------------------  ------  ------  ------------------------------------------------------------------------------------------------  -------------------------------------------------------------------  ----------",
      "文件          换版    QP-001                顾客特定要求管理程序  A/0     A/1     增加评审时限                                                                                      编制：张伟 2025-06-01；审核：李娜 2025-06-01；批准：王强 2025-06-01  2025-06-01",
      "文件          新增    QP-002                文件控制程序                  A/0     首次发布                                                                                          编制：张伟 2025-06-01；审核：李娜 2025-06-01；批准：王强 2025-06-01  2025-06-01",
      "顾客特定要求  已决定  DYA-002               包装标签须含批次号            可选    决定人：王强；逾期 87 个工作日（评审期限 2025-01-20）；强制决定，缺 2 个部门会签：品质部、市场部                                                                       2025-06-02",
      "条款覆盖      新覆盖  IATF 16949 7.5.3.2.2  工程规范              未覆盖  已覆盖",
      "",
      "文件：新增 1，换版 1",
      "顾客特定要求：已决定 1",
      "条款覆盖：新覆盖 1",
      "按记录上的日期列出 2025-06-01 至 2025-06-30 的变更：文件的发布、换版（修订记录）、实施和作废，受控副本的发放和回收（含遗失、销毁和作废留用）和电子版发放，文件的定期评审和培训，外来文件的接收，顾客特定要求的接收、评审决定、重新评审、换版确认未变、发放、培训、导入生产（实施）、验证和替代，顾客来源文件的新版本，人员离职，以及因此新覆盖或失去覆盖的条款。人员的加入、角色和部门，顾客特定要求的落实文件，以及删除的文件没有记录日期，只能按 git 提交比较；git 历史始于 2026-12-01，晚于期间结束，这类变更未列入。",
      "",
    ]);
    // In English the clause is named by its catalog's English title, as the clause matrix names it (breaker59 H6).
    const en = await csrInProcess(["-C", dir, "changes", "2025-06-01", "2025-06-30", "--lang", "en", "--format", "csv"], { lang: null, env: TZ });
    expect(en.stdout.split("\r\n").filter((line) => line.includes("7.5.3.2.2"))).toEqual(["Clause coverage,now covered,IATF 16949 7.5.3.2.2,Engineering specifications,uncovered,covered,,,"]);
  });

  it("prints the period, organisation, form and signature lines as every register", async () => {
    const out = join(tempDir(), "变更报告.md");
    const result = await csrInProcess(["-C", dir, "changes", "2025-09-01", "2025-09-30", "--out", out], { lang: null, env: TZ });
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(
      lines(
        "## 变更报告",
        "",
        "测试汽车零部件有限公司 ｜ 表单编号：QR-001-01 A/0 ｜ 期间：2025-09-01 至 2025-09-30",
        "",
        "| 类别 | 变更 | 编号 | 名称 | 变更前 | 变更后 | 说明 | 日期 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        "| 文件 | 作废 | WI-001 | 来料检验作业指导书 | A/0 | 作废 | 并入 QP-002 → QP-002 | 2025-09-05 |",
        "| 顾客特定要求 | 重新评审 | DYA-001 | 特殊特性符号按顾客规定标识 | A | B | 顾客发布 B 版，评审期限 2025-09-15 | 2025-09-01 |",
        "| 顾客特定要求 | 新增 | DYA-003 | 返工须经顾客批准 |  | DYA-SQM B | 顾客：东岳汽车，来源：DYA-SQM B，评审期限 2025-09-15 | 2025-09-01 |",
        "| 顾客来源文件 | 新版本 | DYA-SQM | 供应商质量手册 | A | B | 顾客：东岳汽车 | 2025-09-01 |",
        "",
        "文件：作废 1  ",
        "顾客特定要求：新增 1，重新评审 1  ",
        "顾客来源文件：新版本 1  ",
        "按记录上的日期列出 2025-09-01 至 2025-09-30 的变更：文件的发布、换版（修订记录）、实施和作废，受控副本的发放和回收（含遗失、销毁和作废留用）和电子版发放，文件的定期评审和培训，外来文件的接收，顾客特定要求的接收、评审决定、重新评审、换版确认未变、发放、培训、导入生产（实施）、验证和替代，顾客来源文件的新版本，人员离职，以及因此新覆盖或失去覆盖的条款。人员的加入、角色和部门，顾客特定要求的落实文件，以及删除的文件没有记录日期，只能按 git 提交比较；git 历史始于 2026-12-01，晚于期间结束，这类变更未列入。  ",
        "",
        "编制：________________ 日期：____________　审核：________________ 日期：____________　批准：________________ 日期：____________",
      ),
    );
  });

  it("lists a person who left by the day people.yaml records, not by the commit", async () => {
    const repo = importedSystem(history);
    writeFileSync(join(repo, "people.yaml"), readFileSync(join(repo, "people.yaml"), "utf8").replace("  - id: wang\n", "    left: 2025-08-29\n  - id: wang\n"));
    commitAt(repo, "2026-12-02", "李娜已于 2025-08-29 离职");
    const august = JSON.parse((await csrInProcess(["-C", repo, "changes", "2025-08-01", "2025-08-31", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(august.changes).toEqual([{ area: "person", kind: "left", id: "li", title: "李娜", from: "approver, author, reviewer", to: "", detail: "MKT", date: "2025-08-29" }]);
    const table = await csrInProcess(["-C", repo, "changes", "2025-08-01", "2025-08-31"], { lang: null, env: TZ });
    expect(table.stdout.split("\n").slice(4, 7)).toEqual(["人员与角色  离职  li    李娜  批准、编制、审核          市场部  2025-08-29", "", "人员与角色：离职 1"]);
    const september = JSON.parse((await csrInProcess(["-C", repo, "changes", "2025-09-01", "2025-09-30", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(september.changes.filter((c) => c.area === "person")).toEqual([]);
  });

  it("lists a revision released to take effect later in the period of its release, with its 实施日期, and again in the period it takes effect", async () => {
    const repo = importedSystem(history);
    write(repo, {
      "documents/QP-002.yaml": procedure("QP-002", "文件控制程序", "IATF16949:7.5.3.2.2", [signed("A/0", "2025-06-01", "首次发布"), [...signed("A/1", "2025-06-20", "增加电子文件控制"), "    pages: P3", "    effective: 2025-07-15"]], ["effective: 2025-07-15"]),
    });
    commitAt(repo, "2026-12-02", "QP-002 A/1，2025-07-15 实施");
    const june = await csrInProcess(["-C", repo, "changes", "2025-06-15", "2025-06-30"], { lang: null, env: TZ });
    expect(june.stdout.split("\n").slice(4, 8)).toEqual(["文件  换版  QP-002  文件控制程序  A/0     A/1     增加电子文件控制（更改页：P3）（2025-07-15 实施）  编制：张伟 2025-06-20；审核：李娜 2025-06-20；批准：王强 2025-06-20  2025-06-20", "", "文件：换版 1", expect.any(String)]);
    const july = await csrInProcess(["-C", repo, "changes", "2025-07-01", "2025-07-31"], { lang: null, env: TZ });
    expect(july.stdout.split("\n").slice(2, 8)).toEqual([
      "类别  变更  编号    名称          变更前  变更后  说明                                               日期",
      "----  ----  ------  ------------  ------  ------  -------------------------------------------------  ----------",
      "文件  实施  QP-002  文件控制程序  A/0     A/1     增加电子文件控制（更改页：P3）（2025-06-20 发布）  2025-07-15",
      "",
      "文件：实施 1",
      expect.stringContaining("文件的发布、换版（修订记录）、实施和作废"),
    ]);
    const data = JSON.parse((await csrInProcess(["-C", repo, "changes", "2025-06-01", "2025-07-31", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(data.changes.filter((c) => c.id === "QP-002")).toEqual([
      { area: "document", kind: "added", id: "QP-002", title: "文件控制程序", from: "", to: "A/0", detail: "首次发布", signatures: signatures("2025-06-01"), date: "2025-06-01" },
      { area: "document", kind: "released", id: "QP-002", title: "文件控制程序", from: "A/0", to: "A/1", detail: "增加电子文件控制", pages: "P3", signatures: signatures("2025-06-20"), effective: "2025-07-15", date: "2025-06-20" },
      { area: "document", kind: "effective", id: "QP-002", title: "文件控制程序", from: "A/0", to: "A/1", detail: "增加电子文件控制", pages: "P3", effective: "2025-07-15", released: "2025-06-20", date: "2025-07-15" },
    ]);
    const english = await csrInProcess(["-C", repo, "changes", "2025-07-01", "2025-07-31", "--lang", "en"], { env: TZ });
    expect(english.stdout).toContain("Documents  takes effect  QP-002  文件控制程序  A/0     A/1    增加电子文件控制 (pages P3) (released 2025-06-20)  2025-07-15");
  });

  it("says when the period ends after today: the days after it have not happened", async () => {
    // Today where the run is (TZ): from 16:00 UTC on, Shanghai is a day ahead of the test's own clock.
    const now = new Intl.DateTimeFormat("en-CA", { timeZone: TZ.TZ }).format(new Date());
    const result = await csrInProcess(["-C", dir, "changes", "2098-01-01", "2098-12-31"], { lang: null, env: TZ });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").slice(-3)).toEqual([
      "此期间没有变更。",
      `按记录上的日期列出 2098-01-01 至 2098-12-31 的变更：文件的发布、换版（修订记录）、实施和作废，受控副本的发放和回收（含遗失、销毁和作废留用）和电子版发放，文件的定期评审和培训，外来文件的接收，顾客特定要求的接收、评审决定、重新评审、换版确认未变、发放、培训、导入生产（实施）、验证和替代，顾客来源文件的新版本，人员离职，以及因此新覆盖或失去覆盖的条款。人员的加入、角色和部门，顾客特定要求的落实文件，以及删除的文件没有记录日期，按 git 提交比较（${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}, 2026-12-01 → ${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}, 2026-12-01）。期间结束于 2098-12-31，在今天（${now}）之后：此后的日子尚未过去，列出的只是记录上已定在那几天的变更（如定在那几天实施的换版），截至今天。`,
      "",
    ]);
    const past = await csrInProcess(["-C", dir, "changes", "2025-07-01", "2025-07-31"], { lang: null, env: TZ });
    expect(past.stdout).not.toContain("在今天");
  });

  it("between two commits, dates the rows by their records and says which lie outside the commits' days", async () => {
    const repo = importedSystem(history);
    write(repo, {
      "documents/QP-002.yaml": procedure("QP-002", "文件控制程序", "IATF16949:7.5.3.2.2", [signed("A/0", "2025-06-01", "首次发布"), [...signed("A/1", "2026-11-25", "增加电子文件控制"), "    pages: P3-P4"]]),
    });
    commitAt(repo, "2026-12-02", "QP-002 A/1");
    const result = await csrInProcess(["-C", repo, "changes", "HEAD~1", "HEAD"], { lang: null, env: TZ });
    expect(result.code).toBe(0);
    const short = (rev: string) => git(repo, ["rev-parse", "--short=7", rev]).trim();
    expect(result.stdout.split("\n")).toEqual([
      `变更报告：HEAD~1 (${short("HEAD~1")}, 2026-12-01) → HEAD (${short("HEAD")}, 2026-12-02)`,
      "",
      "类别  变更  编号    名称          变更前  变更后  说明                               编制/审核/批准                                                       日期",
      "----  ----  ------  ------------  ------  ------  ---------------------------------  -------------------------------------------------------------------  ----------",
      "文件  换版  QP-002  文件控制程序  A/0     A/1     增加电子文件控制（更改页：P3-P4）  编制：张伟 2026-11-25；审核：李娜 2026-11-25；批准：王强 2026-11-25  2026-11-25",
      "",
      "文件：换版 1",
      "按提交比较：列出两次提交之间记入仓库的变更；日期一栏是记录上的日期，不是提交的日期。其中 1 项的日期不在 2026-12-01 至 2026-12-02 之间。",
      "",
    ]);
    const period = JSON.parse((await csrInProcess(["-C", repo, "changes", "2026-11-01", "2026-11-30", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(period.commits).toBeNull();
    expect(period.changes).toEqual([{ area: "document", kind: "released", id: "QP-002", title: "文件控制程序", from: "A/0", to: "A/1", detail: "增加电子文件控制", pages: "P3-P4", signatures: signatures("2026-11-25"), date: "2026-11-25" }]);
  });
});

/**
 * A customer's month (auditor17 F15): DYA-SQM B received 11-09 (DYA-001 reopened), DYA-008 received
 * 11-10 from B, both decided 11-19, DYA-001's decision amended 11-21 (必须满足 → 可选), DYA-SQM C
 * received 11-27 (both reopened); DYA-PPAP 1.0 received 11-20 and 2.0 on 11-30. Written as csr source
 * update and csr review --amend write them: each closed round and replaced decision kept in review.history.
 */
function customerMonth(): string {
  const opinions = (date: string) => [
    "    opinions:",
    `      - { department: QA, reviewer: zhang, opinion: accept, date: ${date} }`,
    `      - { department: MKT, reviewer: li, opinion: accept, date: ${date} }`,
  ];
  const dir = minimalRepo({
    "customers/DYA.yaml": lines(
      "code: DYA",
      "name: 东岳汽车",
      "sources:",
      "  - id: DYA-SQM",
      "    title: 供应商质量手册",
      "    revisions:",
      "      - { revision: A, received: 2025-01-06, status: superseded }",
      "      - { revision: B, issued: 2025-11-02, received: 2025-11-09, status: superseded, supersedes: A }",
      "      - { revision: C, issued: 2025-11-25, received: 2025-11-27, status: current, supersedes: B }",
      "  - id: DYA-PPAP",
      "    title: 生产件批准手册",
      "    revisions:",
      "      - { revision: \"1.0\", received: 2025-11-20, status: superseded }",
      "      - { revision: \"2.0\", received: 2025-11-30, status: current, supersedes: \"1.0\" }",
    ),
    "csr/DYA/DYA-001.yaml": lines(
      "id: DYA-001",
      "customer: DYA",
      "source: { document: DYA-SQM, revision: C }",
      "clauses: [IATF16949:8.3.3.3]",
      "title: 特殊特性符号按顾客规定标识",
      "received: 2025-01-06",
      "review:",
      "  restarted: 2025-11-27",
      "  history:",
      "    - source_revision: A",
      "      closed: 2025-11-09",
      "      reason: DYA-SQM 换版为 B，重新评审",
      ...opinions("2025-01-07").map((l) => `  ${l}`),
      "      decision: { disposition: must, by: wang, date: 2025-01-08 }",
      "    - reason: amended",
      "      closed: 2025-11-21",
      "      decision: { disposition: must, by: wang, date: 2025-11-19 }",
      "    - source_revision: B",
      "      closed: 2025-11-27",
      "      reason: DYA-SQM 换版为 C，重新评审",
      ...opinions("2025-11-12").map((l) => `  ${l}`),
      "      decision: { disposition: optional, by: wang, date: 2025-11-21 }",
    ),
    "csr/DYA/DYA-008.yaml": lines(
      "id: DYA-008",
      "customer: DYA",
      "source: { document: DYA-SQM, revision: C, section: \"4.3\" }",
      "clauses: [IATF16949:8.3.3.3]",
      "title: 特殊特性须在作业指导书中以东岳符号标识",
      "received: 2025-11-10",
      "review:",
      "  restarted: 2025-11-27",
      "  history:",
      "    - source_revision: B",
      "      closed: 2025-11-27",
      "      revised_to: C",
      ...opinions("2025-11-12").map((l) => `  ${l}`),
      "      decision: { disposition: must, by: wang, date: 2025-11-19 }",
    ),
  });
  gitInitEmpty(dir);
  commitAt(dir, "2025-12-01", "十一月：DYA-SQM B、C 版，DYA-PPAP 1.0、2.0");
  return dir;
}

describe("csr changes of a customer's month", { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = customerMonth();
  });
  const period = async (from: string, to: string) => {
    const result = await csrInProcess(["-C", dir, "changes", from, to, "--format", "json"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    return (JSON.parse(result.stdout) as PeriodJson).changes.map((c) => [c.area, c.kind, c.id, c.from, c.to, c.detail, c.date].join(" "));
  };

  it("lists each source revision, receipt, decision, amended decision and reopen on its day, and the month is the union of its halves", async () => {
    const month = await period("2025-11-01", "2025-11-30");
    expect(month).toEqual([
      "csr reopened DYA-001 A B DYA-SQM 换版为 B，重新评审 2025-11-09",
      "csr added DYA-008  DYA-SQM B DYA 2025-11-10",
      "csr decided DYA-001  must wang 2025-11-19",
      "csr decided DYA-008  must wang 2025-11-19",
      "csr decided DYA-001 must optional wang 2025-11-21",
      "csr reopened DYA-001 B C DYA-SQM 换版为 C，重新评审 2025-11-27",
      "csr reopened DYA-008 B C  2025-11-27",
      "source revised DYA-SQM A B DYA 2025-11-09",
      "source added DYA-PPAP  1.0 DYA 2025-11-20",
      "source revised DYA-SQM B C DYA 2025-11-27",
      "source revised DYA-PPAP 1.0 2.0 DYA 2025-11-30",
    ]);
    const halves = [...(await period("2025-11-01", "2025-11-20")), ...(await period("2025-11-21", "2025-11-30"))];
    expect([...halves].sort()).toEqual([...month].sort());
  });

  it("prints each row in words, by date: who decided or changed a decision, whose source and by when its review is due, when the customer issued it", async () => {
    const result = await csrInProcess(["-C", dir, "changes", "2025-11-01", "2025-11-30"], { lang: null, env: TZ });
    expect(result.stdout.split("\n").slice(4, 15)).toEqual([
      "顾客特定要求  重新评审  DYA-001   特殊特性符号按顾客规定标识              A         B          DYA-SQM 换版（A → B），重新评审，评审期限 2025-11-21      2025-11-09",
      "顾客特定要求  新增      DYA-008   特殊特性须在作业指导书中以东岳符号标识            DYA-SQM B  顾客：东岳汽车，来源：DYA-SQM B 4.3，评审期限 2025-11-24  2025-11-10",
      "顾客特定要求  已决定    DYA-001   特殊特性符号按顾客规定标识                        必须满足   决定人：王强                                              2025-11-19",
      "顾客特定要求  已决定    DYA-008   特殊特性须在作业指导书中以东岳符号标识            必须满足   决定人：王强                                              2025-11-19",
      "顾客特定要求  已决定    DYA-001   特殊特性符号按顾客规定标识              必须满足  可选       更改结论，决定人：王强                                    2025-11-21",
      "顾客特定要求  重新评审  DYA-001   特殊特性符号按顾客规定标识              B         C          DYA-SQM 换版（B → C），重新评审，评审期限 2025-12-11      2025-11-27",
      "顾客特定要求  重新评审  DYA-008   特殊特性须在作业指导书中以东岳符号标识  B         C          DYA-SQM 换版（B → C），重新评审，评审期限 2025-12-11      2025-11-27",
      "顾客来源文件  新版本    DYA-SQM   供应商质量手册                          A         B          顾客：东岳汽车，发布日期 2025-11-02                       2025-11-09",
      "顾客来源文件  新增      DYA-PPAP  生产件批准手册                                    1.0        顾客：东岳汽车                                            2025-11-20",
      "顾客来源文件  新版本    DYA-SQM   供应商质量手册                          B         C          顾客：东岳汽车，发布日期 2025-11-25                       2025-11-27",
      "顾客来源文件  新版本    DYA-PPAP  生产件批准手册                          1.0       2.0        顾客：东岳汽车                                            2025-11-30",
    ]);
  });
});

describe("csr changes of a CSR new in the period", { timeout: 120_000 }, () => {
  it("says where it was addressed, as for an existing CSR's new place (auditor17 F12)", async () => {
    const dir = await scriptedHistory();
    const file = join(dir, "csr/DYA/DYA-003.yaml");
    writeFileSync(file, readFileSync(file, "utf8") + lines("addressed: [{ document: QP-002, section: \"5.4\" }]"));
    commitAt(dir, "2025-09-20", "DYA-003 落实到 QP-002 5.4");
    const september = JSON.parse((await csrInProcess(["-C", dir, "changes", "2025-09-01", "2025-09-30", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(september.changes.filter((c) => c.id === "DYA-003").map((c) => [c.kind, c.from, c.to, c.date])).toEqual([
      ["added", "", "DYA-SQM B", "2025-09-01"],
      ["addressed", "", "QP-002 5.4", null],
    ]);
    const table = await csrInProcess(["-C", dir, "changes", "2025-09-01", "2025-09-30"], { lang: null, env: TZ });
    expect(table.stdout).toContain("顾客特定要求：新增 1，重新评审 1，落实文件变更 2");
  });
});

describe("csr changes in English", { timeout: 120_000 }, () => {
  it("prints the records' English titles, as every English register, and calls a later revision revised (auditor17 F3)", async () => {
    const dir = await scriptedHistory();
    const append = (path: string, line: string) => writeFileSync(join(dir, path), readFileSync(join(dir, path), "utf8") + line + "\n");
    append("documents/QP-001.yaml", "title_en: CSR Management Procedure");
    append("csr/DYA/DYA-002.yaml", "title_en: Packaging labels carry the lot number");
    writeFileSync(join(dir, "customers/DYA.yaml"), readFileSync(join(dir, "customers/DYA.yaml"), "utf8").replace("    title: 供应商质量手册\n", "    title: 供应商质量手册\n    title_en: Supplier Quality Manual\n"));
    commitAt(dir, "2025-09-06", "English titles");
    const result = await csrInProcess(["-C", dir, "changes", "2025-06-01", "2025-09-30", "--lang", "en"], { env: TZ });
    expect(result.stdout.split("\n").filter((line) => /QP-001|DYA-002|DYA-SQM/.test(line))).toEqual([
      "Documents                  revised          QP-001                CSR Management Procedure               A/0               A/1                         增加评审时限                                                                                                                               prepared: 张伟 2025-06-01; reviewed: 李娜 2025-06-01; approved: 王强 2025-06-01  2025-06-01",
      "CSRs                       decided          DYA-002               Packaging labels carry the lot number                    optional                    decided by 王强; late by 87 working days (review due 2025-01-20); decision forced; countersign missing from 2 departments: 品质部, 市场部                                                                                   2025-06-02",
      "CSRs                       added            DYA-003               返工须经顾客批准                                         DYA-SQM B                   customer: 东岳汽车, from DYA-SQM B, review due 2025-09-15                                                                                                                                                                   2025-09-01",
      `CSRs                       link removed     DYA-001               特殊特性符号按顾客规定标识             QP-001                                        committed by Test User (${git(dir, ["rev-parse", "--short=7", "HEAD~1"]).trim()})                                                                                                                                                                                            2025-09-05`,
      "CSRs                       where addressed  DYA-001               特殊特性符号按顾客规定标识             QP-001            QP-001, QP-002 5.3",
      "Customer source documents  new revision     DYA-SQM               Supplier Quality Manual                A                 B                           customer: 东岳汽车                                                                                                                                                                                                          2025-09-01",
    ]);
  });
});

/**
 * A customer's November, made with csr's own commands (tester18 F4, F12): DYA-002 received 11-02 and
 * decided with --force on 11-10, its countersigns then named on a paper review record; DYA-003 received
 * 11-03 and decided with --force on 11-12, nothing more; DYA-SQM B received 11-23, DYA-001 confirmed
 * unchanged in it on 11-25 (csr source update --unchanged), the others reopened.
 */
async function reviewMonth(standard: "IATF16949" | "GJB9001C"): Promise<string> {
  const csrFile = (id: string, title: string, received: string, section: string, extra: string[] = []) =>
    lines(`id: ${id}`, "customer: DYA", `source: { document: DYA-SQM, revision: A, section: "${section}" }`, `clauses: ["${standard}:8.2.3"]`, `title: ${title}`, `received: ${received}`, ...extra);
  const dir = minimalRepo({
    "customers/DYA.yaml": lines("code: DYA", "name: 东岳汽车", "sources:", "  - id: DYA-SQM", "    title: 供应商质量手册", "    title_en: Supplier Quality Manual", "    revisions:", "      - { revision: A, received: 2026-10-08 }"),
    "csr/DYA/DYA-001.yaml": csrFile("DYA-001", "特殊特性符号按顾客规定标识", "2026-10-08", "4.2", [
      "title_en: Special characteristics carry the customer's symbols",
      "review:",
      "  opinions:",
      "    - { department: QA, reviewer: zhang, opinion: accept, date: 2026-10-09 }",
      "    - { department: MKT, reviewer: li, opinion: accept, date: 2026-10-09 }",
      "  decision: { disposition: must, by: wang, date: 2026-10-12 }",
      // Verified by its own owner: marked as every output marks it (tester53 N4).
      "implementation: { owner: zhang, status: verified, implemented: 2026-11-05, verified: { by: zhang, date: 2026-11-26 } }",
    ]),
    "csr/DYA/DYA-002.yaml": csrFile("DYA-002", "包装标签须含批次号", "2026-11-02", "5.3"),
    "csr/DYA/DYA-003.yaml": csrFile("DYA-003", "返工须经顾客批准", "2026-11-03", "6.1"),
  });
  if (standard !== "IATF16949") writeFileSync(join(dir, "qms.yaml"), readFileSync(join(dir, "qms.yaml"), "utf8").replace("standards: [IATF16949]", `standards: [${standard}]`));
  gitInitEmpty(dir);
  commitAt(dir, "2026-10-31", "十月");
  for (const args of [
    ["review", "DYA-002", "--disposition", "must", "--by", "wang", "--date", "2026-11-10", "--force", "-y"],
    ["review", "DYA-002", "--record", "2026-11 评审记录 第12号", "-y"],
    // Decided after its deadline (2026-11-17), with the reason (tester54a A15).
    ["review", "DYA-003", "--disposition", "optional", "--by", "wang", "--date", "2026-11-19", "--force", "--late-reason", "等待东岳澄清返工范围", "-y"],
    ["source", "update", "DYA-SQM", "--revision", "B", "--issued", "2026-11-20", "--received", "2026-11-23", "--unchanged", "DYA-001", "--by", "wang", "--date", "2026-11-25", "-y"],
  ]) {
    const result = await csrInProcess(["-C", dir, ...args], { env: TZ });
    expect([args.join(" "), result.code]).toEqual([args.join(" "), 0]);
  }
  return dir;
}

describe("csr changes of a month of reviews", { timeout: 120_000 }, () => {
  it("says how each decision was taken, as the review-timeliness register's remark does (tester18 F4), and lists a CSR confirmed unchanged in a new source revision (tester18 F12)", async () => {
    const dir = await reviewMonth("IATF16949");
    const result = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n").filter((line) => line.startsWith("顾客"))).toEqual([
      "顾客特定要求  新增      DYA-002  包装标签须含批次号                  DYA-SQM A                                   顾客：东岳汽车，来源：DYA-SQM A 5.3，评审期限 2026-11-16                                                                         2026-11-02",
      "顾客特定要求  新增      DYA-003  返工须经顾客批准                    DYA-SQM A                                   顾客：东岳汽车，来源：DYA-SQM A 6.1，评审期限 2026-11-17                                                                         2026-11-03",
      "顾客特定要求  已实施    DYA-001  特殊特性符号按顾客规定标识  实施中  已实施                                      负责人：张伟                                                                                                                     2026-11-05",
      "顾客特定要求  已决定    DYA-002  包装标签须含批次号                  必须满足                                    决定人：王强；会签见纸质评审记录 2026-11 评审记录 第12号                                                                         2026-11-10",
      "顾客特定要求  已决定    DYA-003  返工须经顾客批准                    可选                                        决定人：王强；逾期 2 个工作日（评审期限 2026-11-17）；逾期原因：等待东岳澄清返工范围；强制决定，缺 2 个部门会签：品质部、市场部  2026-11-19",
      "顾客特定要求  重新评审  DYA-002  包装标签须含批次号          A       B                                           DYA-SQM 换版（A → B），重新评审，评审期限 2026-12-07                                                                             2026-11-23",
      "顾客特定要求  重新评审  DYA-003  返工须经顾客批准            A       B                                           DYA-SQM 换版（A → B），重新评审，评审期限 2026-12-07                                                                             2026-11-23",
      "顾客特定要求  确认未变  DYA-001  特殊特性符号按顾客规定标识  A       B                                           确认人：王强                                                                                                                     2026-11-25",
      "顾客特定要求  已验证    DYA-001  特殊特性符号按顾客规定标识  已实施  已验证（验证人即实施负责人，见 csr check）  验证人：张伟                                                                                                                     2026-11-26",
      "顾客来源文件  新版本    DYA-SQM  供应商质量手册              A       B                                           顾客：东岳汽车，发布日期 2026-11-20                                                                                              2026-11-23",
      "顾客特定要求：新增 2，已决定 2，重新评审 2，确认未变 1，已实施 1，已验证 1",
      "顾客来源文件：新版本 1",
    ]);
    // The same remarks as the review-timeliness register's, whose rows of those rounds give them.
    const reviews = await csrInProcess(["-C", dir, "list", "reviews", "--today", "2026-11-30", "--format", "json"], { lang: null, env: TZ });
    expect((JSON.parse(reviews.stdout) as { rows: { id: string; decided: string | null; remark: string }[] }).rows.map((r) => [r.id, r.decided, r.remark])).toEqual([
      ["DYA-001", "2026-10-12", ""],
      ["DYA-001", "2026-11-25", ""],
      ["DYA-002", "2026-11-10", "会签见纸质评审记录 2026-11 评审记录 第12号"],
      ["DYA-002", null, ""],
      ["DYA-003", "2026-11-19", "强制决定，缺 2 个部门会签：品质部、市场部"],
      ["DYA-003", null, ""],
    ]);
    const english = await csrInProcess(["-C", dir, "changes", "2026-11-10", "2026-11-30", "--lang", "en"], { env: TZ });
    expect(english.stdout.split("\n").filter((line) => /^(CSRs|Customer source)/.test(line))).toEqual([
      "CSRs                       decided              DYA-002  包装标签须含批次号                                                 must meet                                                decided by 王强; countersigns on the signed paper review record 2026-11 评审记录 第12号                                                                                           2026-11-10",
      "CSRs                       decided              DYA-003  返工须经顾客批准                                                   optional                                                 decided by 王强; late by 2 working days (review due 2026-11-17); reason for delay: 等待东岳澄清返工范围; decision forced; countersign missing from 2 departments: 品质部, 市场部  2026-11-19",
      "CSRs                       reopened             DYA-002  包装标签须含批次号                                    A            B                                                        DYA-SQM revised (A → B), reviewed again, review due 2026-12-07                                                                                                                    2026-11-23",
      "CSRs                       reopened             DYA-003  返工须经顾客批准                                      A            B                                                        DYA-SQM revised (A → B), reviewed again, review due 2026-12-07                                                                                                                    2026-11-23",
      "CSRs                       confirmed unchanged  DYA-001  Special characteristics carry the customer's symbols  A            B                                                        confirmed by 王强                                                                                                                                                                 2026-11-25",
      "CSRs                       verified             DYA-001  Special characteristics carry the customer's symbols  implemented  verified (by the implementation's owner, see csr check)  verified by 张伟                                                                                                                                                                  2026-11-26",
      "Customer source documents  new revision         DYA-SQM  Supplier Quality Manual                               A            B                                                        customer: 东岳汽车, issued 2026-11-20                                                                                                                                             2026-11-23",
      "CSRs: decided 2, reopened 2, confirmed unchanged 1, verified 1",
      "Customer source documents: new revision 1",
    ]);
    const data = JSON.parse((await csrInProcess(["-C", dir, "changes", "2026-11-25", "2026-11-25", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(data.changes).toEqual([{ area: "csr", kind: "confirmed", id: "DYA-001", title: "特殊特性符号按顾客规定标识", from: "A", to: "B", detail: "wang", date: "2026-11-25" }]);
  });

  it("in a repository without IATF 16949 says customer requirements in English where Chinese says 顾客要求: the change report and the workbook's sheets (tester18 F3)", async () => {
    const dir = await reviewMonth("GJB9001C");
    const chinese = await csrInProcess(["-C", dir, "changes", "2026-11-25", "2026-11-30"], { lang: null, env: TZ });
    expect(chinese.stdout.split("\n")[4]).toBe("顾客要求  确认未变  DYA-001  特殊特性符号按顾客规定标识  A       B                                           确认人：王强  2026-11-25");
    const english = await csrInProcess(["-C", dir, "changes", "2026-11-25", "2026-11-30", "--lang", "en"], { env: TZ });
    expect(english.stdout.split("\n").slice(4)).toEqual([
      "Customer requirements  confirmed unchanged  DYA-001  Special characteristics carry the customer's symbols  A            B                                                        confirmed by 王强  2026-11-25",
      "Customer requirements  verified             DYA-001  Special characteristics carry the customer's symbols  implemented  verified (by the implementation's owner, see csr check)  verified by 张伟   2026-11-26",
      "",
      "Customer requirements: confirmed unchanged 1, verified 1",
      `The changes the records date from 2026-11-25 to 2026-11-30: documents issued, revised (revision record), taking effect and withdrawn; controlled copies issued and taken back (lost, destroyed or stamped obsolete and kept too) and electronic issues; periodic reviews of and training on documents; external documents received; customer requirements received, decided, reopened, confirmed unchanged in a new source revision, distributed, trained, implemented in production, verified and superseded; new customer source revisions; people who left; and the clauses covered or no longer covered as a result. Who joined, roles and departments, where customer requirements are addressed and deleted files have no recorded date and are compared by git commit (${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}, 2026-10-31 → ${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}, 2026-10-31).`,
      "",
    ]);
    const out = join(tempDir(), "registers.xlsx");
    expect((await csrInProcess(["-C", dir, "export", "--out", out, "--lang", "en"], { env: TZ })).code).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name).filter((name) => /CSR|ustomer/.test(name))).toEqual(["Customers", "Customer requirements matrix", "Customer requirements list"]);
    expect(book.getWorksheet("Review timeliness")!.getCell("A1").value).toBe("Customer requirement review timeliness (6 in total)");
    // The column headers too, where the abbreviation stood alone (tester19 F7).
    const headers = (sheet: string) => (book.getWorksheet(sheet)!.getRow(2).values as unknown[]).filter((v) => typeof v === "string" && /CSR|ustomer requirement/.test(v));
    expect([headers("Customer requirements matrix"), headers("Review timeliness"), headers("Training")]).toEqual([["Customer requirement"], ["Customer requirement"], ["Document/customer requirement"]]);
    const reviews = await csrInProcess(["-C", dir, "list", "reviews", "--today", "2026-11-30", "--lang", "en"], { env: TZ });
    expect(reviews.stdout.split("\n")[2]).toMatch(/^No\.  Customer requirement  Customer  Source document  /);
  });
});

describe("csr changes of a system adopted with its history (tester20)", { timeout: 120_000 }, () => {
  it("calls an imported revision that is not a first issue a 换版 from the paper record, and an external document received 接收 with its edition and day (F30, F25)", async () => {
    const repo = importedSystem(await scriptedHistory());
    write(repo, {
      "documents/QP-005.yaml": lines("id: QP-005", "title: 不合格品控制程序", "level: 2", "kind: procedure", "department: QA", "status: released", "revisions:", "  - { version: A/2, date: 2025-06-10, imported: true }"),
      "documents/QP-006.yaml": lines("id: QP-006", "title: 纠正措施程序", "level: 2", "kind: procedure", "department: QA", "status: released", "revisions:", "  - { version: A/0, date: 2025-06-11, imported: true }"),
      "documents/external/HY-123.yaml": lines("id: HY-123", "title: 零件图样", "level: 3", "kind: external", "department: QA", "status: released", "external: { publisher: 华宇汽车系统有限公司, revision: C, issued: 2025-06-01, effective: 2025-07-01, received: 2025-06-12 }"),
    });
    commitAt(repo, "2026-12-02", "导入程序文件一览表和外来文件清单");
    const data = JSON.parse((await csrInProcess(["-C", repo, "changes", "2025-06-01", "2025-06-30", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(data.changes.filter((c) => ["QP-005", "QP-006", "HY-123"].includes(c.id))).toEqual([
      { area: "document", kind: "released", id: "QP-005", title: "不合格品控制程序", from: "", to: "A/2", detail: "", imported: true, date: "2025-06-10" },
      { area: "document", kind: "added", id: "QP-006", title: "纠正措施程序", from: "", to: "A/0", detail: "", imported: true, date: "2025-06-11" },
      { area: "document", kind: "received", id: "HY-123", title: "零件图样", from: "", to: "C", detail: "华宇汽车系统有限公司", effective: "2025-07-01", date: "2025-06-12" },
    ]);
    const table = await csrInProcess(["-C", repo, "changes", "2025-06-01", "2025-06-30", "--format", "csv"], { lang: null, env: TZ });
    expect(table.stdout.split(/\r?\n/).filter((l) => /QP-005|QP-006|HY-123/.test(l))).toEqual([
      "文件,换版,QP-005,不合格品控制程序,见原纸质记录,A/2,导入前已发布的版本，修订内容见原纸质记录,,2025-06-10",
      "文件,新增,QP-006,纠正措施程序,,A/0,导入前已发布的版本，修订内容见原纸质记录,,2025-06-11",
      "文件,接收,HY-123,零件图样,,C,外来文件，发布单位：华宇汽车系统有限公司（2025-07-01 实施）,,2025-06-12",
    ]);
    const english = await csrInProcess(["-C", repo, "changes", "2025-06-01", "2025-06-30", "--format", "csv", "--lang", "en"], { env: TZ });
    expect(english.stdout.split(/\r?\n/).filter((l) => /QP-005|HY-123/.test(l))).toEqual([
      "Documents,revised,QP-005,不合格品控制程序,see the paper record,A/2,Released before csr; the changes are on the paper record,,2025-06-10",
      "Documents,received,HY-123,零件图样,,C,\"external document, published by 华宇汽车系统有限公司 (effective 2025-07-01)\",,2025-06-12",
    ]);
  });

  it("does not list what the adoption brought in from before the period as its changes: a CSR's places, a person who had left (F14)", async () => {
    const history = await scriptedHistory();
    const dir = tempDir();
    cpSync(history, dir, { recursive: true, filter: (path) => !path.split(/[\\/]/).includes(".git") });
    const people = readFileSync(join(dir, "people.yaml"), "utf8");
    const adopted = { csr: readFileSync(join(dir, "csr/DYA/DYA-001.yaml"), "utf8") };
    rmSync(join(dir, "csr"), { recursive: true });
    gitInitEmpty(dir);
    commitAt(dir, "2026-11-02", "csr init");
    write(dir, { "csr/DYA/DYA-001.yaml": adopted.csr, "people.yaml": people + lines("  - id: liu", "    name: 刘伟", "    department: QA", "    roles: [author]", "    left: 2025-06-30", "  - id: zhou", "    name: 周敏", "    department: QA", "    roles: [author]") });
    commitAt(dir, "2026-11-20", "导入顾客特定要求清单");
    const data = JSON.parse((await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson & { entered: { area: string; kind: string; id: string }[] };
    expect(data.changes.map((c) => [c.area, c.kind, c.id])).toEqual([["person", "added", "zhou"]]);
    expect(data.entered.map((c) => [c.area, c.kind, c.id])).toEqual([["csr", "addressed", "DYA-001"], ["person", "added", "liu"]]);
    const table = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30"], { lang: null, env: TZ });
    expect(table.stdout).toContain("另有 1 个顾客特定要求（DYA-001）在 2026-11-01 之前接收、在本期才登记入库，其落实文件随登记录入，不是本期的变更，未列入。另有 1 名在 2026-11-01 之前已离职的人员（liu 刘伟）在本期登记入库（为历史签名），不是本期新增，未列入。");
    expect(table.stdout).not.toContain("落实文件变更");
  });
});

/** acme-auto in a git repository of its own, committed on 2026-11-02 as imported that day. */
function acmeImported(): string {
  const dir = tempDir();
  cpSync(join(import.meta.dirname, "../../examples/acme-auto"), dir, { recursive: true });
  gitInitEmpty(dir);
  commitAt(dir, "2026-11-02", "import");
  return dir;
}

describe("csr changes lists the month's training (tester55 C10) and periodic reviews (tester56 D7)", { timeout: 120_000 }, () => {
  it("lists a CSR's and a document's training session on its day: trainer, people trained, record, the revision trained on; a periodic review with its result", async () => {
    const dir = acmeImported();
    const train = await csrInProcess(["-C", dir, "train", "QP-012", "--people", "huangjun", "wuyan", "--trainer", "zhangli", "--date", "2026-10-29", "--record", "TR-2026-042", "-y"], { lang: null, env: TZ });
    expect(train.code).toBe(0);
    const review = await csrInProcess(["-C", dir, "periodic-review", "QP-003", "--by", "wangjg", "--result", "revise", "--comment", "管理评审输入须按IATF 9.3.2.1补充", "--date", "2026-10-15", "-y"], { lang: null, env: TZ });
    expect(review.code).toBe(0);
    const result = await csrInProcess(["-C", dir, "changes", "2026-10-01", "2026-10-31", "--format", "csv"], { lang: null, env: TZ });
    expect(result.stderr).toBe("");
    // The periodic review too (tester56 D7): the version it found in force, its result, who and why.
    expect(result.stdout.split(/\r?\n/).filter((l) => l.includes("定期评审"))[0]).toBe("文件,定期评审,QP-003,管理评审程序,A/0,需修订,评审人：王建国；管理评审输入须按IATF 9.3.2.1补充,2026-10-15");
    expect(result.stdout.split(/\r?\n/).filter((l) => l.includes("已培训"))).toEqual([
      "文件,已培训,QP-012,不合格品控制程序,,A/2,培训人：张丽；受训人：黄军、吴艳；培训记录 TR-2026-042,2026-10-29",
      "顾客特定要求,已培训,BCM-004,零件标签采用北辰统一二维码格式,,BCM-PKG A,培训人：张丽；受训人：黄军、吴艳；培训记录 TR-2026-041,2026-10-28",
    ]);
    // The day before the training, the month to then has none.
    const before = await csrInProcess(["-C", dir, "changes", "2026-10-01", "2026-10-27", "--format", "json"], { lang: null, env: TZ });
    expect((JSON.parse(before.stdout) as PeriodJson).changes.filter((c) => c.kind === "trained")).toEqual([]);
    const english = await csrInProcess(["-C", dir, "changes", "2026-10-28", "2026-10-28", "--lang", "en", "--format", "csv"], { env: TZ });
    expect(english.stdout.split(/\r?\n/).filter((l) => l.includes("trained"))).toEqual(["CSRs,trained,BCM-004,Part labels in the Beichen standard QR-code format,,BCM-PKG A,\"trainer: Zhang Li; trained: Huang Jun, Wu Yan; record TR-2026-041\",2026-10-28"]);
  });
});

describe("csr changes of a branch where a released document is being revised (tester57 E8)", { timeout: 120_000 }, () => {
  it("lists the revision in progress as csr list gives it, who submitted it and which sections its draft adds, removes, changes and renumbers, in both modes", async () => {
    const dir = acmeImported();
    git(dir, ["tag", "base"]);
    expect((await csrInProcess(["-C", dir, "submit", "QP-009", "--by", "zhaoqiang", "--date", "2026-11-20", "-y"], { lang: null, env: TZ })).code).toBe(0);
    const path = join(dir, "documents/procedures/QP-009.yaml");
    const text = readFileSync(path, "utf8");
    const draft = text
      .replace("法规要求的项目须有符合性证据。\n", "法规要求的项目须有符合性证据；东岳件加严检验。\n      - title: 供应商质量证明的核查\n        text: 每季度抽查随货质量证明。\n")
      .replace("  - title: 定义\n    title_en: Definitions\n    text: 本程序未使用需要专门定义的术语。\n", "");
    expect(draft).not.toBe(text);
    writeFileSync(path, draft);
    commitAt(dir, "2026-11-20", "修订 QP-009");
    const result = await csrInProcess(["-C", dir, "changes", "base", "HEAD", "--format", "csv"], { lang: null, env: TZ });
    expect(result.code).toBe(0);
    const sections = "章节：新增 4.3 供应商质量证明的核查；删除 4 定义；修改 4.2 检验与判定（原 5.2）；改号 4 作业流程（原 5）、4.1 报检（原 5.1）、4.4 放行与不合格处理（原 5.3）";
    expect(result.stdout.split(/\r?\n/).filter(Boolean)).toEqual([
      "\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期",
      `文件,修订中,QP-009,进料检验控制程序,A/0,已发布（修订中，2026-11-20 送审）,送审人：赵强；${sections},2026-11-20`,
    ]);
    // The same row by its day, the sections from the text in force at the period's start.
    const period = await csrInProcess(["-C", dir, "changes", "2026-11-20", "2026-11-20", "--format", "json"], { lang: null, env: TZ });
    expect((JSON.parse(period.stdout) as PeriodJson).changes.filter((c) => c.area === "document")).toEqual([
      {
        area: "document", kind: "revising", id: "QP-009", title: "进料检验控制程序", from: "A/0", to: "", detail: "zhaoqiang", date: "2026-11-20",
        sections: [
          // A section removed comes after the one that preceded it.
          { change: "removed", number: "4", title: "定义", title_en: "Definitions" },
          { change: "renumbered", number: "4", title: "作业流程", title_en: "Procedure", was: { number: "5", title: "作业流程", title_en: "Procedure" } },
          { change: "renumbered", number: "4.1", title: "报检", was: { number: "5.1", title: "报检" } },
          { change: "changed", number: "4.2", title: "检验与判定", was: { number: "5.2", title: "检验与判定" } },
          { change: "added", number: "4.3", title: "供应商质量证明的核查" },
          { change: "renumbered", number: "4.4", title: "放行与不合格处理", was: { number: "5.3", title: "放行与不合格处理" } },
        ],
      },
    ]);
    // Released, the revision is a 换版 row with the same sections and its signatures (tester57 E12).
    const release = await csrInProcess(["-C", dir, "release", "QP-009", "--summary", "东岳件加严检验", "--total-pages", "2", "--prepared", "zhaoqiang", "--reviewed", "zhangli", "--approved", "xuht", "--date", "2026-11-27", "--include-changes", "-y"], { lang: null, env: TZ });
    expect(release.stderr).toBe("");
    const released = await csrInProcess(["-C", dir, "changes", "base", "HEAD", "--format", "csv", "--lang", "en"], { env: TZ });
    expect(released.stdout.split(/\r?\n/).filter((l) => l.startsWith("Documents,revised"))).toEqual([
      'Documents,revised,QP-009,Incoming Inspection Procedure,A/0,A/1,"东岳件加严检验; sections: added 4.3 供应商质量证明的核查; removed 4 Definitions; changed 4.2 检验与判定 (was 5.2); renumbered 4 Procedure (was 5), 4.1 报检 (was 5.1), 4.4 放行与不合格处理 (was 5.3)",prepared: Zhao Qiang 2026-11-27; reviewed: Zhang Li 2026-11-27; approved: Xu Haitao 2026-11-27,2026-11-27',
    ]);
  });
});

describe("csr changes of the symbol conversion table (tester58 F7)", { timeout: 120_000 }, () => {
  it("lists a row added, changed, retired and the customer's approval, with who, why and when, in both modes, and says the report covers the table", async () => {
    const dir = acmeImported();
    git(dir, ["tag", "base"]);
    const run = async (args: string[], stderr = "") => {
      const result = await csrInProcess(["-C", dir, ...args], { lang: null, env: TZ });
      expect(result.stderr).toBe(stderr);
      expect(result.code).toBe(0);
      return result.stdout;
    };
    await run(["symbol", "add", "--customer", "DYA", "--customer-symbol", "◆", "--customer-class", "安全特性", "--symbol", "◆", "--class", "安全", "-y"]);
    await run(["symbol", "update", "DYA", "◇", "--meaning", "重要特性：影响装配或法规", "--by", "zhangli", "--date", "2026-12-02", "--reason", "DYA-SC C版重新定义", "-y"]);
    await run(["symbol", "retire", "DYA", "▽", "--by", "zhangli", "--date", "2026-12-03", "--reason", "DYA-SC C版取消该符号", "-y"]);
    await run(["symbol", "approve", "DYA", "--by", "刘涛（东岳SQE）", "--date", "2026-12-04", "--evidence", "邮件", "--source", "DYA-SC", "-y"]);
    commitAt(dir, "2026-12-04", "符号对照表按 DYA-SC C 版修改");
    const changed = ["◇ SC → ☆ 重要（重要特性：影响装配、功能或顾客满意）", "◇ SC → ☆ 重要（重要特性：影响装配或法规）"];
    const rows = [
      `特殊特性符号,修改,DYA ◇,SC,${changed[0]},${changed[1]},修改人：张丽；原因：DYA-SC C版重新定义,2026-12-02`,
      "特殊特性符号,停用,DYA ▽,CC,▽ CC → ★ 关键,,停用人：张丽；原因：DYA-SC C版取消该符号,2026-12-03",
      "特殊特性符号,顾客认可,DYA ◆,安全特性,,DYA-SC/B,顾客认可人：刘涛（东岳SQE）；证据：邮件,2026-12-04",
      "特殊特性符号,顾客认可,DYA ◇,SC,,DYA-SC/B,顾客认可人：刘涛（东岳SQE）；证据：邮件,2026-12-04",
      // A row added has no date of its own: the commits give it.
      "特殊特性符号,新增,DYA ◆,安全特性,,◆ 安全特性 → ◆ 安全,,",
    ];
    const commits = (await run(["changes", "base", "HEAD", "--format", "csv"], "本报告按两个提交比较；要按记录的日期列出某一期间的变更：csr changes 2026-11-02 2026-12-04。\n")).split(/\r?\n/).filter(Boolean);
    expect(commits).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", ...rows]);
    // The same rows by their records' days; the row added from the commits at the period's ends.
    const period = (await run(["changes", "2026-12-01", "2026-12-04", "--format", "csv"])).split(/\r?\n/).filter(Boolean);
    expect(period).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", ...rows]);
    const json = JSON.parse(await run(["changes", "2026-12-02", "2026-12-02", "--format", "json"])) as PeriodJson;
    expect(json.changes).toEqual([{ area: "symbol", kind: "changed", id: "DYA ◇", title: "SC", from: changed[0], to: changed[1], detail: "zhangli", remark: "DYA-SC C版重新定义", date: "2026-12-02" }]);
    // The footnote says what of the table the report covers, in each mode.
    const text = await run(["changes", "2026-12-01", "2026-12-04"]);
    expect(text).toContain("特殊特性符号：新增 1，修改 1，停用 1，顾客认可 2\n");
    expect(text).toContain("特殊特性符号转换表（symbols.yaml）：行的修改（csr symbol update）、停用和顾客认可按记录上的日期列出，行的新增和删除没有记录日期，按 git 提交比较。");
    const en = await csrInProcess(["-C", dir, "changes", "base", "HEAD", "--lang", "en"], { env: TZ });
    expect(en.stdout).toContain("Special-characteristic symbols: new 1, changed 1, retired 1, customer approval 2\n");
    expect(en.stdout).toContain("The special-characteristic symbol conversion table (symbols.yaml) is compared too: rows added, changed, retired, removed and approved by the customer.");
  });
});

describe("csr changes of a CSR linked to another document (tester57 E18)", { timeout: 120_000 }, () => {
  it("dates a link added by its pin and names who made it", async () => {
    const dir = acmeImported();
    git(dir, ["tag", "base"]);
    expect((await csrInProcess(["-C", dir, "address", "DYA-002", "QP-014", "--by", "zhangli", "--date", "2026-12-03", "-y"], { lang: null, env: TZ })).code).toBe(0);
    commitAt(dir, "2026-12-04", "DYA-002 落实到 QP-014");
    const result = await csrInProcess(["-C", dir, "changes", "base", "HEAD", "--format", "csv"], { lang: null, env: TZ });
    expect(result.code).toBe(0);
    expect(result.stdout.split(/\r?\n/).filter(Boolean)).toEqual([
      "\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期",
      '顾客特定要求,落实文件变更,DYA-002,顾客投诉的围堵和8D报告时限,"QP-013 5.2 顾客投诉时限, QR-013-01","QP-013 5.2 顾客投诉时限, QR-013-01, QP-014",落实人：张丽,2026-12-03',
    ]);
  });

  it("lists a link removed on the day of the commit that removed it, with its author, in both modes and every format", async () => {
    const dir = acmeImported();
    git(dir, ["tag", "base"]);
    const run = async (args: string[]) => {
      const result = await csrInProcess(["-C", dir, ...args], { lang: null, env: TZ });
      expect(result.code).toBe(0);
      return result.stdout;
    };
    await run(["address", "DYA-002", "QP-014", "--by", "zhangli", "--date", "2026-12-03", "-y"]);
    commitAt(dir, "2026-12-03", "DYA-002 落实到 QP-014");
    // Removed by someone people.yaml knows by e-mail, then the file changed again: the removal keeps its own commit.
    await run(["address", "DYA-002", "QR-013-01", "--remove", "-y"]);
    git(dir, ["commit", "-q", "-am", "DYA-002 不再由 QR-013-01 落实"], { GIT_AUTHOR_NAME: "li.zhang", GIT_AUTHOR_EMAIL: "Zhang.Li@example.com", GIT_AUTHOR_DATE: "2026-12-07T10:00:00+08:00", GIT_COMMITTER_DATE: "2026-12-07T10:00:00+08:00" });
    const removal = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    writeFileSync(join(dir, "csr/DYA/DYA-002.yaml"), readFileSync(join(dir, "csr/DYA/DYA-002.yaml"), "utf8").replace("  - document: QP-013\n    section: 5.2 顾客投诉时限\n", ""));
    commitAt(dir, "2026-12-09", "DYA-002 不再由 QP-013 5.2 落实");
    const last = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    const rows = [
      '顾客特定要求,落实文件变更,DYA-002,顾客投诉的围堵和8D报告时限,"QP-013 5.2 顾客投诉时限, QR-013-01","QP-013 5.2 顾客投诉时限, QR-013-01, QP-014",落实人：张丽,2026-12-03',
      `顾客特定要求,取消落实,DYA-002,顾客投诉的围堵和8D报告时限,QR-013-01,,提交人：张丽（提交 ${removal}）,2026-12-07`,
      `顾客特定要求,取消落实,DYA-002,顾客投诉的围堵和8D报告时限,QP-013 5.2 顾客投诉时限,,提交人：Test User（提交 ${last}）,2026-12-09`,
    ];
    expect((await run(["changes", "base", "HEAD", "--format", "csv"])).split(/\r?\n/).filter(Boolean)).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", ...rows]);
    expect((await run(["changes", "2026-12-01", "2026-12-31", "--format", "csv"])).split(/\r?\n/).filter(Boolean)).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", ...rows]);
    // A period that holds only the first removal.
    const json = JSON.parse(await run(["changes", "2026-12-05", "2026-12-08", "--format", "json"])) as PeriodJson;
    expect(json.changes).toEqual([
      { area: "csr", kind: "unaddressed", id: "DYA-002", title: "顾客投诉的围堵和8D报告时限", from: "QR-013-01", to: "", detail: "zhangli", commit: git(dir, ["rev-parse", removal]).trim(), date: "2026-12-07" },
    ]);
    const en = await csrInProcess(["-C", dir, "changes", "2026-12-05", "2026-12-08", "--lang", "en"], { env: TZ });
    expect(en.stdout).toMatch(new RegExp(`link removed +DYA-002 .* QR-013-01 +committed by Zhang Li \\(${removal}\\) +2026-12-07\n`));
    expect(en.stdout).toContain("CSRs: link removed 1\n");
  });
});

describe("csr changes of a new document submitted for approval (stop 57)", { timeout: 120_000 }, () => {
  it("lists the draft going from 草稿 to 审批中 on the day submitted, with who submitted it, in both modes", async () => {
    const draft = lines("id: QP-009", "title: 变更管理程序", "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - number: '1'", "    title: 目的", "    text: 规定变更的评审和批准。");
    const dir = minimalRepo({ "documents/QP-009.yaml": draft });
    gitInitEmpty(dir);
    commitAt(dir, "2026-11-02", "QP-009 草稿");
    git(dir, ["tag", "base"]);
    const submit = await csrInProcess(["-C", dir, "submit", "QP-009", "--by", "li", "--date", "2026-11-20", "-y"], { lang: null, env: TZ });
    expect([submit.code, submit.stderr]).toEqual([0, ""]);
    commitAt(dir, "2026-11-20", "QP-009 送审");
    const row = "文件,送审,QP-009,变更管理程序,草稿,审批中,送审人：李娜,2026-11-20";
    const commits = await csrInProcess(["-C", dir, "changes", "base", "HEAD", "--format", "csv"], { lang: null, env: TZ });
    expect(commits.stdout.split(/\r?\n/).filter(Boolean)).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", row]);
    const period = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--format", "csv"], { lang: null, env: TZ });
    expect(period.stdout.split(/\r?\n/).filter(Boolean)).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", row]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "changes", "2026-11-20", "2026-11-20", "--format", "json"], { lang: null, env: TZ })).stdout) as PeriodJson;
    expect(json.changes).toEqual([{ area: "document", kind: "submitted", id: "QP-009", title: "变更管理程序", from: "draft", to: "in-review", detail: "li", date: "2026-11-20" }]);
    // Released later, the submission keeps its row in its period, and the first version is 新增 in its own.
    const release = await csrInProcess(["-C", dir, "release", "QP-009", "--summary", "首次发布", "--prepared", "zhang", "--reviewed", "li", "--approved", "wang", "--date", "2026-11-27", "-y"], { lang: null, env: TZ });
    expect(release.code).toBe(0);
    const en = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--format", "csv", "--lang", "en"], { env: TZ });
    expect(en.stdout.split(/\r?\n/).filter((l) => l.startsWith("Documents"))).toEqual([
      "Documents,submitted,QP-009,变更管理程序,draft,in review,submitted by 李娜,,2026-11-20",
      "Documents,new,QP-009,变更管理程序,,A/0,首次发布,prepared: 张伟 2026-11-27; reviewed: 李娜 2026-11-27; approved: 王强 2026-11-27,2026-11-27",
    ]);
  });

  it("refuses a submission dated before the draft's first commit, and without --by names who committed it (breaker59 H8)", async () => {
    const draft = lines("id: QP-009", "title: 变更管理程序", "level: 2", "kind: procedure", "department: QA", "status: draft", "sections:", "  - number: '1'", "    title: 目的", "    text: 规定变更的评审和批准。");
    const dir = minimalRepo({ "documents/QP-009.yaml": draft });
    gitInitEmpty(dir);
    commitAt(dir, "2026-11-02", "QP-009 草稿");
    git(dir, ["tag", "base"]);
    expect(await csrInProcess(["-C", dir, "submit", "QP-009", "--by", "li", "--date", "2020-01-01", "-y"], { lang: null, env: TZ })).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2020-01-01 早于草稿 QP-009 加入仓库的日期（2026-11-02，documents/QP-009.yaml 的首次提交）：送审不可能早于草稿存在，最早可填 2026-11-02。\n",
    });
    expect(readFileSync(join(dir, "documents/QP-009.yaml"), "utf8")).toBe(draft);
    const submit = await csrInProcess(["-C", dir, "submit", "QP-009", "--date", "2026-11-02", "-y"], { lang: null, env: TZ });
    expect([submit.code, submit.stderr]).toEqual([0, ""]);
    commitAt(dir, "2026-11-03", "QP-009 送审");
    const row = `文件,送审,QP-009,变更管理程序,草稿,审批中,提交人：Test User（提交 ${git(dir, ["rev-parse", "--short=7", "HEAD"]).trim()}）,2026-11-02`;
    const commits = await csrInProcess(["-C", dir, "changes", "base", "HEAD", "--format", "csv"], { lang: null, env: TZ });
    expect(commits.stdout.split(/\r?\n/).filter(Boolean)).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", row]);
    const period = await csrInProcess(["-C", dir, "changes", "2026-11-01", "2026-11-30", "--format", "csv"], { lang: null, env: TZ });
    expect(period.stdout.split(/\r?\n/).filter(Boolean)).toEqual(["\ufeff类别,变更,编号,名称,变更前,变更后,说明,日期", row]);
    const json = JSON.parse((await csrInProcess(["-C", dir, "changes", "base", "HEAD", "--format", "json"], { lang: null, env: TZ })).stdout) as ChangeJson;
    expect(json.changes).toEqual([{ area: "document", kind: "submitted", id: "QP-009", title: "变更管理程序", from: "draft", to: "in-review", detail: "Test User", commit: git(dir, ["rev-parse", "HEAD"]).trim(), date: "2026-11-02" }]);
  });
});
