/**
 * The annual internal audit plan (年度内部审核计划, IATF 16949 9.2.2.1; tester78 A2): csr process plan schedules an audit of a
 * process for a month (or day) to come, checking its auditors' impartiality and qualification when planned; recording the
 * audit within the month fulfils the entry; a month that ends without it is process/planned-audit-missed's unless the audit
 * was moved; csr list audit-programme shows the plan beside the audits held, csr list audit-plan is the plan itself.
 * On a copy of examples/acme-auto in a real git repository (C2 owned by ENG, audited 2026-10-12; no auditor qualifications marked).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit, tempDir } from "../helpers.js";

const acme = builtOnce(() => gitInit(copyFixture("examples/acme-auto")));
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const TODAY = ["--today", "2026-12-04"];
type Rows = { rows: Record<string, unknown>[]; notes?: string[]; title?: string };
const json = async (dir: string, ...args: string[]) => JSON.parse((await run(dir, ...args, "--format", "json")).stdout) as Rows;

describe("csr process plan (tester78 A2)", () => {
  it("plans an audit to come, lists it beside the audits held and in the annual plan, and is fulfilled by the audit recorded in its month", async () => {
    const dir = await acme();
    const future = csr(["-C", dir, "process", "audited", "C2", "--date", "2026-12-15", "--by", "zhangli", "--report", "IA-2026-20", "--nonconformities", "0", ...TODAY], { lang: null });
    expect([future.code, future.stdout, future.stderr]).toEqual([
      2,
      "",
      "csr: --date 2026-12-15 晚于今天（2026-12-04）：已完成事项的记录不能填写将来的日期。\n提示：将来的审核先列入年度内部审核计划：'csr process plan C2 --date 2026-12-15 --by <审核员>'；审核后再记录。\n",
    ]);
    const planned = await run(dir, "process", "plan", "C2", "--date", "2026-12-15", "--by", "zhangli,sunwei", "--customer", "DYA", "--shift", "早班", "--shift", "夜班", ...TODAY, "-y");
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout.split("\n")[0]).toBe("已在 processes.yaml 中计划过程 C2 产品和过程设计开发（APQP）的体系审核：2026-12（2026-12-15），审核员 张丽（zhangli）、孙伟（sunwei），顾客 DYA，班次 早班、夜班。");
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toContain("    planned_audits:\n      - {month: 2026-12, date: 2026-12-15, by: [zhangli, sunwei], customer: DYA, shift: [早班, 夜班]}\n");
    expect((await run(dir, "process", "plan", "C1", "--month", "2027-3", "--by", "zhangli", ...TODAY, "-y")).code).toBe(0);

    const programme = await json(dir, "list", "audit-programme", ...TODAY);
    expect(programme.title).toBe("内部审核方案（2024—2027 年，共 15 个过程）");
    const row = (code: string) => programme.rows.find((r) => r.code === code && r.kind === "体系审核")!;
    expect([row("C2").y2026, row("C2").y2027]).toEqual(["10-12 IA-2026-01、12 月计划（张丽、孙伟）", ""]);
    expect(row("C1").y2027).toBe("3 月计划（张丽）");
    expect(programme.notes).toContain("标“计划”的是年度内部审核计划（csr process plan 安排，csr list audit-plan 列出）中尚未进行的审核，括号内为计划的审核员；计划月份已过仍未审核的标“未审核”或“改期”。本方案是审核的记录（已进行的审核及其到期），不是年度内部审核计划本身。");

    const plan = await json(dir, "list", "audit-plan", ...TODAY);
    expect(plan.title).toBe("2026 年度内部审核计划（共 1 项）");
    expect(plan.rows).toEqual([
      { no: "1", month: "2026-12", date: "2026-12-15", code: "C2", name: "产品和过程设计开发（APQP）", owner: "技术部", kind: "体系审核", auditors: "张丽、孙伟", customer: "东岳汽车股份有限公司", shift: "早班、夜班", status: "计划", comment: "" },
    ]);
    expect(plan.notes?.[1]).toBe("2026 年未计划体系审核的过程（14 个）：C1、C3、C4、C5、S1、S2、S3、S4、S5、S6、M1、M2、M3、M4。");
    expect((await json(dir, "list", "audit-plan", "--year", "2027", ...TODAY)).rows.map((r) => [r.month, r.code, r.status])).toEqual([["2027-03", "C1", "计划"]]);

    const held = await run(dir, "process", "audited", "C2", "--date", "2026-12-15", "--by", "zhangli,sunwei", "--report", "IA-2026-20", "--nonconformities", "0", "--today", "2026-12-15", "-y");
    expect(held.code, held.stderr).toBe(0);
    expect(held.stdout).toContain("\n完成了年度内部审核计划中 2026-12 的这项审核。\n");
    expect((await json(dir, "list", "audit-plan", "--today", "2027-01-05", "--year", "2026")).rows.map((r) => r.status)).toEqual(["已审核 2026-12-15（IA-2026-20）"]);
    const after = await json(dir, "list", "audit-programme", "--today", "2026-12-15");
    expect(after.rows.find((r) => r.code === "C2" && r.kind === "体系审核")!.y2026).toBe("10-12 IA-2026-01、12-15 IA-2026-20");
    expect((await checkJsonInProcess(dir, "--today", "2027-01-05")).findings.filter((f) => f.rule === "process/planned-audit-missed")).toEqual([]);
  });

  it("warns of a month that ended without its audit, and no more once the audit is moved to a later month", async () => {
    const dir = await acme();
    expect((await run(dir, "process", "plan", "C4", "--month", "2026-12", "--kind", "product", "--by", "zhangli", ...TODAY, "-y")).code).toBe(0);
    const missed = (await checkJsonInProcess(dir, "--today", "2027-01-05")).findings.filter((f) => f.rule === "process/planned-audit-missed");
    expect(missed.map((f) => [f.severity, f.file, f.line, f.message])).toEqual([
      [
        "warning",
        "processes.yaml",
        105,
        "The product audit of C4 Storage, packaging and delivery was planned for 2026-12 (annual internal audit plan); the month has ended with no such audit recorded. If it was held that month, record it with 'csr process audited C4 --kind product --date <audit day> …'; if not, move it to a month to come with 'csr process plan C4 --kind product --move 2026-12 --month <YYYY-MM> --reason <why>', or cancel it with 'csr process plan C4 --kind product --cancel 2026-12 --reason <why>'.",
      ],
    ]);
    expect((await checkJsonInProcess(dir, "--today", "2026-12-31")).findings.filter((f) => f.rule === "process/planned-audit-missed")).toEqual([]);
    const past = await run(dir, "process", "plan", "C4", "--month", "2026-12", "--kind", "product", "--today", "2027-01-05", "-y");
    expect([past.code, past.stderr]).toEqual([2, "csr: --month 2026-12 早于本月（今天是 2027-01-05）：审核计划安排的是将来的审核。\n提示：已进行的审核用 'csr process audited C4 --date <审核日期> …' 记录。\n"]);
    // A routine entry of the next year is the next audit, not this one moved (review79 #3): the warning stays.
    expect((await run(dir, "process", "plan", "C4", "--month", "2027-11", "--kind", "product", "--today", "2027-01-05", "-y")).code).toBe(0);
    expect((await checkJsonInProcess(dir, "--today", "2027-01-05")).findings.filter((f) => f.rule === "process/planned-audit-missed").map((f) => f.line)).toEqual([105]);
    expect((await json(dir, "list", "audit-plan", "--year", "2026", "--today", "2027-01-05")).rows.map((r) => r.status)).toEqual(["未按计划审核"]);
    const moved = await run(dir, "process", "plan", "C4", "--kind", "product", "--move", "2026-12", "--month", "2027-02", "--reason", "停线", "--today", "2027-01-05", "-y");
    expect(moved.code, moved.stderr).toBe(0);
    expect((await checkJsonInProcess(dir, "--today", "2027-01-05")).findings.filter((f) => f.rule === "process/planned-audit-missed")).toEqual([]);
    expect((await json(dir, "list", "audit-plan", "--year", "2026", "--today", "2027-01-05")).rows.map((r) => r.status)).toEqual(["改期 2026-12 → 2027-02（停线）"]);
    const programme = await json(dir, "list", "audit-programme", "--today", "2027-01-05");
    // The 2026 column says where the December entry went (计划改期至, review79), not nothing.
    expect(programme.rows.filter((r) => r.code === "C4" && r.kind === "产品审核").map((r) => [r.y2026, r.y2027])).toEqual([["05-13 PA-2026-02、12 月计划改期至 2027-02", "2 月计划（张丽）、11 月计划"]]);
  });

  it("checks the auditors when planned: own department and qualification on the planned day warned, refused while the rule is an error; one entry a kind a month", async () => {
    const dir = await acme();
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2024-01-01", "--auditor-until", "2026-12-20", "--auditor-record", "NS-1", ...TODAY, "-y")).code).toBe(0);
    const planned = await run(dir, "process", "plan", "C2", "--month", "2026-12", "--by", "zhaoqiang,zhoupeng", ...TODAY, "-y");
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout.split("\n").slice(0, 4)).toEqual([
      "已在 processes.yaml 中计划过程 C2 产品和过程设计开发（APQP）的体系审核：2026-12，审核员 赵强（zhaoqiang）、周鹏（zhoupeng）。",
      "注意：周鹏（zhoupeng）属于过程 C2 产品和过程设计开发（APQP）的负责部门技术部，审核本部门的工作不是客观公正的内部审核（process/auditor-impartiality）。请改派其他部门的审核员。",
      "注意：赵强（zhaoqiang）在计划日 2026-12-31 没有体系审核员资格（资格已于 2026-12-20 到期）；审核前应取得资格，否则此次审核不计入审核方案（process/auditor-unqualified）。",
      "注意：周鹏（zhoupeng）在计划日 2026-12-31 没有体系审核员资格（people.yaml 中未登记其内审员资格）；审核前应取得资格，否则此次审核不计入审核方案（process/auditor-unqualified）。",
    ]);
    const twice = await run(dir, "process", "plan", "C2", "--date", "2026-12-10", ...TODAY, "-y");
    expect([twice.code, twice.stderr]).toEqual([2, "csr: 过程 C2 产品和过程设计开发（APQP）已计划于 2026-12 进行体系审核：同一类审核每月计划一次。\n"]);
    const neither = await run(dir, "process", "plan", "C2", ...TODAY);
    expect(neither.stderr.split("\n")[0]).toBe("csr: 请给出 --month <YYYY-MM> 或 --date <YYYY-MM-DD> 之一：计划审核的月份，或已确定的日期。");
    const qms = readFileSync(join(dir, "qms.yaml"), "utf8");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "qms.yaml"), `${qms.trimEnd()}\nrules:\n  process/auditor-impartiality: error\n`);
    const refused = await run(dir, "process", "plan", "C2", "--month", "2027-01", "--by", "zhoupeng", ...TODAY, "-y");
    expect([refused.code, refused.stderr.split("\n")[0]]).toEqual([2, "csr: --by 周鹏（zhoupeng）：属于过程 C2 产品和过程设计开发（APQP）的负责部门技术部，审核员不审核本部门的工作（process/auditor-impartiality 在 qms.yaml 中设为错误）。"]);
  });

  it("puts the plan's own form on csr list audit-plan (QR-004-01), apart from the audit programme's record", async () => {
    const dir = await acme();
    expect((await run(dir, "process", "plan", "C2", "--month", "2026-12", "--by", "zhangli", ...TODAY, "-y")).code).toBe(0);
    expect((await run(dir, "organisation", "update", "--register-form", "audit-plan=QR-004-01", "-y")).code).toBe(0);
    const md = (await run(dir, "list", "audit-plan", ...TODAY, "--format", "md")).stdout;
    expect(md.split("\n").slice(0, 3)).toEqual(["## 2026 年度内部审核计划（共 1 项）", "", "江苏安迈汽车零部件有限公司 ｜ 表单编号：QR-004-01 A/0 ｜ 截至 2026-12-04"]);
    expect((await run(dir, "list", "audit-programme", ...TODAY, "--format", "md")).stdout).not.toContain("QR-004-01");
  });

  it("puts this year's plan and the coming year's on sheets of csr export, as the site has them on pages", async () => {
    const dir = await acme();
    expect((await run(dir, "process", "plan", "C2", "--month", "2026-12", "--by", "zhangli", ...TODAY, "-y")).code).toBe(0);
    expect((await run(dir, "process", "plan", "C1", "--month", "2027-03", "--by", "zhangli", ...TODAY, "-y")).code).toBe(0);
    const book = join(tempDir(), "registers.xlsx");
    expect((await run(dir, "export", "--out", book, ...TODAY)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const names = workbook.worksheets.map((w) => w.name);
    // Between the audit programme and the internal audit record (tester82 A6).
    const at = names.indexOf("内部审核方案");
    expect(names.slice(at, at + 4)).toEqual(["内部审核方案", "2026年度内部审核计划", "2027年度内部审核计划", "内部审核记录"]);
    expect(workbook.getWorksheet("2026年度内部审核计划")!.getCell("A1").value).toBe("2026 年度内部审核计划（共 1 项）");
    expect(workbook.getWorksheet("2027年度内部审核计划")!.getCell("A1").value).toBe("2027 年度内部审核计划（共 1 项）");
  });
});
