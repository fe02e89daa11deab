/**
 * The year's internal audits as the audit team leader hands them on (tester62 N1, N4, N5): the internal
 * audit record (csr list audits, IATF 16949 9.2.2.1 / ISO 9001 9.2.2 f)), the auditor's comment in the
 * registers, and the management review's audit rows (ISO / GJB 9001 9.3.2 c) 4)–5)), each figure checked
 * against the register it names. On a copy of examples/acme-auto in a real git repository (the first run of
 * each command and format through the built binary, the others in this process: csrInProcess), with a 12-month interval (6 for M1) and four audits recorded by csr process audited, each by an auditor from
 * outside the audited process's department (an audit led from it would not count: tester78 A8).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, git, gitInit, withoutAudits } from "../helpers.js";

const COMMENT = "NC-08-1：成品库温湿度记录缺失，整改期限2026-12-15";

const acme = builtOnce(async () => {
  const dir = gitInit(withoutAudits(copyFixture("examples/acme-auto")));
  const read = (file: string) => readFileSync(join(dir, file), "utf8");
  writeFileSync(join(dir, "qms.yaml"), `${read("qms.yaml")}internal_audit:\n  interval_months: 12\n`);
  writeFileSync(join(dir, "processes.yaml"), read("processes.yaml").replace("    owner: GMO\n", "    owner: GMO\n    audit_months: 6\n"));
  git(dir, ["commit", "-qam", "interval"]);
  for (const [i, args] of [
    ["S6", "--date", "2026-03-02", "--by", "gaoyang", "--report", "IA-2026-00", "--nonconformities", "3"],
    ["C3", "--date", "2026-06-08", "--by", "zhaoqiang,陈静", "--report", "IA-2026-01", "--nonconformities", "1"],
    ["S6", "--date", "2026-10-09", "--by", "gaoyang", "--report", "IA-2026-04", "--nonconformities", "2"],
    ["C4", "--date", "2026-11-16", "--by", "zhaoqiang", "--report", "IA-2026-08", "--nonconformities", "1", "--comment", COMMENT],
  ].entries()) {
    // The first through the built binary, the others in this process.
    const argv = ["-C", dir, "process", "audited", ...args, "--commit"];
    const result = i === 0 ? csr(argv, { lang: "zh-CN" }) : await csrInProcess(argv, { lang: "zh-CN" });
    if (result.code !== 0) throw new Error(result.stderr);
  }
  return dir;
});

/** In the repository's language (zh-CN), as its users run csr: through the built binary (the first list of each format, the refusal of csr process audited). */
const run = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: null });
/** `run` in this process (csrInProcess). */
const runHere = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });

interface Json {
  title: string;
  rows: Record<string, string | number | null>[];
  notes?: string[];
}

/** `csr list <args> --format json`, in English, which must succeed: in this process (csrInProcess). */
async function json(dir: string, ...args: string[]): Promise<Json> {
  const result = await csrInProcess(["-C", dir, "list", ...args, "--format", "json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Json;
}

describe("csr list audits", () => {
  it("lists every audit held by the day, by date, with auditors, report, nonconformities and comment, and the totals", async () => {
    const dir = await acme();
    const result = run(dir, "list", "audits", "--today", "2026-12-05");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").map((l) => l.trimEnd())).toEqual([
      "内部审核记录（共 4 次）",
      "",
      "序号  审核日期    过程编号  过程名称            负责部门    审核员              审核报告    不符合项数  说明",
      "----  ----------  --------  ------------------  ----------  ------------------  ----------  ----------  -------------------------------------------------",
      "1     2026-03-02  S6        检验与不合格品控制  品质部      高扬                IA-2026-00  3",
      "2     2026-06-08  C3        生产过程控制        生产部      赵强（组长）、陈静  IA-2026-01  1",
      "3     2026-10-09  S6        检验与不合格品控制  品质部      高扬                IA-2026-04  2",
      `4     2026-11-16  C4        仓储、包装与交付    采购物流部  赵强                IA-2026-08  1           ${COMMENT}`,
      "",
      "共 4 次审核，审核了 3 个过程（共 15 个），开出不符合项 7 项。",
      "",
    ]);
    // A past day: the audits held by then, and a note that later ones are left out.
    const before = await json(dir, "audits", "--today", "2026-06-30");
    expect(before.rows.map((r) => r.report)).toEqual(["IA-2026-00", "IA-2026-01"]);
  });

  it("lists the audits of a period, saying so in the title, a note and the file's name, with counts as numbers in csv", async () => {
    const dir = await acme();
    const result = run(dir, "list", "audits", "--from", "2026-06-01", "--to", "2026-10-31", "--today", "2026-12-05", "--format", "csv");
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("csr list audits");
    expect(result.stdout.replace(/^\uFEFF/, "").split(/\r?\n/)).toEqual([
      "序号,审核日期,过程编号,过程名称,负责部门,审核员,审核报告,不符合项数,说明",
      "1,2026-06-08,C3,生产过程控制,生产部,赵强（组长）、陈静,IA-2026-01,1,",
      "2,2026-10-09,S6,检验与不合格品控制,品质部,高扬,IA-2026-04,2,",
      "",
    ]);
    const period = await json(dir, "audits", "--from", "2026-06-01", "--to", "2026-10-31", "--today", "2026-12-05");
    expect(period.title).toBe("Internal audit record (2026-06-01 to 2026-10-31; 2 audits)");
    expect(period.notes).toEqual(["This register is filtered (audited 2026-06-01 to 2026-10-31) and is not the whole internal audit record.", "2 audits of 2 of 15 processes, 3 nonconformities raised."]);
    // The refusal of an option it does not take names it among the lists of a period.
    const refused = await runHere(dir, "list", "audits", "--due-by", "2026-12-31");
    expect(refused.code).toBe(2);
  });

  it("lists the last audit in the process list's files; its comment is the audits register's (tester62 N5)", async () => {
    const dir = await acme();
    const processes = (await json(dir, "processes", "--today", "2026-12-05")).rows;
    expect(processes.find((r) => r.code === "C4")).toMatchObject({ audited: "2026-11-16", report: "IA-2026-08" });
    const csv = (await runHere(dir, "list", "processes", "--today", "2026-12-05", "--format", "csv")).stdout.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(csv[0]).toBe("序号,过程编号,过程名称,类别,负责部门,过程所有者,过程绩效指标,对应条款,程序文件,其他文件,上次审核,审核结果,审核员,审核报告,间隔（月）,下次审核,状态");
    expect(csv[4]).toMatch(new RegExp(`^4,C4,仓储、包装与交付,.*,2026-11-16,不符合 1 项,赵强,IA-2026-08,12,2027-11-16,还有 346 天$`));
  });
});

describe("csr site: a process's audits (tester62 N4)", () => {
  it("lists every audit of the process on its page, the March one too, and 尚未审核 for a process never audited", async () => {
    const dir = await acme();
    const out = join(dir, "..", "site");
    const result = await runHere(dir, "site", "--out", out, "--today", "2026-12-05");
    expect(result.code).toBe(0);
    // The rows of the page's 内部审核记录 table (the page's findings come before it, the process's KPIs after it).
    const rows = (code: string) => [...readFileSync(join(out, "processes", `${code}.html`), "utf8").split("内部审核记录（共").at(-1)!.split("</table>")[0]!.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
    expect(rows("S6")).toEqual(["审核日期 审核员 审核报告 不符合项数 说明", "2026-03-02 高扬 IA-2026-00 3", "2026-10-09 高扬 IA-2026-04 2"]);
    expect(rows("C4")).toEqual(["审核日期 审核员 审核报告 不符合项数 说明", `2026-11-16 赵强 IA-2026-08 1 ${COMMENT}`]);
    expect(readFileSync(join(out, "processes", "C1.html"), "utf8")).toMatch(/内部审核记录（共 0 次）[\s\S]*尚未审核/);
  });
});

describe("csr list management-review: internal audits (tester62 N1)", () => {
  it("gives the audits and nonconformities of the period and the processes never audited or due, each equal to its register", async () => {
    const dir = await acme();
    // The year to date (--from): without it the page is of the period of the last management review held (acme-auto's MR-2026, to 2026-10-31).
    const review = await json(dir, "management-review", "--from", "2026-01-01", "--today", "2026-12-05");
    // The audit rows up to the processes due (the programme's performance after them is test/audit/management-review-programme.test.ts's).
    const rows = review.rows.filter((r) => r.area === "Internal audit").slice(0, 4);
    expect(rows.map((r) => [r.item, r.value, r.detail, r.source])).toEqual([
      ["Internal audits made in the period", 4, "QMS audits 4 (IA-2026-00, IA-2026-01, IA-2026-04, IA-2026-08): C3 1 audit, C4 1 audit, S6 2 audits", "Internal audits"],
      ["Nonconformities raised by audits in the period", 7, "C3 1 nonconformity, C4 1 nonconformity, S6 5 nonconformities", "Internal audits"],
      ["Processes never audited on 2026-12-05", 12, "C1, C2, C5, S1, S2, S3, S4, S5, M1, M2, M3, M4", "Processes"],
      ["Processes due for audit on 2026-12-05 (never audited included)", 12, "never audited: C1, C2, C5, S1, S2, S3, S4, S5, M1, M2, M3, M4", "Processes"],
    ]);

    // The internal audit record of the same period: its rows and the sum of its nonconformities.
    const audits = (await json(dir, "audits", "--from", "2026-01-01", "--to", "2026-12-05", "--today", "2026-12-05")).rows;
    expect(rows[0]!.value).toBe(audits.length);
    expect(rows[1]!.value).toBe(audits.reduce((n, r) => n + Number(r.nonconformities), 0));
    // The process list on the period's last day: its 尚未审核 rows.
    const processes = (await json(dir, "processes", "--today", "2026-12-05")).rows;
    expect(rows[2]!.value).toBe(processes.filter((r) => r.status === "not yet audited").length);
    // What process/audit-due reports that day.
    const due = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.rule === "process/audit-due");
    expect(rows[3]!.value).toBe(due.length);

    // The next year: C3, audited on 2026-06-08, falls due on 2027-06-08; the others audited in 2026 later.
    const later = (await json(dir, "management-review", "--from", "2027-01-01", "--to", "2027-03-31", "--today", "2027-04-01")).rows.filter((r) => r.area === "Internal audit").slice(0, 4);
    expect(later.map((r) => [r.value, r.detail])).toEqual([
      [0, ""],
      [0, ""],
      [12, "C1, C2, C5, S1, S2, S3, S4, S5, M1, M2, M3, M4"],
      [12, "never audited: C1, C2, C5, S1, S2, S3, S4, S5, M1, M2, M3, M4"],
    ]);
    expect((await checkJsonInProcess(dir, "--today", "2027-03-31")).findings.filter((f) => f.rule === "process/audit-due")).toHaveLength(12);
    const overdue = (await json(dir, "management-review", "--from", "2027-01-01", "--to", "2027-06-30", "--today", "2027-07-01")).rows.filter((r) => r.area === "Internal audit");
    expect(overdue[3]).toMatchObject({ value: 13, detail: "overdue: C3; never audited: C1, C2, C5, S1, S2, S3, S4, S5, M1, M2, M3, M4" });
    expect((await checkJsonInProcess(dir, "--today", "2027-06-30")).findings.filter((f) => f.rule === "process/audit-due")).toHaveLength(13);
  });

  it("counts, without an audit interval, the processes due by IATF 16949 9.2.2.1's three-year cycle, the ones csr check reports, and says so (tester67a A11)", async () => {
    const dir = gitInit(withoutAudits(copyFixture("examples/acme-auto")));
    const rows = (await json(dir, "management-review", "--today", "2026-12-05")).rows.filter((r) => r.area === "Internal audit").slice(0, 4);
    expect(rows.map((r) => [r.value, r.detail])).toEqual([
      [0, ""],
      [0, ""],
      [15, "C1, C2, C3, C4, C5, S1, S2, S3, S4, S5, S6, M1, M2, M3, M4"],
      [2, "never audited: C3, M1; no audit interval is set: counted by the three-year audit cycle of IATF 16949 9.2.2.1"],
    ]);
    // The same two csr check reports: never audited 36 months after QM-001's first release (or C3's own documents').
    expect((await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.rule === "process/audit-due").map((f) => `${f.line} ${f.message.split(":")[0]}`)).toEqual([
      "58 Process C3 Production has no internal audit recorded",
      "210 Process M1 Business planning and QMS management has no internal audit recorded",
    ]);
  });
});

describe("csr process audited: a report already recorded (tester62 N10)", () => {
  it("refuses the same report number in another letter case, naming it as recorded, and writes nothing", async () => {
    const dir = await acme();
    const before = readFileSync(join(dir, "processes.yaml"), "utf8");
    const result = run(dir, "process", "audited", "C3", "--date", "2026-06-09", "--by", "赵强", "--report", "ia-2026-01", "--nonconformities", "0");
    expect(result).toEqual({ code: 2, stdout: "", stderr: "csr: 过程 C3 生产过程控制 已记有审核报告 IA-2026-01 的内部审核；同一次审核不重复记录。\n" });
    expect(readFileSync(join(dir, "processes.yaml"), "utf8")).toBe(before);
  });
});
