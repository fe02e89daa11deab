/**
 * A register dated D (`--today D`) is true on D: it is rebuilt from the dated records (revisions,
 * withdrawals, copies handed out and taken back, external documents received), and says so under
 * the table when some record it read is dated after D (GJB month report #3).
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { csrInProcess, minimalRepo, ROOT } from "../helpers.js";

const signed = (by: string, approver: string, date: string) => `prepared: { by: ${by}, date: ${date} }, reviewed: { by: li, date: ${date} }, approved: { by: ${approver}, date: ${date} }`;

const REPO = minimalRepo({
  "qms.yaml": [
    "organisation:",
    "  name: 测试汽车零部件有限公司",
    "standards: [IATF16949]",
    "departments:",
    "  - code: QA",
    "    name: 品质部",
    "  - code: MKT",
    "    name: 市场部",
    "numbering:",
    "  - kind: procedure",
    "    pattern: QP-###",
    "  - kind: form",
    "    pattern: QR-###-##",
    "  - kind: external",
    '    pattern: "*"',
    "",
  ].join("\n"),
  // In force from 11-02 as A/0, A/1 from 11-16: copy 1 (A/0) came back on 11-17, copy 2 (A/1) went out that day.
  "documents/QP-001.yaml": [
    "id: QP-001",
    "title: 文件控制程序",
    "level: 2",
    "kind: procedure",
    "department: QA",
    "status: released",
    "forms: [QR-001-01]",
    "revisions:",
    `  - { version: A/0, date: 2026-11-02, summary: 首次发布, ${signed("zhang", "wang", "2026-11-02")} }`,
    `  - { version: A/1, date: 2026-11-16, summary: 增加回收要求, ${signed("li", "wang", "2026-11-16")} }`,
    "distribution:",
    "  - { copy: 1, version: A/0, to: QA, holder: zhang, date: 2026-11-03, recalled: 2026-11-17, returned_by: zhang }",
    "  - { copy: 2, version: A/1, to: QA, holder: zhang, date: 2026-11-17 }",
    "training:",
    "  required: true",
    "  sessions:",
    "    - { revision: A/0, date: 2026-11-04, people: [li], trainer: zhang, record: PX-01 }",
    "    - { revision: A/1, date: 2026-11-18, people: [li], trainer: zhang, record: PX-02 }",
    "reviews:",
    "  - { by: wang, date: 2026-11-10 }",
    "  - { by: wang, date: 2026-11-20, result: revise, comment: 补充电子文件 }",
    "",
  ].join("\n"),
  // Released after 11-12 only; it also uses the form.
  "documents/QP-002.yaml": [
    "id: QP-002",
    "title: 记录控制程序",
    "level: 2",
    "kind: procedure",
    "department: QA",
    "status: released",
    "forms: [QR-001-01]",
    "revisions:",
    `  - { version: A/0, date: 2026-11-27, summary: 首次发布, ${signed("zhang", "wang", "2026-11-27")} }`,
    "",
  ].join("\n"),
  // In force from 11-01, withdrawn on 11-18; its copy came back on 11-19.
  "documents/QP-003.yaml": [
    "id: QP-003",
    "title: 纠正措施程序",
    "level: 2",
    "kind: procedure",
    "department: MKT",
    "status: obsolete",
    "obsolete: { date: 2026-11-18, reason: 并入 QP-001 }",
    "revisions:",
    `  - { version: A/0, date: 2026-11-01, summary: 首次发布, ${signed("li", "wang", "2026-11-01")} }`,
    "distribution:",
    "  - { copy: 1, version: A/0, to: MKT, holder: li, date: 2026-11-02, recalled: 2026-11-19, returned_by: li }",
    "",
  ].join("\n"),
  "documents/QR-001-01.yaml": [
    "id: QR-001-01",
    "title: 文件发放回收记录",
    "level: 4",
    "kind: form",
    "department: QA",
    "status: released",
    "record: { retention: 3年, medium: paper, location: 品质部 }",
    "revisions:",
    `  - { version: A/0, date: 2026-11-05, summary: 首次发布, ${signed("zhang", "wang", "2026-11-05")} }`,
    "",
  ].join("\n"),
  "documents/external/GB_T 19001-2016.yaml": [
    "id: GB/T 19001-2016",
    "title: 质量管理体系 要求",
    "level: 3",
    "kind: external",
    "department: QA",
    "status: released",
    "external: { publisher: 国家市场监督管理总局, revision: '2016', issued: 2016-12-29, received: 2026-11-10 }",
    "",
  ].join("\n"),
  "documents/external/GB_T 19011-2021.yaml": [
    "id: GB/T 19011-2021",
    "title: 管理体系审核指南",
    "level: 3",
    "kind: external",
    "department: QA",
    "status: released",
    "external: { publisher: 国家市场监督管理总局, revision: '2021', issued: 2021-10-11, received: 2026-11-25 }",
    "",
  ].join("\n"),
});

interface Register {
  title: string;
  rows: Record<string, unknown>[];
  notes?: string[];
}

async function register(today: string, ...args: string[]): Promise<Register> {
  const result = await csrInProcess(["-C", REPO, "list", ...args, "--format", "json", "--today", today], { lang: null });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as Register;
}

const row = (r: Record<string, unknown>, keys: string[]) => keys.map((k) => r[k]);
const NOTE = (date: string) => `本表按记录还原为 ${date} 当日的状态：此后记录的事项未计入。`;
const ADDRESSED = (date: string) =>
  `落实文件和落实章节没有记录日期，按现在的记录列出；${date} 当日是否已落实，按各文件当日的版本判断：在当轮评审期间发布、修订内容摘要引用该要求编号的第一个版本之前的版本，不计入；链接在当轮建立或确认（pin）的，自当时的版本起计入；两者都没有而文件此后已换版（或要求此后已重新评审）的，无法确定，按现在的记录计入（链接状态“未能确定”）。`;
// REPO is not a git repository: the content of QP-001 A/0, revised since, cannot be read back (test/audit/as-of-content.test.ts reads it).
const UNREAD = (date: string) => `以下文件在 ${date} 当日的版本内容在 git 中未找到（没有发布标签，也没有记录该版本的提交），其名称、部门、相关文件和表单按现行内容列出，请与该版本的受控副本核对：QP-001 A/0。`;
const CURRENT = (count: number) => `现行 ${count} 份；已替代的版本保留在清单中，作为接收和评审的记录。`;

describe("csr list documents --today D", () => {
  const keys = ["number", "version", "prepared", "approved", "issued", "effective", "status"];

  it("before every record: nothing was controlled yet", async () => {
    const list = await register("2026-10-30", "documents");
    expect([list.title, list.rows, list.notes]).toEqual(["受控文件清单（共 0 份）", [], [NOTE("2026-10-30")]]);
  });

  it("between records: the version in force that day with its signatures, a document withdrawn later as in force, one released later left out", async () => {
    const list = await register("2026-11-12", "documents");
    expect(list.rows.map((r) => row(r, keys))).toEqual([
      ["QP-001", "A/0", "张伟", "王强", "2026-11-02", "2026-11-02", "已发布"],
      ["QP-003", "A/0", "李娜", "王强", "2026-11-01", "2026-11-01", "已发布"],
      ["QR-001-01", "A/0", "张伟", "王强", "2026-11-05", "2026-11-05", "已发布"],
    ]);
    expect(list.notes).toEqual([NOTE("2026-11-12"), UNREAD("2026-11-12")]);
  });

  it("after every record: today's register, without the note", async () => {
    const list = await register("2026-11-30", "documents");
    expect(list.rows.map((r) => row(r, keys))).toEqual([
      ["QP-001", "A/1", "李娜", "王强", "2026-11-16", "2026-11-16", "已发布"],
      ["QP-002", "A/0", "张伟", "王强", "2026-11-27", "2026-11-27", "已发布"],
      ["QR-001-01", "A/0", "张伟", "王强", "2026-11-05", "2026-11-05", "已发布"],
    ]);
    expect(list.notes).toEqual([]);
  });
});

describe("the procedure list and the form register dated D", () => {
  it("lists the procedures in force on D, in both layouts", async () => {
    const iatf = await register("2026-11-17", "procedures");
    expect(iatf.rows.map((r) => row(r, ["number", "version", "prepared", "issued"]))).toEqual([
      ["QP-001", "A/1", "李娜", "2026-11-16"],
      ["QP-003", "A/0", "李娜", "2026-11-01"],
    ]);
    expect(iatf.notes).toEqual([NOTE("2026-11-17")]);
    const gjb = await register("2026-11-04", "procedures", "--style", "gjb");
    expect(gjb.rows.map((r) => row(r, ["number", "version", "level4"]))).toEqual([
      ["QP-001", "A/0", ""],
      ["QP-003", "A/0", ""],
    ]);
    expect((await register("2026-11-30", "procedures")).notes).toEqual([]);
  });

  it("gives a form only the owners in force on D", async () => {
    const between = await register("2026-11-12", "forms");
    expect(between.rows.map((r) => row(r, ["number", "version", "procedure"]))).toEqual([["QR-001-01", "A/0", "QP-001"]]);
    // Retention, medium and location have no dates: the register of a past day says they are today's (tester54a A7).
    expect(between.notes).toEqual([NOTE("2026-11-12"), UNREAD("2026-11-12"), "保存期限、保存方式和存放地点没有记录日期，按现在的登记列出，不一定是 2026-11-12 当日的登记（其更改见 csr history <表单编号>）。"]);
    expect((await register("2026-11-04", "forms")).rows).toEqual([]);
    const after = await register("2026-11-30", "forms");
    expect([after.rows.map((r) => r.procedure), after.notes]).toEqual([["QP-001、QP-002"], ["保存期限、保存方式和存放地点没有记录日期，按现在的登记列出，不一定是 2026-11-30 当日的登记（其更改见 csr history <表单编号>）。"]]);
  });
});

describe("the distribution register, the obsolete list and the external list dated D", () => {
  const keys = ["number", "version", "copy", "date", "recalled", "returnedBy", "state", "remark"];

  it("leaves out copies handed out later and shows those taken back later as still out, due back once superseded or withdrawn", async () => {
    expect((await register("2026-11-02", "distribution")).rows.map((r) => row(r, keys))).toEqual([["QP-003", "A/0", 1, "2026-11-02", null, "", "在用", ""]]);
    const between = await register("2026-11-16", "distribution");
    expect(between.rows.map((r) => row(r, keys))).toEqual([
      ["QP-001", "A/0", 1, "2026-11-03", null, "", "待回收", ""],
      ["QP-003", "A/0", 1, "2026-11-02", null, "", "在用", ""],
    ]);
    expect(between.notes).toEqual(["待回收 1 份。", NOTE("2026-11-16")]);
    const withdrawn = await register("2026-11-18", "distribution");
    expect(withdrawn.rows.map((r) => row(r, keys))).toEqual([
      ["QP-001", "A/0", 1, "2026-11-03", "2026-11-17", "张伟", "已回收", ""],
      ["QP-001", "A/1", 2, "2026-11-17", null, "", "在用", ""],
      ["QP-003", "A/0", 1, "2026-11-02", null, "", "待回收", ""],
    ]);
    expect((await register("2026-11-30", "distribution")).notes).toEqual(["待回收 0 份。"]);
  });

  it("lists as obsolete only what was withdrawn by D, with the copies still out that day", async () => {
    const before = await register("2026-11-17", "obsolete");
    expect([before.rows, before.notes]).toEqual([[], ["尚有受控副本待回收的作废文件 0 份。", NOTE("2026-11-17")]]);
    const on = await register("2026-11-18", "obsolete");
    expect(on.rows.map((r) => row(r, ["number", "version", "withdrawn", "toRecall"]))).toEqual([["QP-003", "A/0", "2026-11-18", "1"]]);
    expect(on.notes).toEqual(["尚有受控副本待回收的作废文件 1 份。", NOTE("2026-11-18")]);
    const after = await register("2026-11-30", "obsolete");
    expect([after.rows.map((r) => r.toRecall), after.notes]).toEqual([[""], ["尚有受控副本待回收的作废文件 0 份。"]]);
  });

  it("lists the external documents received by D", async () => {
    const between = await register("2026-11-12", "external");
    expect(between.rows.map((r) => row(r, ["number", "received", "status"]))).toEqual([["GB/T 19001-2016", "2026-11-10", "现行"]]);
    expect(between.notes).toEqual([CURRENT(1), NOTE("2026-11-12")]);
    const after = await register("2026-11-30", "external");
    expect(after.rows.map((r) => r.number)).toEqual(["GB/T 19001-2016", "GB/T 19011-2021"]);
    expect(after.notes).toEqual([CURRENT(2)]);
  });
});

describe("the external list dated D, of a document whose earlier editions are kept (external.previous)", () => {
  // A received 2018, B 2020, C received 2026-11-16 and in force from 2026-12-01.
  const EDITIONS = minimalRepo({
    "qms.yaml": "organisation:\n  name: 测试\nstandards: [IATF16949]\ndepartments:\n  - code: QA\n    name: 品质部\nnumbering:\n  - kind: external\n    pattern: \"*\"\n",
    "documents/external/Q_ABC 123.yaml": [
      "id: Q/ABC 123",
      "title: 导线技术条件",
      "level: 3",
      "kind: external",
      "department: QA",
      "status: released",
      "external:",
      "  publisher: 某顾客",
      "  revision: C",
      "  issued: 2026-11-10",
      "  effective: 2026-12-01",
      "  received: 2026-11-16",
      "  previous:",
      "    - { revision: A, issued: 2018-03-01, received: 2018-03-10 }",
      "    - { revision: B, issued: 2020-05-01, received: 2020-05-12 }",
      "",
    ].join("\n"),
  });
  const editions = async (today: string) => {
    const result = await csrInProcess(["-C", EDITIONS, "list", "external", "--format", "json", "--today", today], { lang: null });
    expect(result.stderr).toBe("");
    const list = JSON.parse(result.stdout) as Register;
    return [list.rows.map((r) => row(r, ["number", "revision", "issued", "effective", "received", "status"])), list.notes];
  };
  const A = ["Q/ABC 123", "A", "2018-03-01", null, "2018-03-10"];
  const B = ["Q/ABC 123", "B", "2020-05-01", null, "2020-05-12"];
  const C = ["Q/ABC 123", "C", "2026-11-10", "2026-12-01", "2026-11-16"];

  it("shows the edition received by D as current, and those before it as replaced", async () => {
    expect(await editions("2018-01-01")).toEqual([[], [CURRENT(0), NOTE("2018-01-01")]]);
    expect(await editions("2019-01-01")).toEqual([[[...A, "现行"]], [CURRENT(1), NOTE("2019-01-01")]]);
    expect(await editions("2021-01-01")).toEqual([[[...A, "已被 B 版替代"], [...B, "现行"]], [CURRENT(1), NOTE("2021-01-01")]]);
  });

  it("shows the current edition received but not yet in force beside the one it replaces, then in force", async () => {
    expect(await editions("2026-11-20")).toEqual([
      [[...A, "已被 B 版替代"], [...B, "现行（2026-12-01 起由 C 版替代）"], [...C, "待实施（2026-12-01 实施）"]],
      [CURRENT(1), "待实施 1 份：自状态栏所列日期起实施；同一编号被替代的版本在此之前仍现行，列在清单中。"],
    ]);
    expect(await editions("2026-12-05")).toEqual([[[...A, "已被 B 版替代"], [...B, "已被 C 版替代"], [...C, "现行"]], [CURRENT(1)]]);
  });
});

describe("the training and periodic review records dated D", () => {
  it("lists the sessions held and the reviews made by D", async () => {
    const training = await register("2026-11-12", "training");
    expect([training.rows.map((r) => row(r, ["date", "revision", "record"])), training.notes]).toEqual([[["2026-11-04", "A/0", "PX-01"]], [NOTE("2026-11-12")]]);
    expect((await register("2026-11-30", "training")).rows.map((r) => r.record)).toEqual(["PX-01", "PX-02"]);
    const reviews = await register("2026-11-12", "periodic-reviews");
    expect([reviews.rows.map((r) => row(r, ["date", "version", "result"])), reviews.notes]).toEqual([[["2026-11-10", "A/0", "继续有效"]], [NOTE("2026-11-12")]]);
    expect((await register("2026-11-30", "periodic-reviews")).rows.map((r) => r.version)).toEqual(["A/0", "A/1"]);
  });

  it("shows in the 备注 of the document registers only the periodic-review conclusions made by D (tester20 F29)", async () => {
    for (const kind of ["documents", "procedures"]) {
      const remark = async (today: string) => (await register(today, kind)).rows.filter((r) => r.number === "QP-001" || r.id === "QP-001").map((r) => r.remarks);
      expect(await remark("2026-11-30")).toEqual(["定期评审结论：需修订（2026-11-20）"]);
      expect(await remark("2026-11-18")).toEqual([""]);
    }
  });
});

describe("the matrices dated D", () => {
  it("counts in the clause matrix only the procedures in force on D", async () => {
    const matrix = async (today: string) => JSON.parse((await csrInProcess(["-C", REPO, "matrix", "clauses", "--format", "json", "--today", today], { lang: null })).stdout) as Register;
    const headers = async (today: string) => (JSON.parse((await csrInProcess(["-C", REPO, "matrix", "clauses", "--format", "json", "--today", today], { lang: null })).stdout) as { columns: { key: string }[] }).columns.map((c) => c.key);
    expect((await headers("2026-11-12")).filter((k) => k.startsWith("d:"))).toEqual(["d:QP-001", "d:QP-003"]);
    expect((await headers("2026-11-30")).filter((k) => k.startsWith("d:"))).toEqual(["d:QP-001", "d:QP-002"]);
    // The same notes (coverage, legend, the 195 clauses left uncovered), and on 11-12 the note under them.
    const between = (await matrix("2026-11-12")).notes ?? [];
    const after = (await matrix("2026-11-30")).notes ?? [];
    expect(after.slice(0, 3)).toEqual(["覆盖率：0/195 (0.0%)（计每个适用的编号条款，含 9 个无标题段落：对应其所属条款即覆盖）", "其中由程序文件覆盖：0/195 (0.0%)（只计程序文件本身对应的条款）", "● 直接对应；△ 仅对应上级条款（继承）；○ 通过下级文件对应"]);
    expect(after.slice(3).filter((n) => !n.startsWith("未覆盖："))).toEqual([]);
    expect(between).toEqual([...after, NOTE("2026-11-12"), UNREAD("2026-11-12")]);
  });

  it("rebuilds the CSR list, the CSR matrix and the review-timeliness register for D: a CSR received later is left out, a review decided later is open, a round restarted later is the current one", async () => {
    const acme = join(ROOT, "examples", "acme-auto");
    const register = async (today: string, ...args: string[]) => JSON.parse((await csrInProcess(["-C", acme, ...args, "--format", "json", "--today", today], { lang: null })).stdout) as Register;
    const row = (table: Register, id: string, keys: string[]) => table.rows.filter((r) => r.id === id).map((r) => keys.map((k) => r[k] ?? null));
    // BCM-004, received 2026-10-12, was decided on 10-20; BCM-005 and DYA-007 were received in November.
    const before = await register("2026-10-15", "list", "csr");
    expect(before.rows.map((r) => r.id)).not.toContain("BCM-005");
    expect(before.rows.map((r) => r.id)).not.toContain("DYA-007");
    expect(row(before, "BCM-004", ["status", "reviewDue", "daysLeft", "disposition", "decided"])).toEqual([["评审中", "2026-10-26", 7, "", null]]);
    expect(before.notes?.at(-3)).toBe(NOTE("2026-10-15"));
    const now = await register("2026-11-27", "list", "csr");
    expect(row(now, "BCM-004", ["reviewDue", "daysLeft", "disposition", "decided"])).toEqual([["2026-10-26", null, "必须满足", "2026-10-20"]]);
    expect(now.rows.map((r) => r.id)).toContain("DYA-007");
    const reviews = await register("2026-10-15", "list", "reviews");
    expect(row(reviews, "BCM-004", ["decided", "used", "verdict"])).toEqual([[null, 3, "未到期"]]);
    expect(row(await register("2026-10-15", "matrix", "csr"), "BCM-004", ["decided", "timeliness"])).toEqual([[null, "未到期"]]);
    expect(row(await register("2026-11-27", "matrix", "csr"), "BCM-004", ["decided", "timeliness"])).toEqual([["2026-10-20", "按期"]]);
    // DYA-002's review was restarted on 2026-03-16 by revision D of DYA-SQM: before, its round of revision C is the current one.
    expect(row(await register("2026-03-10", "list", "reviews"), "DYA-002", ["revision", "startKind", "decided"])).toEqual([["C", "接收", "2024-06-24"]]);
    expect(row(await register("2026-03-10", "list", "csr"), "DYA-002", ["revision", "restarted", "decided"])).toEqual([["C", null, "2024-06-24"]]);
    expect(row(await register("2026-03-20", "list", "reviews"), "DYA-002", ["revision", "startKind", "decided"])).toEqual([["C", "接收", "2024-06-24"], ["D", "换版重评", null]]);
  });

  it("shows no implementation of a requirement decided after D, and says the undated columns are as recorded now (tester49 #4)", async () => {
    const acme = join(ROOT, "examples", "acme-auto");
    const register = async (today: string, ...args: string[]) => JSON.parse((await csrInProcess(["-C", acme, ...args, "--format", "json", "--today", today], { lang: null })).stdout) as Register;
    const row = (table: Register, id: string, keys: string[]) => table.rows.filter((r) => r.id === id).map((r) => keys.map((k) => r[k] ?? null));
    // DYA-002, restarted 2026-03-16, was decided on 03-23, implemented on 04-20 with evidence of releases of 04-08.
    const list = await register("2026-03-20", "list", "csr");
    expect(row(list, "DYA-002", ["status", "owner", "due", "implementationStatus", "implemented", "evidence"])).toEqual([["评审中", "", null, "", null, ""]]);
    expect(row(list, "DYA-006", ["status", "owner", "evidence"])).toEqual([["评审中", "", ""]]);
    // Decided by then, implemented later: in progress, with the owner and evidence on file now.
    expect(row(list, "BCM-003", ["owner", "implementationStatus"])).toEqual([["黄军", "已实施"]]);
    const undated = "负责人、完成期限和证据没有记录日期，按现在的记录列出；在 2026-03-20 之后才作出决定的要求，当日没有实施记录，不列。";
    expect(list.notes?.slice(-3)).toEqual([NOTE("2026-03-20"), undated, ADDRESSED("2026-03-20")]);
    const matrix = await register("2026-03-20", "matrix", "csr");
    expect(row(matrix, "DYA-002", ["status", "owner", "evidence"])).toEqual([["评审中", "", ""], ["评审中", "", ""]]);
    expect(matrix.notes?.slice(-3)).toEqual([NOTE("2026-03-20"), undated, ADDRESSED("2026-03-20")]);
    expect(row(await register("2026-05-01", "list", "csr"), "DYA-002", ["owner", "due", "implementationStatus"])).toEqual([["张丽", "2026-04-30", "已实施"]]);
    // Today's register has neither note.
    expect((await register("2026-12-03", "list", "csr")).notes?.some((n) => n.includes("没有记录日期"))).toBe(false);
  });
});

describe("the note in English", () => {
  it("says the register is reconstructed from the records as of D", async () => {
    const result = await csrInProcess(["-C", REPO, "list", "documents", "--today", "2026-11-12"], { lang: "en" });
    expect(result.stdout.trim().split("\n").slice(-2)).toEqual([
      "Reconstructed from the records as of 2026-11-12: what was recorded after that day is not counted.",
      "The content of QP-001 A/0, the version of 2026-11-12, was not found in git (no release tag, no commit recording that version): its title, department, related documents and forms are listed as they are now; check them against a controlled copy of that version.",
    ]);
  });
});
