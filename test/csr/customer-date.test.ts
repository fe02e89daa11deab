/**
 * The customer's date for a CSR (tester52 D8; IATF 16949 7.5.3.2.2: customer changes are implemented
 * on the customer's schedule, with the production date recorded to prove it): the 实施日期 of a source
 * revision (`csr source add/update --effective`), a CSR's own (`csr implement --required-by`), printed
 * in the external document list, beside 完成期限 in the CSR list, matrix, `csr show` and the review
 * report, and compared with the due date and the date implemented (csr/late-for-customer; the earlier
 * date for csr/implementation-overdue). On a copy of examples/acme-auto, whose DYA-002 went into
 * production on 2026-04-20 under Dongyue's SQM revision D, in force from 2026-04-01.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce, checkJsonInProcess, copyFixture, csr, csrInProcess, gitInit, tempDir } from "../helpers.js";

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

/** The example as it was before it recorded any customer's date (the example now records DYA-SQM D's, and two agreed later dates). */
const example = builtOnce(() => {
  const dir = copyFixture("examples/acme-auto");
  const undate = (path: string, line: RegExp) => writeFileSync(join(dir, path), read(dir, path).replace(line, ""));
  undate("customers/DYA.yaml", /^ {8}effective: 2026-04-01\n/m);
  undate("csr/DYA/DYA-004.yaml", /^ {2}required_by: .*\n/m);
  undate("csr/DYA/DYA-006.yaml", /^ {2}required_by: .*\n/m);
  gitInit(dir);
  return dir;
});

/** The example with DYA-SQM D's 实施日期 recorded by command. */
const dated = builtOnce(async () => {
  const dir = await example();
  const result = await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "D", "--effective", "2026-04-01", "--amend", "-y"]);
  if (result.code !== 0) throw new Error(result.stderr);
  return dir;
});

const DATE_RULES = new Set(["csr/late-for-customer", "csr/implementation-overdue"]);
const findings = async (dir: string) =>
  (await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => DATE_RULES.has(f.rule)).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);

describe("the customer's date of a source revision", () => {
  it("csr source update --amend --effective records it after the date received, and the external list prints it as 实施日期", async () => {
    const dir = await example();
    expect(await csrInProcess(["-C", dir, "source", "update", "DYA-SQM", "--revision", "D", "--effective", "2026-04-01", "--amend", "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout: "已更正 DYA-SQM D 版的实施日期 2026-04-01。\n已写入 customers/DYA.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "customers/DYA.yaml")).toContain("      - revision: D\n        issued: 2026-03-09\n        received: 2026-03-16\n        effective: 2026-04-01\n        supersedes: C\n");
    const external = (await csrInProcess(["-C", dir, "list", "external", "--format", "csv"], { lang: "zh-CN" })).stdout.split("\r\n");
    expect(external[0]).toBe("\ufeff序号,类别,文件编号,文件名称,发布单位,版本,发布日期,实施日期,接收日期,状态,保管部门");
    // acme-auto records 品质部 as keeping DYA-SQM (aud68 A13).
    expect(external.filter((l) => l.includes("DYA-SQM"))).toEqual(["4,顾客文件,DYA-SQM,东岳汽车供应商质量手册,东岳汽车股份有限公司,C,2024-06-12,,2024-06-17,已被 D 版替代,品质部", "5,顾客文件,DYA-SQM,东岳汽车供应商质量手册,东岳汽车股份有限公司,D,2026-03-09,2026-04-01,2026-03-16,现行,品质部"]);
  });

  it("csr source add --effective records it with the first revision and says what it means", async () => {
    const dir = await example();
    const result = await csrInProcess(["-C", dir, "source", "add", "BCM", "--id", "BCM-EV", "--title", "北辰电动平台补充要求", "--revision", "A", "--issued", "2026-11-10", "--received", "2026-11-16", "--effective", "2027-01-01", "-y"], { lang: "zh-CN" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("BCM-EV A 版的顾客实施日期：2027-01-01；依据它的 CSR 须在该日或之前导入生产（csr/late-for-customer）。\n");
    expect(read(dir, "customers/BCM.yaml")).toContain("  - id: BCM-EV\n    title: 北辰电动平台补充要求\n    revisions:\n      - revision: A\n        issued: 2026-11-10\n        received: 2026-11-16\n        effective: 2027-01-01\n");
  });

  it("a CSR put into production after it, or planned after it, is reported; overdue counts from the earlier date", async () => {
    expect(await findings(await example())).toEqual([]);
    expect(await findings(await dated())).toEqual([
      "csr/DYA/DYA-002.yaml:80:16 warning csr/late-for-customer DYA-002 was implemented in production on 2026-04-20, after the effective date 2026-04-01 of the customer's DYA-SQM revision D (12 working days late). If the customer agreed a later date in writing, record it with 'csr implement DYA-002 --required-by <date>'; otherwise the lateness stands on record: take it to corrective action and record why with 'csr implement DYA-002 --late-reason \"...\"' (e.g. the customer informed, the corrective action's number).",
      "csr/DYA/DYA-004.yaml:46:8 error csr/implementation-overdue DYA-004 was to be implemented by 2026-04-01, the effective date of the customer's DYA-SQM revision D, ahead of the internal due date 2026-12-31 (owner: 周鹏 (zhoupeng)) but its implementation status is 'in-progress'. Once implemented, record it with 'csr implement DYA-004 --implemented <date> --evidence <evidence>'; if the customer agreed a later date in writing, record that date with 'csr implement DYA-004 --required-by <date>' (a new due date with --due does not move the customer's).",
      "csr/DYA/DYA-004.yaml:46:8 warning csr/late-for-customer DYA-004 is due 2026-12-31, after the effective date 2026-04-01 of the customer's DYA-SQM revision D (183 working days later): planned so, it is implemented off the customer's schedule. Bring the due date forward with 'csr implement DYA-004 --due <date>' (on or before 2026-04-01); if the customer agreed a later date in writing, record it with 'csr implement DYA-004 --required-by <date>'.",
      "csr/DYA/DYA-006.yaml:47:8 error csr/implementation-overdue DYA-006 was to be implemented by 2026-04-01, the effective date of the customer's DYA-SQM revision D, ahead of the internal due date 2026-12-18 (owner: 黄军 (huangjun)) but its implementation status is 'in-progress'. Once implemented, record it with 'csr implement DYA-006 --implemented <date> --evidence <evidence>'; if the customer agreed a later date in writing, record that date with 'csr implement DYA-006 --required-by <date>' (a new due date with --due does not move the customer's).",
      "csr/DYA/DYA-006.yaml:47:8 warning csr/late-for-customer DYA-006 is due 2026-12-18, after the effective date 2026-04-01 of the customer's DYA-SQM revision D (174 working days later): planned so, it is implemented off the customer's schedule. Bring the due date forward with 'csr implement DYA-006 --due <date>' (on or before 2026-04-01); if the customer agreed a later date in writing, record it with 'csr implement DYA-006 --required-by <date>'.",
    ]);
  });

  it("csr implement --required-by records a later date the customer agreed, which settles both findings; csr implement says when a date is late", async () => {
    const dir = await dated();
    expect(await csrInProcess(["-C", dir, "implement", "DYA-004", "--required-by", "2026-12-31", "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout: "DYA-004：已登记实施情况。状态：实施中，负责人：周鹏（zhoupeng），期限：2026-12-31，顾客要求日期：2026-12-31。\n已写入 csr/DYA/DYA-004.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect(read(dir, "csr/DYA/DYA-004.yaml")).toContain("implementation:\n  owner: zhoupeng\n  due: 2026-12-31\n  status: in-progress\n  evidence: D1平台6份控制计划已完成年度评审，D2平台4份进行中；东岳SQE刘涛2026-03-20邮件同意现有控制计划的首次年度评审于2026年内完成。\n  required_by: 2026-12-31\n");
    expect((await findings(dir)).filter((f) => f.startsWith("csr/DYA/DYA-004"))).toEqual([]);
    expect(await csrInProcess(["-C", dir, "implement", "DYA-006", "--due", "2026-12-21", "-y"], { lang: "zh-CN" })).toEqual({
      code: 0,
      stdout:
        "DYA-006：已登记实施情况。状态：实施中，负责人：黄军（huangjun），期限：2026-12-21，顾客实施日期：2026-04-01（DYA-SQM D 版）。\n" +
        // The customer's date has passed: no due date helps, only the implementation or a later date the customer agreed (tester67b B4).
        "DYA-006 已过顾客 DYA-SQM D 版规定的实施日期 2026-04-01，仍未实施：csr check 照报 csr/implementation-overdue（错误），改完成期限不能消除。导入生产后用 'csr implement DYA-006 --implemented <导入生产日期> --evidence <证据>' 记录；顾客书面同意更晚日期的，用 'csr implement DYA-006 --required-by <日期>' 记录。\n已写入 csr/DYA/DYA-006.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
  });

  it("the CSR list, the matrix, csr show and the review report print the customer's date beside 完成期限, and the lateness", async () => {
    const dir = await dated();
    const csv = (await csrInProcess(["-C", dir, "list", "--format", "csv"], { lang: "zh-CN" })).stdout.split("\n");
    expect(csv[0]).toContain(",负责人,完成期限,顾客要求日期,实施状态,");
    expect(csv.find((l) => l.startsWith("7,DYA-002,"))).toContain(",张丽,2026-04-30,2026-04-01,已实施,");
    expect((await csrInProcess(["-C", dir, "list"], { lang: "zh-CN" })).stdout).toContain(
      "\n晚于顾客要求日期实施 3 项：DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日）、DYA-004（完成期限 2026-12-31，晚于 2026-04-01 183 个工作日）、DYA-006（完成期限 2026-12-18，晚于 2026-04-01 174 个工作日）。顾客要求日期为来源文件版本的实施日期，或 CSR 自己登记的日期（csr check 规则 csr/late-for-customer）。\n",
    );
    const matrix = (await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv"], { lang: "zh-CN" })).stdout.split("\n");
    // The matrix gives 完成期限 and 导入生产日期 beside it, as QP-015 §5.5 has it record them: DYA-002's row shows it went into production late (tester55 C9).
    expect(matrix[0]).toContain(",负责人,完成期限,顾客要求日期,导入生产日期,状态,");
    expect(matrix.find((l) => l.startsWith("DYA-002,"))).toContain(",张丽,2026-04-30,2026-04-01,2026-04-20,已实施,");
    // DYA-005, rejected as written, is met by the alternative agreed with 东岳: it has DYA-SQM D's date to meet too (IATF 16949 4.3.2).
    // The date's cell by the header's column; DYA-005's row has a 处置理由 of two lines (its alternative), so whole records are read.
    const cell = (lines: string[], id: string) => {
      const records = csvRecords(lines.join("\n"));
      return records.find((r) => r.includes(id))![records[0]!.indexOf("顾客要求日期")];
    };
    expect([cell(csv, "DYA-005"), cell(matrix, "DYA-005"), cell(csv, "DYA-002"), cell(matrix, "DYA-002")]).toEqual(["2026-04-01", "2026-04-01", "2026-04-01", "2026-04-01"]);
    expect((await csrInProcess(["-C", dir, "show", "DYA-002"], { lang: "zh-CN" })).stdout).toContain(
      "\n  实施            已实施，负责人 张丽，期限 2026-04-30，顾客实施日期 2026-04-01（DYA-SQM D 版；晚于该日 12 个工作日导入生产），2026-04-20 实施\n",
    );
    const out = join(tempDir(), "DYA-002.md");
    expect((await csrInProcess(["-C", dir, "render", "DYA-002", "--format", "md", "--out", out], { lang: "zh-CN" })).code).toBe(0);
    const report = readFileSync(out, "utf8");
    expect(report).toContain("- 完成期限：2026-04-30\n- 顾客要求日期：2026-04-01（DYA-SQM D 版的实施日期）；晚于该日 12 个工作日导入生产\n");
  });

  it("the example shows DYA-002 late for Dongyue's SQM D, and the two dates Dongyue agreed later settle DYA-004 and DYA-006", async () => {
    const dir = copyFixture("examples/acme-auto");
    expect(await findings(dir)).toEqual([
      "csr/DYA/DYA-002.yaml:80:16 warning csr/late-for-customer DYA-002 was implemented in production on 2026-04-20, after the effective date 2026-04-01 of the customer's DYA-SQM revision D (12 working days late). If the customer agreed a later date in writing, record it with 'csr implement DYA-002 --required-by <date>'; otherwise the lateness stands on record: take it to corrective action and record why with 'csr implement DYA-002 --late-reason \"...\"' (e.g. the customer informed, the corrective action's number).",
    ]);
  });

  it("csr implement --late-reason records why DYA-002 was late: the finding is settled, and the list, matrix, csr show and the review report keep the lateness with the reason", async () => {
    const dir = copyFixture("examples/acme-auto");
    gitInit(dir);
    const reason = "已通知东岳 SQE 刘涛（2026-04-03 邮件）；纠正措施 CAR-2026-014";
    // The built binary, as a user runs it.
    const recorded = csr(["-C", dir, "implement", "DYA-002", "--late-reason", reason, "-y"], { lang: "zh-CN" });
    expect(recorded).toMatchObject({ code: 0, stderr: "" });
    expect(recorded.stdout.split("\n")[1]).toBe(`DYA-002 晚于顾客 DYA-SQM D 版规定的实施日期 2026-04-01（晚 12 个工作日），已记录原因：${reason}`);
    expect(read(dir, "csr/DYA/DYA-002.yaml")).toContain(`  late_reason: ${reason}\n`);
    expect(await findings(dir)).toEqual([]);
    const note = `晚于顾客要求日期实施 1 项：DYA-002（2026-04-20 导入生产，晚于 2026-04-01 12 个工作日；原因：${reason}）。`;
    expect((await csrInProcess(["-C", dir, "list", "csr", "--format", "md"], { lang: "zh-CN" })).stdout).toContain(note);
    expect((await csrInProcess(["-C", dir, "matrix", "csr", "--format", "md"], { lang: "zh-CN" })).stdout).toContain(note);
    expect((await csrInProcess(["-C", dir, "show", "DYA-002"], { lang: "zh-CN" })).stdout).toContain(`顾客实施日期 2026-04-01（DYA-SQM D 版；晚于该日 12 个工作日导入生产；原因：${reason}），2026-04-20 实施`);
    const out = join(tempDir(), "DYA-002.md");
    expect((await csrInProcess(["-C", dir, "render", "DYA-002", "--format", "md", "--out", out], { lang: "zh-CN" })).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain(`- 顾客要求日期：2026-04-01（DYA-SQM D 版的实施日期）；晚于该日 12 个工作日导入生产；原因：${reason}\n`);
  });

  it("a repository that records no customer's date keeps its CSR list and matrix columns", async () => {
    const dir = await example();
    expect((await csrInProcess(["-C", dir, "list", "--format", "csv"], { lang: "zh-CN" })).stdout).not.toContain("顾客要求日期");
    expect((await csrInProcess(["-C", dir, "matrix", "csr", "--format", "csv"], { lang: "zh-CN" })).stdout).not.toContain("顾客要求日期");
  });
});

/** The records of a CSV text (RFC 4180: a quoted cell may hold commas, doubled quotes and line breaks), each as its cells. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(cell), (cell = "");
    else if (c === "\n") record.push(cell), records.push(record), (record = []), (cell = "");
    else if (c !== "\r") cell += c;
  }
  record.push(cell);
  records.push(record);
  return records;
}
