/**
 * `csr import --as csr` of a CSR list as a 市场部 keeps it in Excel (tester20): its 完成日期 and 状态
 * (已实施 / 已验证 with or without who verified it and when), the column names and status words
 * such lists use, several 落实文件 in one cell.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { checkJsonInProcess, csrInProcess, FIXTURES, minimalRepo, releasedProcedure, tempDir } from "../helpers.js";

const FORD = readFileSync(join(FIXTURES, "audit/registers/customers/FORD.yaml"), "utf8");

function repository(): string {
  return minimalRepo({
    "customers/FORD.yaml": FORD,
    "documents/QP-001.yaml": releasedProcedure("QP-001", "产品审核程序", { title: "1 目的", text: "规定产品审核。" }),
    "documents/QP-002.yaml": releasedProcedure("QP-002", "包装管理程序", { title: "1 目的", text: "规定包装。" }),
  });
}

async function importList(dir: string, text: string, ...args: string[]) {
  const list = join(tempDir(), "清单.csv");
  writeFileSync(list, text);
  return { list, result: await csrInProcess(["-C", dir, "import", list, "--as", "csr", "--today", "2026-12-01", ...args]) };
}

const csrFile = (dir: string, id: string) => parse(readFileSync(join(dir, `csr/FORD/${id}.yaml`), "utf8"));
const lines = (stdout: string) => stdout.split("\n");

describe("csr import --as csr: 完成日期 and 已实施 / 已验证 (tester20 F8)", () => {
  const LIST = [
    "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,落实文件,完成日期,验证人,状态",
    "1,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,必须满足,王强,2024-02-08,QP-001,2024.5.20,,已实施",
    "2,包装标签须含批次号,FORD,FORD-CSR,8.5.2,2024-02-01,必须满足,王强,2024-02-08,QP-002,2024.6.1,,已验证",
    "3,年度产品审核,FORD,FORD-CSR,9.2.2.4,2024-02-01,必须满足,王强,2024-02-08,QP-001,,,已实施",
    "4,控制计划年度评审,FORD,FORD-CSR,8.5.1.1,2024-02-01,必须满足,王强,2024-02-08,QP-001,2027.3.1,,实施中",
    "5,标签须经顾客认可,FORD,FORD-CSR,8.5.2,2024-02-01,必须满足,王强,2024-02-08,QP-002,2024.6.1,王强,已验证",
    "",
  ].join("\n");

  it("reads 完成日期 as the date implemented of a row that says it is done and as the due date of one that does not, and names what the list does not say", async () => {
    const dir = repository();
    const { result } = await importList(dir, LIST);
    expect(result.stderr).toBe("");
    const out = lines(result.stdout);
    const at = out.indexOf("完成日期 was read as the date implemented in production (implementation.implemented) of 3 CSRs whose status is implemented or verified: FORD-001, FORD-002, FORD-005. Where it is a planned date, correct it with 'csr implement <id> --implemented <date> --amend'.");
    expect(out.slice(at, at + 9)).toEqual([
      "完成日期 was read as the date implemented in production (implementation.implemented) of 3 CSRs whose status is implemented or verified: FORD-001, FORD-002, FORD-005. Where it is a planned date, correct it with 'csr implement <id> --implemented <date> --amend'.",
      "",
      "完成日期 was read as the due date (implementation.due, a plan) of 1 CSR whose status is not implemented or verified: FORD-004. If it was implemented, record that with 'csr implement <id> --implemented <date>'.",
      "",
      "The list says implemented or verified for 3 CSRs without the whole implementation record: their status and what the list does say are recorded, and no date or person was invented. Record the rest from the records (until then csr check reports csr/implementation-incomplete):",
      "  FORD-002 (row 3, verified) lacks who verified it and the date verified: csr implement FORD-002 --verified-by <person> --date YYYY-MM-DD",
      "  FORD-003 (row 4, implemented) lacks the date implemented in production: csr implement FORD-003 --implemented YYYY-MM-DD",
      "  FORD-005 (row 6, verified) lacks the date verified: csr implement FORD-005 --verified-by wang --date YYYY-MM-DD",
      "",
    ]);
    expect(csrFile(dir, "FORD-001").implementation).toEqual({ status: "implemented", implemented: "2024-05-20" });
    expect(csrFile(dir, "FORD-002").implementation).toEqual({ status: "verified", implemented: "2024-06-01" });
    expect(csrFile(dir, "FORD-003").implementation).toEqual({ status: "implemented" });
    expect(csrFile(dir, "FORD-004").implementation).toEqual({ status: "in-progress", due: "2027-03-01" });
    expect(csrFile(dir, "FORD-005").implementation).toEqual({ status: "verified", implemented: "2024-06-01", verified: { by: "wang" } });

    const incomplete = async () => (await checkJsonInProcess(dir, "--today", "2026-12-01")).findings.filter((f) => f.rule === "csr/implementation-incomplete");
    expect((await incomplete()).map((f) => [f.file, f.line, f.severity, f.message])).toEqual([
      ["csr/FORD/FORD-002.yaml", 20, "warning", "FORD-002's implementation status is 'verified' but its record lacks who verified it and the date verified. Record it from the records with 'csr implement FORD-002 --verified-by <person> --date YYYY-MM-DD'; where no record shows it, record the status that can be shown (e.g. 'csr implement FORD-002 --status implemented')."],
      ["csr/FORD/FORD-003.yaml", 20, "warning", "FORD-003's implementation status is 'implemented' but its record lacks the date implemented in production. Record it from the records with 'csr implement FORD-003 --implemented YYYY-MM-DD'; where no record shows it, record the status that can be shown (e.g. 'csr implement FORD-003 --status in-progress')."],
      ["csr/FORD/FORD-005.yaml", 20, "warning", "FORD-005's implementation status is 'verified' but its record lacks the date verified. Record it from the records with 'csr implement FORD-005 --verified-by wang --date YYYY-MM-DD'; where no record shows it, record the status that can be shown (e.g. 'csr implement FORD-005 --status implemented')."],
    ]);

    // The commands the report gives record the rest: a verified record stays verified, and a date
    // added to a verification recorded without one is no amendment.
    for (const args of [
      ["FORD-002", "--verified-by", "wang", "--date", "2024-06-10"],
      ["FORD-003", "--implemented", "2024-04-01"],
      ["FORD-005", "--verified-by", "wang", "--date", "2024-06-10"],
    ]) {
      const done = await csrInProcess(["-C", dir, "implement", ...args, "-y"]);
      expect(done.stderr).toBe("");
      expect(done.code).toBe(0);
    }
    expect(await incomplete()).toEqual([]);
    expect(csrFile(dir, "FORD-002").implementation).toEqual({ status: "verified", implemented: "2024-06-01", verified: { by: "wang", date: "2024-06-10" } });
    expect(csrFile(dir, "FORD-005").implementation).toEqual({ status: "verified", implemented: "2024-06-01", verified: { by: "wang", date: "2024-06-10" } });
  });

  it("reads a CSR list's 实施日期 as its 完成日期, and refuses a 完成日期 that is neither of the row's other dates", async () => {
    const dir = repository();
    const { result } = await importList(
      dir,
      [
        "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,落实文件,实施日期,状态",
        "1,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,必须满足,王强,2024-02-08,QP-001,2024.5.20,已实施",
        "",
      ].join("\n"),
    );
    expect(result.stdout).not.toContain("Columns not imported");
    expect(csrFile(dir, "FORD-001").implementation).toEqual({ status: "implemented", implemented: "2024-05-20" });

    const { result: both } = await importList(
      repository(),
      [
        "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,导入生产日期,完成期限,完成日期,状态",
        "1,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,必须满足,王强,2024-02-08,2024-05-20,2024-05-01,2024-05-10,已实施",
        "",
      ].join("\n"),
    );
    expect(both.code).toBe(1);
    expect(lines(both.stdout)).toContain("row 2: 2024-05-10 in 完成日期 differs from both 导入生产日期 and 完成期限 of this row, so it is neither the date implemented nor the due date — clear the cell that is wrong and import again (row not imported)");
  });
});

describe("csr import --as csr: the column names and status words of Chinese CSR lists (tester20 F9)", () => {
  it("reads CSR文件名称 as 来源文件, 接收时间 as 接收日期, 已落实 as 已落实到文件 and 实施中 as a decided CSR being implemented", async () => {
    const dir = repository();
    const { result } = await importList(
      dir,
      [
        "序号,要求内容,顾客名称,CSR文件名称,对应条款,接收时间,评审结论,决定人,评审日期,落实文件,状态",
        "1,首件检验须留样,福特汽车,福特 IATF 16949 顾客特定要求,8.5.1,2024.2.1,必须满足,王强,2024.2.8,QP-001,已落实",
        "2,包装标签须含批次号,福特汽车,福特 IATF 16949 顾客特定要求,8.5.2,2024.2.1,必须满足,王强,2024.2.8,QP-002,实施中",
        "3,年度产品审核,福特汽车,福特 IATF 16949 顾客特定要求,9.2.2.4,2024.2.1,,,,,待评审",
        "4,控制计划年度评审,福特汽车,福特 IATF 16949 顾客特定要求,8.5.1.1,2024.2.1,必须满足,王强,2024.2.8,QP-001,已落实到文件中",
        "",
      ].join("\n"),
    );
    const out = lines(result.stdout);
    expect(out.filter((l) => l.startsWith("row "))).toEqual([
      "row 5: '已落实到文件中' in 状态 is not a CSR status (已接收, 评审中, 已决定, 待确认落实, 已落实到文件, 已实施, 已验证, 已替代, 已拒绝, 不适用) — did you mean '已落实到文件'? Correct the cell and import again (row not imported)",
    ]);
    expect(csrFile(dir, "FORD-001")).toMatchObject({ source: { document: "FORD-CSR" }, received: "2024-02-01", addressed: [{ document: "QP-001" }] });
    expect(csrFile(dir, "FORD-001").implementation).toBeUndefined();
    expect(csrFile(dir, "FORD-002").implementation).toEqual({ status: "in-progress" });
    expect(csrFile(dir, "FORD-003").review).toBeUndefined();
  });
});

describe("csr import --as csr: a status the records do not give, in the run's language (io59 rest)", () => {
  it("names csr's own status words in English on an English run of a Chinese list, and in Chinese on a Chinese run", async () => {
    const list = ["序号,要求内容,顾客名称,CSR文件名称,对应条款,接收时间,状态", "1,年度产品审核,福特汽车,福特 IATF 16949 顾客特定要求,9.2.2.4,2024.2.1,评审中", ""].join("\n");
    const english = await importList(repository(), list);
    expect(lines(english.result.stdout).filter((l) => l.startsWith("row "))).toEqual([
      "row 2: the list says '评审中', the imported record gives 'received': the list does not carry what makes it in review (review opinions, a superseded record, a released addressing document) — record it with csr review, csr source or csr address",
    ]);
    const chinese = await importList(repository(), list, "--lang", "zh-CN");
    expect(lines(chinese.result.stdout).filter((l) => l.startsWith("第 "))).toEqual([
      "第 2 行：清单写的是 '评审中'，导入的记录得出 '已接收'：清单没有记载使其成为“评审中”的依据（评审意见、被替代的记录、已发布的落实文件），请用 csr review、csr source 或 csr address 记录",
    ]);
  });
});

describe("csr import --as csr: several 落实文件 in one cell (tester20 F31)", () => {
  it("reads documents separated by 、 as places, keeps a section list as one place, and says how to write a cell it cannot read", async () => {
    const dir = repository();
    const { result } = await importList(
      dir,
      [
        "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,落实文件,状态",
        "1,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,必须满足,王强,2024-02-08,QP-001、QP-002,已落实到文件",
        "2,包装标签须含批次号,FORD,FORD-CSR,8.5.2,2024-02-01,必须满足,王强,2024-02-08,\"QP-002 5.2、5.3\",已落实到文件",
        "3,年度产品审核,FORD,FORD-CSR,9.2.2.4,2024-02-01,必须满足,王强,2024-02-08,见程序文件,已落实到文件",
        "",
      ].join("\n"),
    );
    expect(lines(result.stdout).filter((l) => l.startsWith("row "))).toEqual([
      "row 4: '见程序文件' in 落实文件 does not start with a document number (one place per line, Alt+Enter in Excel, or several documents separated by 、; each place is the document number, then the section, e.g. QP-014 5.2) — correct the cell and import again (row not imported)",
    ]);
    expect(csrFile(dir, "FORD-001").addressed).toEqual([{ document: "QP-001" }, { document: "QP-002" }]);
    expect(csrFile(dir, "FORD-002").addressed).toEqual([{ document: "QP-002", section: "5.2、5.3" }]);
  });
});

describe("csr import --as csr: a job title in 决定人 (tester51 #6)", () => {
  it("总经理 is the one person with that title, said; a title nobody or several hold refuses the row; no person is made of a title", async () => {
    const PEOPLE = [
      "people:",
      "  - { id: wang, name: 王强, department: QA, title: 总经理, roles: [approver] }",
      "  - { id: li, name: 李娜, department: QA, title: 品质经理, roles: [approver] }",
      "  - { id: zhao, name: 赵敏, department: QA, title: 品质经理, roles: [approver] }",
      "",
    ].join("\n");
    const dir = minimalRepo({
      "customers/FORD.yaml": FORD,
      "people.yaml": PEOPLE,
      "documents/QP-001.yaml": releasedProcedure("QP-001", "产品审核程序", { title: "1 目的", text: "规定产品审核。" }),
    });
    const list = join(tempDir(), "清单.csv");
    writeFileSync(
      list,
      [
        "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期",
        "1,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,必须满足,总经理,2024-02-08",
        "2,包装标签须含批次号,FORD,FORD-CSR,8.5.2,2024-02-01,必须满足,品质经理,2024-02-08",
        "3,年度产品审核,FORD,FORD-CSR,9.2.2.4,2024-02-01,必须满足,生产部长,2024-02-08",
        "",
      ].join("\n"),
    );
    const result = await csrInProcess(["-C", dir, "import", list, "--as", "csr", "--today", "2026-12-01", "--add-people"], { lang: "zh-CN" });
    const out = lines(result.stdout);
    expect(out).toContain("  “决定人”中的 '总经理' → 王强（wang，职务 总经理）（第 2 行）");
    expect(out).toContain("第 3 行：“决定人”中的 '品质经理' 是职务，不是姓名：people.yaml 中有 2 人担任 品质经理（李娜（li）、赵敏（zhao））。请在该单元格写决定人的姓名后重新导入（该行未导入）");
    expect(out).toContain("第 4 行：“决定人”中的 '生产部长' 是职务，不是姓名：people.yaml 中没有 title 为 生产部长 的人。请在 people.yaml 中给担任此职务的人写 title: 生产部长，或在该单元格写决定人的姓名后重新导入（该行未导入）");
    expect(csrFile(dir, "FORD-001").review.decision).toEqual({ disposition: "must", by: "wang", date: "2024-02-08" });
    expect(readFileSync(join(dir, "people.yaml"), "utf8")).toBe(PEOPLE);
    expect(result.code).toBe(1);
  });
});

describe("csr import --as csr: a document's title after its number in 落实文件 (tester51 #7)", () => {
  it("QP-001 《产品审核程序》 is document QP-001, said; a title that is not the document's is said; a section after the title is kept", async () => {
    const dir = repository();
    const { result } = await importList(
      dir,
      [
        "序号,要求名称,顾客代码,来源文件,条款,接收日期,落实文件",
        "1,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,QP-001 《产品审核程序》",
        "2,包装标签须含批次号,FORD,FORD-CSR,8.5.2,2024-02-01,QP-002 《包装程序》",
        "3,年度产品审核,FORD,FORD-CSR,9.2.2.4,2024-02-01,QP-001 《产品审核程序》 1 目的",
        "",
      ].join("\n"),
      "--lang",
      "zh-CN",
    );
    const out = lines(result.stdout);
    expect(out).toContain("  “落实文件”中的 'QP-001 《产品审核程序》' → QP-001（第 2 行）");
    expect(out).toContain("第 3 行：“落实文件”中的 'QP-002 《包装程序》'：《包装程序》不是 QP-002 的标题（包装管理程序），已按文件 QP-002 记录，请核对该单元格");
    expect(out).toContain("  “落实文件”中的 'QP-001 《产品审核程序》 1 目的' → QP-001 1 目的（第 4 行）");
    expect(csrFile(dir, "FORD-001").addressed).toEqual([{ document: "QP-001" }]);
    expect(csrFile(dir, "FORD-002").addressed).toEqual([{ document: "QP-002" }]);
    expect(csrFile(dir, "FORD-003").addressed).toEqual([{ document: "QP-001", section: "1 目的" }]);
  });
});

describe("csr import --as csr: a refused 条款 or date cell is explained as in every register (tester51 #11)", () => {
  it("a clause range and a date whose day and month could be either way round are refused with how to write them, in the words of the procedure import", async () => {
    const dir = repository();
    const { result } = await importList(
      dir,
      [
        "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,完成期限",
        "1,内审须覆盖顾客要求,FORD,FORD-CSR,9.2.2.1~9.2.2.4,03/04/2025,,,,",
        "2,首件检验须留样,FORD,FORD-CSR,8.5.1,2024-02-01,必须满足,王强,05/06/2024,",
        "3,包装标签须含批次号,FORD,FORD-CSR,8.5.2,2024-02-01,,,,07/08/2025",
        "",
      ].join("\n"),
      "--lang",
      "zh-CN",
    );
    expect(lines(result.stdout).filter((l) => l.startsWith("第 "))).toEqual([
      "第 2 行：“条款”中的 '9.2.2.1~9.2.2.4' 不是 8.5.2 或 IATF16949:8.5.2 这样的条款号，请更正该单元格后重新导入（条款范围 9.2.2.1~9.2.2.4 请逐条列出，用“、”分隔，如 9.2.2.1、…、9.2.2.4）（该行未导入）",
      "第 2 行：“接收日期”中的 '03/04/2025' 不是 2021-05-05 这样的日期（日和月可能颠倒，请写成 YYYY-MM-DD），请更正该单元格后重新导入（该行未导入）",
      "第 3 行：“处置”写了 '必须满足'，但清单缺少2021-05-05 这样的决定日期（“决定日期”列现为 '05/06/2024'）（日和月可能颠倒，请写成 YYYY-MM-DD），结论无法记录；请填写这些单元格后重新导入（或清空“处置”，导入后用 csr review 记录结论）（该行未导入）",
      "第 4 行：“完成期限”中的 '07/08/2025' 不是 2021-05-05 这样的日期（日和月可能颠倒，请写成 YYYY-MM-DD），请更正该单元格后重新导入（该行未导入）",
    ]);
    expect(result.code).toBe(1);

    // The same cells in a procedure list are refused in the same words.
    const procedures = join(tempDir(), "程序文件一览表.csv");
    writeFileSync(procedures, ["文件名称,文件编号,版本,发布日期,条款", "内部审核程序,QP-010,A/0,03/04/2025,9.2.2.1~9.2.2.4", ""].join("\n"));
    const listed = await csrInProcess(["-C", dir, "import", procedures, "--as", "procedures", "--today", "2026-12-01", "--lang", "zh-CN"]);
    expect(lines(listed.stdout).filter((l) => l.startsWith("第 "))).toEqual([
      "第 2 行：“条款”中的 '9.2.2.1~9.2.2.4' 不是 8.5.2 或 IATF16949:8.5.2 这样的条款号，请更正该单元格后重新导入（条款范围 9.2.2.1~9.2.2.4 请逐条列出，用“、”分隔，如 9.2.2.1、…、9.2.2.4）（该行未导入）",
      "第 2 行：“发布日期”中的 '03/04/2025' 不是 2021-05-05 这样的日期（日和月可能颠倒，请写成 YYYY-MM-DD），请更正该单元格后重新导入（该行未导入）",
    ]);
  });

  it("an empty cell the list needs is named as the list heads its column", async () => {
    const dir = repository();
    const { result } = await importList(dir, ["序号,要求名称,顾客,来源文件,条款,收到日期", "1,首件检验须留样,,FORD-CSR,8.5.1,2024-02-01", "2,包装标签须含批次号,FORD,FORD-CSR,8.5.2,", ""].join("\n"), "--lang", "zh-CN");
    expect(lines(result.stdout).filter((l) => l.startsWith("第 "))).toEqual([
      "第 2 行：序号 1 没有写明顾客，请填写“顾客”单元格后重新导入（该行未导入）",
      "第 3 行：序号 2 没有接收日期，请填写“收到日期”单元格后重新导入（该行未导入）",
    ]);
  });
});

describe("csr import --as csr: every spelling read otherwise is said (tester51 #12)", () => {
  it("第8.5.2条, a customer code in full-width forms, a revision and an id written with spaces are said with their rows; spaces at the ends of a cell are not", async () => {
    const dir = repository();
    const { result } = await importList(
      dir,
      [
        "编号,要求名称,顾客代码,来源文件,来源版本,条款,接收日期",
        "FORD-101,首件检验须留样,ＦＯＲＤ ,FORD-CSR,2023-06,第8.5.2条,2024-02-01",
        "FORD-102,包装标签须含批次号, FORD ,FORD-CSR,2023 - 06,8.5.2,2024-02-01",
        "ＦＯＲＤ－１０３,年度产品审核,FORD,FORD-CSR,2023-06,9.2.2.4 ,2024-02-01",
        "",
      ].join("\n"),
      "--lang",
      "zh-CN",
    );
    const out = lines(result.stdout);
    const at = out.indexOf("清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：");
    expect(out.slice(at, at + 6)).toEqual([
      "清单中以下写法已按 csr 的格式读取，文件中记为箭头右边的值：",
      "  “顾客代码”中的 'ＦＯＲＤ' → FORD（第 2 行）",
      "  “条款”中的 '第8.5.2条' → 8.5.2（第 2 行）",
      "  “来源版本”中的 '2023 - 06' → 2023-06（第 3 行）",
      "  “编号”中的 'ＦＯＲＤ－１０３' → FORD-103（第 4 行）",
      "",
    ]);
    expect(csrFile(dir, "FORD-101")).toMatchObject({ customer: "FORD", clauses: ["IATF16949:8.5.2"] });
    expect(csrFile(dir, "FORD-102").source).toEqual({ document: "FORD-CSR", revision: "2023-06" });
    expect(csrFile(dir, "FORD-103").id).toBe("FORD-103");
  });
});

describe("csr import --as csr: 发放 and 培训 as the CSR list prints them (tester55 C5)", () => {
  const HEAD = "序号,要求名称,顾客代码,来源文件,条款,接收日期,处置,决定人,决定日期,发放,培训";
  const row = (no: number, title: string, distributed: string, training: string) => `${no},${title},FORD,FORD-CSR,8.5.1,2023-07-05,必须满足,王强,2023-07-08,"${distributed}","${training}"`;

  it("reads each distribution's departments, day and source revision, and the training's state and record numbers", async () => {
    const dir = repository();
    const list = [
      HEAD,
      row(1, "首件检验须留样", "品质部、市场部，2023-07-10 发放", "已培训\n培训记录 TR-2023-001、TR-2023-002"),
      row(2, "包装标签须含批次号", "2022-01 版：品质部，2022-03-01 发放\n2023-06 版：QA、MKT，2023-07-12 发放\n2023-06 版尚未发放", "不需要培训"),
      row(3, "年度产品审核", "市场部", "需要培训"),
      // 部分培训（已培训 1/3 人） typed with half-width brackets and without spaces reads as printed.
      row(4, "控制计划年度评审", "品质部，2023-07-10 发放", "部分培训(已培训1/3人)\n培训记录 TR-2023-004"),
      "",
    ].join("\n");
    const { result } = await importList(dir, list);
    expect(result.stderr).toBe("");
    expect(lines(result.stdout).filter((l) => l.startsWith("row "))).toEqual([]);
    expect(result.stdout).not.toContain("Columns not imported");
    expect(csrFile(dir, "FORD-001")).toMatchObject({ distribution: [{ departments: ["QA", "MKT"], date: "2023-07-10" }], training: { required: true, records: ["TR-2023-001", "TR-2023-002"] } });
    expect(csrFile(dir, "FORD-002").distribution).toEqual([
      { departments: ["QA"], date: "2022-03-01", source_revision: "2022-01" },
      { departments: ["QA", "MKT"], date: "2023-07-12", source_revision: "2023-06" },
    ]);
    expect(csrFile(dir, "FORD-002").training).toEqual({ required: false });
    expect(csrFile(dir, "FORD-003")).toMatchObject({ distribution: [{ departments: ["MKT"] }], training: { required: true } });
    expect(csrFile(dir, "FORD-003").training.records).toBeUndefined();
    expect(csrFile(dir, "FORD-004").training).toEqual({ required: true, records: ["TR-2023-004"] });
  });

  it("says on its row each value it does not keep, and why; refuses a row whose department or day it cannot read", async () => {
    const dir = repository();
    const list = [
      HEAD,
      row(1, "首件检验须留样", "已发放", "是"),
      row(2, "包装标签须含批次号", "品质部，2023-07-10 发放", "需要培训\n2023-06-20 （来源文件 2022-01 版） TR-2023-003\n培训记录 TR-2023-009（2023-05-01 登记，早于本轮评审开始的 2023-07-05，不是 2023-06 版的培训）"),
      row(3, "年度产品审核", "品质部，2023-07-10 发放", "已培训\n2023-07-20"),
      row(4, "控制计划年度评审", "人事部，2023-07-10 发放", "不需要培训"),
      row(5, "标签须经顾客认可", "品质部，2023.13.1 发放", "不需要培训"),
      "",
    ].join("\n");
    const { result } = await importList(dir, list);
    expect(result.code).toBe(1);
    expect(lines(result.stdout).filter((l) => l.startsWith("row "))).toEqual([
      "row 2: '已发放' in 发放 names no department of qms.yaml and is not a distribution csr reads (departments, distributed date): not imported; record it with 'csr distribute FORD-001 --to <department> --date <date>'",
      "row 2: '是' in 培训 is not training as csr reads it (given, required or not required; each session's day and record number): not imported; record it with 'csr train FORD-001'",
      "row 3: training '2023-06-20 （来源文件 2022-01 版） TR-2023-003' in 培训 was on an earlier revision of the source document, and the list does not name who was trained or the trainer: not imported, since a record number on its own counts as training on the current revision; the session stays on its training record",
      "row 3: 'TR-2023-009（2023-05-01 登记，早于本轮评审开始的 2023-07-05，不是 2023-06 版的培训）' in 培训 is not training on the current revision: not imported, since record TR-2023-009 on its own would count as training on the current revision",
      "row 4: training '2023-07-20' in 培训: the list names neither who was trained, the trainer nor a record number: not imported — record it from the training record with 'csr train FORD-003 --date 2023-07-20 --record <number> --people <trainees> --trainer <trainer>'",
      "row 4: 培训 says '已培训', the imported record gives 'required, not yet given': the notes on this row above say which training of the list was not imported",
      "row 5: '人事部，2023-07-10 发放' in 发放: department '人事部' is not in qms.yaml — add it with 'csr department add <CODE> --name \"人事部\"', or, if it is a former or short name of a department, write aliases: [人事部] under that department in qms.yaml; then import again (row not imported)",
      "row 6: '品质部，2023.13.1 发放' in 发放: '2023.13.1' is not a date — write it as YYYY-MM-DD and import again (row not imported)",
    ]);
    expect(csrFile(dir, "FORD-001").distribution).toBeUndefined();
    expect(csrFile(dir, "FORD-001").training).toBeUndefined();
    expect(csrFile(dir, "FORD-002").training).toEqual({ required: true });
    expect(csrFile(dir, "FORD-003").training).toEqual({ required: true });
  });
});
