/**
 * The process list with its internal audits (csr list processes) and the record of an audit (csr
 * process audited), in the test's process and from the built binary, on a copy of examples/acme-auto made a git repository:
 * IATF 16949 9.2.2.1, the audit programme covers every process (tester60 J10).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addMonths, localToday } from "../../src/core/dates.js";
import { builtOnce, checkJsonInProcess, committedFixture, copyFixture, csr, csrInProcess, git, gitInit, tempDir, withoutAuditInterval, withoutAudits } from "../helpers.js";

/** examples/acme-auto without its internal audits IA-2025-01/IA-2026-01: each test here records the audits it is about. */
const acme = builtOnce(() => gitInit(withoutAudits(copyFixture("examples/acme-auto"))));
const acmeAudited = builtOnce(() => committedFixture("examples/acme-auto"));
/** examples/acme-auto with its audits and without the yearly interval it sets (internal_audit.interval_months: 12). */
const acmeWithoutInterval = builtOnce(() => gitInit(withoutAuditInterval(copyFixture("examples/acme-auto"))));
const gjb = builtOnce(() => committedFixture("examples/gjb-demo"));
/**
 * In the repository's language (zh-CN), as its users run csr: in the test's process (csrInProcess), the same stdout,
 * stderr and exit code. `bin` runs the built binary: at least one run of each command here (list processes, process
 * update, organisation update, process add, process audited, person update) keeps its output asserted on the binary.
 */
const run = (dir: string, ...args: string[]) => csrInProcess(["-C", dir, ...args], { lang: null });
const bin = (dir: string, ...args: string[]) => csr(["-C", dir, ...args], { lang: null });
const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");
const NO_INTERVAL_HINT =
  "未设内审间隔的过程没有下次审核日期：用 csr organisation update --audit-interval 12 为所有过程设定，或用 csr process update <过程> --audit-months 6 为单个过程设定；审核后用 csr process audited 记录。\n";

describe("csr list processes", () => {
  it("lists every process with its owner, the procedures serving it and 无程序文件 for M1, with the clause matrix's note, each 尚未审核 without an interval too (tester62 N17), and says how to set an audit interval", async () => {
    const dir = await acme();
    const result = bin(dir, "list", "processes", "--today", "2026-12-04");
    expect(result.stderr).toBe(NO_INTERVAL_HINT);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").map((l) => l.trimEnd())).toEqual([
      "过程清单（共 15 个过程）",
      "",
      "过程编号  过程名称                    负责部门    程序文件        上次审核  审核结果  审核报告  下次审核  状态",
      "--------  --------------------------  ----------  --------------  --------  --------  --------  --------  --------",
      "C1        市场开发与顾客要求评审      市场部      QP-014、QP-015                                          尚未审核",
      "C2        产品和过程设计开发（APQP）  技术部      QP-007、QP-014                                          尚未审核",
      "C3        生产过程控制                生产部      QP-010                                                  尚未审核",
      "C4        仓储、包装与交付            采购物流部  QP-011                                                  尚未审核",
      "C5        顾客反馈与售后服务          市场部      QP-013                                                  尚未审核",
      "S1        文件和记录控制              品质部      QP-001、QP-002                                          尚未审核",
      "S2        人力资源与培训              行政人事部  QP-005                                                  尚未审核",
      "S3        设备与工装管理              生产部      QP-006                                                  尚未审核",
      "S4        监视和测量资源管理          品质部      QP-006                                                  尚未审核",
      "S5        采购与供应商管理            采购物流部  QP-008                                                  尚未审核",
      "S6        检验与不合格品控制          品质部      QP-009、QP-012                                          尚未审核",
      "M1        经营策划与体系管理          总经办      无程序文件                                              尚未审核",
      "M2        内部审核                    品质部      QP-004                                                  尚未审核",
      "M3        管理评审                    总经办      QP-003                                                  尚未审核",
      "M4        持续改进与纠正措施          品质部      QP-013                                                  尚未审核",
      "",
      // The same words as under csr matrix clauses: one definition of a procedure serving a process.
      "无程序文件：M1 经营策划与体系管理（仅由 QM-001 覆盖）",
      "",
    ]);
    expect((await run(dir, "matrix", "clauses", "--today", "2026-12-04")).stdout).toContain("\n无程序文件：M1 经营策划与体系管理（仅由 QM-001 覆盖）\n");
  });

  it("lists examples/acme-auto's internal audit programme as recorded: every process last audited in IA-2026-01 (October 2026), 符合, none 尚未审核 (tester67a A11)", async () => {
    const dir = await acmeAudited();
    const result = await run(dir, "list", "processes", "--today", "2026-12-04");
    expect(result.code).toBe(0);
    const rows = result.stdout.split("\n").filter((l) => /^[CSM]\d /.test(l)).map((l) => l.trimEnd());
    expect(rows).toHaveLength(15);
    // Due a year after, by the interval acme-auto's QP-004 plans (qms.yaml internal_audit.interval_months: 12).
    for (const row of rows.filter((r) => !/^C[34] /.test(r))) expect(row).toMatch(/ {10}2026-10-(1[2-9]|20)  符合      IA-2026-01  2027-10-(1[2-9]|20)  还有 3\d\d 天$/);
    expect(result.stdout).not.toContain("尚未审核");
    expect(rows[0]).toBe("C1        市场开发与顾客要求评审      市场部      QP-014、QP-015            2026-10-12  符合      IA-2026-01  2027-10-12  还有 312 天");
    // The manufacturing process (制造过程) and the last manufacturing process and product audits, beside the QMS audit (IATF 16949 9.2.2.3, 9.2.2.4).
    expect(result.stdout.split("\n")[2]!.trimEnd()).toBe("过程编号  过程名称                    负责部门    程序文件        制造过程  上次审核    审核结果  审核报告    下次审核    状态         上次制造过程审核  上次产品审核");
    expect(rows[2]).toBe("C3        生产过程控制                生产部      QP-010          是        2026-10-13  符合      IA-2026-01  2027-10-13  还有 313 天  2026-06-17");
    expect(rows[3]).toBe("C4        仓储、包装与交付            采购物流部  QP-011                    2026-10-13  符合      IA-2026-01  2027-10-13  还有 313 天                    2026-05-13");
  });

  it("prints acme-auto's programme without an interval without the interval, next audit and status columns, empty in every row, and names them under the table; the files keep them (ex69, tester67a A11)", async () => {
    const dir = await acmeWithoutInterval();
    const heads = (html: string) => [...html.matchAll(/<th class="[^"]*">(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, ""));
    const chinese = await run(dir, "list", "processes", "--today", "2026-12-04", "--format", "html");
    expect(chinese.code).toBe(0);
    expect(heads(chinese.stdout)).toEqual(["序号", "过程编号", "过程名称", "类别", "负责部门", "过程所有者", "过程绩效指标", "对应条款", "程序文件", "其他文件", "制造过程", "上次审核", "审核结果", "审核员", "审核报告", "上次制造过程审核", "上次产品审核"]);
    expect(chinese.stdout).toContain("<p>以下各列在每一行中均为空，本打印未列出：间隔（月）、下次审核、状态</p>");
    const english = await run(dir, "list", "processes", "--today", "2026-12-04", "--format", "html", "--lang", "en");
    expect(heads(english.stdout).slice(-3)).toEqual(["Report", "Last manufacturing process audit", "Last product audit"]);
    expect(english.stdout).toContain("<p>Columns empty in every row, left out of this print: Interval (months), Next due, Status</p>");
    const csv = await run(dir, "list", "processes", "--today", "2026-12-04", "--format", "csv");
    expect(csv.stdout.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("序号,过程编号,过程名称,类别,负责部门,过程所有者,过程绩效指标,对应条款,程序文件,其他文件,制造过程,上次审核,审核结果,审核员,审核报告,间隔（月）,下次审核,状态,上次制造过程审核,上次产品审核");
    // Never audited, a process keeps its 状态 column: 尚未审核.
    const unaudited = await run(await acme(), "list", "processes", "--today", "2026-12-04", "--format", "html");
    expect(heads(unaudited.stdout).at(-1)).toBe("状态");
    expect(unaudited.stdout).toContain("本打印未列出：间隔（月）、下次审核</p>");
  });

  it("gives every column in a file: type, clauses (as the procedure list prints them) and the other documents serving the process", async () => {
    const dir = await acme();
    const result = await run(dir, "list", "processes", "--today", "2026-12-04", "--format", "csv");
    expect(result.code).toBe(0);
    const lines = result.stdout.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(lines[0]).toBe("序号,过程编号,过程名称,类别,负责部门,过程所有者,过程绩效指标,对应条款,程序文件,其他文件,上次审核,审核结果,审核员,审核报告,间隔（月）,下次审核,状态");
    expect(lines[12]).toBe("12,M1,经营策划与体系管理,管理过程,总经办,徐海涛,,4/4.1/4.2/4.3/4.3.1/4.4/4.4.1/4.4.2/5（全部条款）/6/6.1/6.1.1/6.1.2/6.1.2.1/6.1.2.2/6.2/6.2.1/6.2.2/6.2.2.1/6.3/7/7.1/7.1.1/7.4/8,无程序文件,QM-001,,,,,,,尚未审核");
    expect(lines[13]).toBe("13,M2,内部审核,管理过程,品质部,张丽,,9.2/9.2.1/9.2.2/9.2.2.1/9.2.2.2/9.2.2.3/9.2.2.4,QP-004,QR-004-01、QR-004-02,,,,,,,尚未审核");
  });
});

describe("audit intervals by command (tester62 N7)", () => {
  const WRITTEN = "已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
  const WRITTEN_QMS = "已写入 qms.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
  // An interval of its own with no reason recorded (IATF 16949 9.2.2.1; tester78 A12).
  const NO_REASON = "未记录调整内审间隔的理由：用 csr process update C3 --audit-reason <理由> 写明依据的风险、顾客投诉、过程绩效或变更（IATF 16949 9.2.2.1），审核方案中列出。\n";

  it("says the file written is not committed in a repository that is a folder of a larger git repository (review of stop 65)", () => {
    const top = tempDir();
    const dir = join(top, "质量", "体系");
    mkdirSync(dir, { recursive: true });
    cpSync(withoutAudits(copyFixture("examples/acme-auto")), dir, { recursive: true });
    gitInit(top);
    expect(bin(dir, "process", "update", "C3", "--audit-months", "6")).toEqual({
      code: 0,
      stdout: "已更新过程 C3 生产过程控制：内审间隔：（无）→ 6 个月。\n过程 C3 尚未审核：按内审间隔 6 个月，现在即应审核。\n" + NO_REASON + WRITTEN,
      stderr: "",
    });
  });

  it("sets a process's audit_months with csr process update and the organisation's interval with csr organisation update, says when the next audit falls due, removes either with \"\"", async () => {
    const dir = await acme();
    const processes = read(dir, "processes.yaml");
    const qms = read(dir, "qms.yaml");
    expect(await run(dir, "process", "update", "C3", "--audit-months", "6")).toEqual({
      code: 0,
      stdout: "已更新过程 C3 生产过程控制：内审间隔：（无）→ 6 个月。\n过程 C3 尚未审核：按内审间隔 6 个月，现在即应审核。\n" + NO_REASON + WRITTEN,
      stderr: "",
    });
    expect(read(dir, "processes.yaml")).toBe(processes.replace("    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n", "    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n    audit_months: 6\n"));

    // Dated from the day the test runs: what falls due depends on today.
    const last = addMonths(localToday(), -2);
    writeFileSync(join(dir, "processes.yaml"), read(dir, "processes.yaml").replace("    audit_months: 6\n", `    audit_months: 6\n    audits:\n      - {date: ${last}, by: [zhaoqiang], report: IA-1, nonconformities: 0}\n`));
    expect((await run(dir, "process", "update", "C3", "--audit-months", "9")).stdout).toBe(`已更新过程 C3 生产过程控制：内审间隔：6 个月 → 9 个月。\n下次审核应在 ${addMonths(last, 9)} 前（内审间隔 9 个月）。\n` + NO_REASON + WRITTEN);
    expect((await run(dir, "process", "update", "C3", "--audit-months", "1")).stdout).toBe(
      `已更新过程 C3 生产过程控制：内审间隔：9 个月 → 1 个月。\n按内审间隔 1 个月，上次审核 ${last} 后的下次审核应在 ${addMonths(last, 1)} 前，已逾期。\n` + NO_REASON + WRITTEN,
    );
    expect(await run(dir, "process", "update", "C3", "--audit-months", "1")).toEqual({ code: 0, stdout: "过程 C3 生产过程控制 的信息与给出的相同；未作改动。\n", stderr: "" });

    expect(bin(dir, "organisation", "update", "--audit-interval", "12")).toEqual({ code: 0, stdout: "已更新组织信息：内审间隔：（无）→ 12 个月。\n" + WRITTEN_QMS, stderr: "" });
    expect(read(dir, "qms.yaml")).toBe(`${qms}internal_audit:\n  interval_months: 12\n`);
    // Without its own interval the process follows the organisation's.
    expect(await run(dir, "process", "update", "C3", "--audit-months", "")).toEqual({
      code: 0,
      stdout: `已更新过程 C3 生产过程控制：内审间隔：1 个月 →（无）。\n下次审核应在 ${addMonths(last, 12)} 前（内审间隔 12 个月）。\n` + WRITTEN,
      stderr: "",
    });
    expect(read(dir, "processes.yaml")).not.toContain("audit_months");
    expect((await run(dir, "list", "processes")).stderr).toBe("");

    // qms.yaml is as committed again: nothing left to commit, so no line says so.
    expect(await run(dir, "organisation", "update", "--audit-interval", "")).toEqual({ code: 0, stdout: "已更新组织信息：内审间隔：12 个月 →（无）。\n", stderr: "" });
    expect(read(dir, "qms.yaml")).toBe(qms);
    expect((await run(dir, "process", "update", "C3", "--audit-months", "3")).stdout).toBe(`已更新过程 C3 生产过程控制：内审间隔：（无）→ 3 个月。\n下次审核应在 ${addMonths(last, 3)} 前（内审间隔 3 个月）。\n` + NO_REASON + WRITTEN);
    expect((await run(dir, "process", "update", "C3", "--audit-months", "")).stdout).toBe(
      "已更新过程 C3 生产过程控制：内审间隔：3 个月 →（无）。\n过程 C3 现在没有内审间隔：下次审核无从计算（csr organisation update --audit-interval 12 为所有过程设定）。\n" + WRITTEN,
    );
  });

  it("refuses an interval that is not a whole number of months from 1 to 36, writing nothing", async () => {
    const dir = await acme();
    const before = [read(dir, "processes.yaml"), read(dir, "qms.yaml")];
    for (const value of ["0", "37", "1.5", "六"]) {
      expect(await run(dir, "process", "update", "C3", "--audit-months", value)).toEqual({
        code: 2,
        stdout: "",
        stderr: `csr: --audit-months '${value}' 应为 1 到 36 之间的整数（月）。\n提示：例如 'csr process update C3 --audit-months 6'；--audit-months "" 删除过程自己的内审间隔，按 qms.yaml 的间隔（csr organisation update --audit-interval）。\n`,
      });
      expect(await run(dir, "organisation", "update", "--audit-interval", value)).toEqual({ code: 2, stdout: "", stderr: `csr: --audit-interval '${value}' 应为 1 到 36 之间的整数（月）。\n` });
    }
    expect(bin(dir, "process", "add", "C9", "--name", "x", "--type", "support", "--audit-months", "", "-y").code).toBe(2);
    expect([read(dir, "processes.yaml"), read(dir, "qms.yaml")]).toEqual(before);
    expect(bin(dir, "process", "add", "C9", "--name", "外包过程控制", "--type", "support", "--audit-months", "6", "-y").code).toBe(0);
    expect(read(dir, "processes.yaml")).toMatch(/  - code: C9\n    name: 外包过程控制\n    type: support\n    audit_months: 6\n$/);
  });
});

describe("audit coverage of clauses (tester62 N9)", () => {
  it("csr matrix clauses --audits dates each clause's last audit through the processes listing it (or a clause above it), counts the three-year cycle, and --not-audited-since lists the clauses still to audit", async () => {
    const dir = await acme();
    // C3 lists 8.5 and 8.5.1 …; S6 lists 8.7. The audit of C3 in 2023 is outside the cycle that ends 2026-12-04.
    const processes = read(dir, "processes.yaml")
      .replace("    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n", "    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n    audits:\n      - {date: 2023-11-20, by: [zhaoqiang], report: IA-2023-05, nonconformities: 0}\n      - {date: 2026-06-08, by: [zhaoqiang], report: IA-2026-01, nonconformities: 1}\n");
    writeFileSync(join(dir, "processes.yaml"), processes);
    const cell = (stdout: string, number: string) => stdout.split("\n").find((l) => l.startsWith(`${number} `))?.trimEnd().split(/\s+/).at(-1);
    const matrix = await run(dir, "matrix", "clauses", "--audits", "--today", "2026-12-04");
    expect(matrix.code).toBe(0);
    expect(matrix.stdout.split("\n")[2]).toMatch(/  覆盖 +最近审核$/);
    expect([cell(matrix.stdout, "8.5.1"), cell(matrix.stdout, "8.5.1.1"), cell(matrix.stdout, "8.7"), cell(matrix.stdout, "4.1")]).toEqual(["2026-06-08", "2026-06-08", "未审核", "未审核"]);
    expect(matrix.stdout).toContain("\n最近审核：列有该条款（或其上级条款）的过程最近一次内部审核的日期（csr process audited）。三年审核周期（2023-12-04 起）内审核过 ");
    // As of a day before the 2026 audit, the clauses carry the 2023 one, outside that day's cycle.
    const earlier = (await run(dir, "matrix", "clauses", "--audits", "--today", "2026-06-01")).stdout;
    expect(cell(earlier, "8.5.1")).toBe("2023-11-20");
    expect(earlier).toContain("三年审核周期（2023-06-01 起）内审核过 ");

    const due = await run(dir, "matrix", "clauses", "--not-audited-since", "2026-01-01", "--today", "2026-12-04");
    expect(due.code).toBe(0);
    const rows = due.stdout.split("\n").filter((l) => /^\d/.test(l));
    expect(rows.some((l) => l.startsWith("8.5.1 "))).toBe(false);
    expect(rows.find((l) => l.startsWith("8.7 "))?.trimEnd()).toMatch(/ 未审核$/);
    // Filtered, it says so in its title and a note as other filtered registers do, and the coverage under it is the whole matrix's (breaker63 P12).
    expect(due.stdout.split("\n")[0]).toBe(`IATF 16949:2016 条款覆盖矩阵（2026-01-01 以来未审核的适用条款；共 ${rows.length} 条）`);
    const notes = due.stdout.split("\n");
    const first = notes.indexOf("本表按条件筛选（2026-01-01 以来未审核的适用条款），不是完整的条款覆盖矩阵。");
    expect(notes.slice(first, first + 4).map((l) => l.replace(/审核过 \d+\/\d+/, "审核过 n").replace(/：\d+\/\d+ \(.*$/, "：…"))).toEqual([
      "本表按条件筛选（2026-01-01 以来未审核的适用条款），不是完整的条款覆盖矩阵。",
      "最近审核：列有该条款（或其上级条款）的过程最近一次内部审核的日期（csr process audited）。三年审核周期（2023-12-04 起）内审核过 n 个条款。",
      "以下覆盖率及其后各行是完整矩阵（全部条款）的统计，不只是本表所列的条款。",
      "覆盖率：…",
    ]);
    expect(due.stderr).toContain("完整的条款覆盖矩阵：csr matrix clauses --standard IATF16949 --audits。\n");
    const english = await csrInProcess(["-C", dir, "matrix", "clauses", "--not-audited-since", "2026-01-01", "--today", "2026-12-04"], { lang: "en" });
    expect(english.stdout.split("\n")[0]).toBe(`IATF 16949:2016: clause coverage matrix (applicable clauses not audited since 2026-01-01; ${rows.length} in total)`);
    expect(english.stdout).toContain("\nThis register is filtered (applicable clauses not audited since 2026-01-01) and is not the whole clause coverage matrix.\n");
    expect(english.stdout).toContain("\nThe coverage and the lines after it are the whole matrix's (every clause), not only the clauses listed here.\nCoverage: ");
    // The whole matrix has neither.
    expect(matrix.stdout.split("\n")[0]).toBe("IATF 16949:2016 条款覆盖矩阵");
    expect(matrix.stdout).not.toContain("本表按条件筛选");
    expect(await run(dir, "matrix", "clauses", "--not-audited-since", "2026-01-01", "--style", "cross-reference")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --not-audited-since 只用于条款覆盖矩阵（--style grid），不用于条款、过程和文件对照表。\n",
    });
    expect(await run(dir, "matrix", "csr", "--audits")).toEqual({ code: 2, stdout: "", stderr: "csr: --audits 只用于 csr matrix clauses。\n" });
  });

  it("the site's heat map gives each clause's last audit in a 最近审核 column, marking those outside the three-year cycle, once an audit is recorded", async () => {
    const dir = await acme();
    const site = async (today: string) => {
      const out = join(tempDir(), "site");
      const result = await run(dir, "site", "--out", out, "--today", today);
      expect(result.code, result.stderr).toBe(0);
      return readFileSync(join(out, "coverage.html"), "utf8");
    };
    expect(await site("2026-12-04")).not.toContain("最近审核");
    writeFileSync(join(dir, "processes.yaml"), read(dir, "processes.yaml").replace("    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n", "    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n    audits:\n      - {date: 2026-06-08, by: [zhaoqiang], report: IA-2026-01, nonconformities: 1}\n"));
    const html = await site("2026-12-04");
    expect(html).toContain('<li><span class="swatch audit-out"></span>最近审核：三年审核周期内未审核</li>');
    expect(html).toContain('<th scope="col" class="list">最近审核</th>');
    expect(html).toMatch(/<span class="number">8\.5\.1<\/span>[^\n]*<td class="audit">2026-06-08<\/td><\/tr>/);
    expect(html).toMatch(/<span class="number">4\.1<\/span>[^\n]*<td class="audit out-of-cycle">未审核<\/td><\/tr>/);
    expect(html).toContain("三年审核周期（2023-12-04 起）内审核过 ");
  });
});

describe("csr process audited", () => {
  it("records an audit under the process in one flow line, commits processes.yaml alone, and the list shows it with the next audit due once an interval is set", async () => {
    const dir = await acme();
    const result = bin(dir, "process", "audited", "M2", "--date", "2026-11-20", "--by", "sunwei,赵强", "--report", "IA-2026-03", "--nonconformities", "2", "--commit");
    const hash = git(dir, ["rev-parse", "--short=7", "HEAD"]).trim();
    expect(result).toEqual({
      code: 0,
      // 赵强 is of 品质部, which owns M2: recorded, with the warning csr check gives (breaker61 M2); led by 孙伟 of 市场部, the audit counts (tester78 A8).
      stdout:
        "已在 processes.yaml 中记录过程 M2 内部审核 的内部审核：2026-11-20，审核员 孙伟（sunwei）、赵强（zhaoqiang），审核报告 IA-2026-03，不符合 2 项。\n" +
        "注意：赵强（zhaoqiang）属于过程 M2 内部审核 的负责部门品质部，审核本部门的工作不是客观公正的内部审核（process/auditor-impartiality）。下次请由其他部门的审核员审核该过程。\n" +
        // Its nonconformities are followed up by corrective actions traced to the report (IATF 16949 10.2.1).
        "不符合项用 'csr action open --source audit --process M2 --audit-report IA-2026-03 …' 建立纠正措施，csr list audits 会列出。\n" +
        `已提交 ${hash}：csr process audited M2：2026-11-20 IA-2026-03\n`,
      stderr: "",
    });
    expect(read(dir, "processes.yaml")).toContain("    documents: [QP-004]\n    audits:\n      - {date: 2026-11-20, by: [sunwei, zhaoqiang], report: IA-2026-03, nonconformities: 2}\n  - code: M3\n");
    expect(git(dir, ["show", "--name-only", "--format=%s", "HEAD"]).trim().split("\n")).toEqual(["csr process audited M2：2026-11-20 IA-2026-03", "", "processes.yaml"]);

    // 12 months for every process; M1, covered by the manual alone, is audited every 6.
    writeFileSync(join(dir, "qms.yaml"), `${read(dir, "qms.yaml")}internal_audit:\n  interval_months: 12\n`);
    writeFileSync(join(dir, "processes.yaml"), read(dir, "processes.yaml").replace("    owner: GMO\n", "    owner: GMO\n    audit_months: 6\n"));
    const second = await run(dir, "process", "audited", "M1", "--date", "2026-05-15", "--by", "zhangli", "--report", "IA-2026-01", "--nonconformities", "0");
    expect(second).toEqual({
      code: 0,
      stdout: "已在 processes.yaml 中记录过程 M1 经营策划与体系管理 的内部审核：2026-05-15，审核员 张丽（zhangli），审核报告 IA-2026-01，符合。\n下次审核应在 2026-11-15 前（内审间隔 6 个月）。\n已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    const listed = await run(dir, "list", "processes", "--today", "2026-12-04");
    expect(listed.stderr).toBe("");
    const lines = listed.stdout.split("\n").map((l) => l.trimEnd());
    expect(lines[2]).toBe("过程编号  过程名称                    负责部门    程序文件        上次审核    审核结果     审核报告    下次审核    状态");
    expect(lines[4]).toBe("C1        市场开发与顾客要求评审      市场部      QP-014、QP-015                                                   尚未审核");
    expect(lines.slice(15, 17)).toEqual([
      "M1        经营策划与体系管理          总经办      无程序文件      2026-05-15  符合         IA-2026-01  2026-11-15  已逾期 19 天",
      "M2        内部审核                    品质部      QP-004          2026-11-20  不符合 2 项  IA-2026-03  2027-11-20  还有 351 天",
    ]);
    expect(lines.slice(-3)).toEqual(["无程序文件：M1 经营策划与体系管理（仅由 QM-001 覆盖）", "内审间隔：每个过程自上次审核起 12 个月内再次审核（另设间隔的过程除外）。", ""]);

    // process/audit-due: M1 past its 6 months, the 13 processes never audited; M2 not.
    const check = await checkJsonInProcess(dir, "--today", "2026-12-04");
    const due = check.findings.filter((f) => f.rule === "process/audit-due");
    expect(due.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      "processes.yaml:3:11",
      "processes.yaml:26:11",
      "processes.yaml:58:11",
      "processes.yaml:80:11",
      "processes.yaml:88:11",
      "processes.yaml:103:11",
      "processes.yaml:120:11",
      "processes.yaml:138:11",
      "processes.yaml:146:11",
      "processes.yaml:162:11",
      "processes.yaml:185:11",
      "processes.yaml:257:16",
      "processes.yaml:275:11",
      "processes.yaml:295:11",
    ]);
    expect(due.every((f) => f.severity === "warning")).toBe(true);
    // The English name of processes.yaml in English output.
    expect(due[11]!.message).toBe(
      "Process M1 Business planning and QMS management was last audited on 2026-05-15; with an audit interval of 6 months it was due again by 2026-11-15. Audit it and record the audit with 'csr process audited M1 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
    );
  });

  it("refuses an unknown process, a date after today, an unknown person, a missing option, a count that is not one and the same report twice, writing nothing", async () => {
    const dir = await acme();
    await run(dir, "process", "audited", "M2", "--date", "2026-11-20", "--by", "zhangli", "--report", "IA-2026-03", "--nonconformities", "0", "--commit");
    const before = read(dir, "processes.yaml");
    const audited = async (...args: string[]) => run(dir, "process", "audited", ...args);
    const full = ["--by", "zhangli", "--report", "IA-2026-04", "--nonconformities", "0"];
    expect(bin(dir, "process", "audited", "M9", "--date", "2026-11-20", ...full)).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 没有过程 'M9'；已有的过程：C1、C2、C3、C4、C5、S1、S2、S3、S4、S5、S6、M1、M2、M3、M4。是否应为 'M1'？\n",
    });
    expect(await audited("M2", "--date", "2099-01-10", ...full)).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^csr: --date 2099-01-10 晚于今天（\d{4}-\d{2}-\d{2}）：已完成事项的记录不能填写将来的日期。\n提示：将来的审核先列入年度内部审核计划：'csr process plan M2 --date 2099-01-10 --by <审核员>'；审核后再记录。\n$/),
    });
    expect(await audited("M2", "--date", "2026-11-20", "--by", "zhangli,nobody", "--report", "IA-2026-04", "--nonconformities", "0")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --by nobody：people.yaml 中没有 id 或姓名为此的人员（用 'csr list people' 查看人员名单）。\n",
    });
    expect(await audited("M2", "--date", "2026-11-20", "--by", "zhangli", "--nonconformities", "1")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 缺少 --report：过程的内部审核记录要有审核日期、审核员、审核报告编号和不符合项数。\n提示：csr process audited M2 --date <审核日期> --by <审核员> --report <审核报告编号> --nonconformities <不符合项数，符合写 0>\n",
    });
    expect(await audited("M2", "--date", "2026-11-20", "--by", "zhangli", "--report", "IA-2026-04", "--nonconformities", "两")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --nonconformities 两：应为对该过程开出的不符合项数，0 或正整数（符合写 0）。\n",
    });
    expect(await audited("m2", "--date", "2026-11-21", "--by", "zhaoqiang", "--report", "IA-2026-03", "--nonconformities", "0")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 过程 M2 内部审核 已记有审核报告 IA-2026-03 的内部审核；同一次审核不重复记录。\n",
    });
    expect(read(dir, "processes.yaml")).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
  });

  it("records an auditor of the department owning the process with a warning (English names in English), as csr check reports it, and refuses it while the rule is an error (breaker61 M2)", async () => {
    const dir = await acme();
    // 周鹏 is of 技术部, 张丽 of 品质部, which owns S1 文件和记录控制.
    const recorded = await csrInProcess(["-C", dir, "--lang", "en", "process", "audited", "S1", "--date", "2026-05-06", "--by", "zhoupeng,zhangli", "--report", "IA-2026-02", "--nonconformities", "0"]);
    expect(recorded).toEqual({
      code: 0,
      stdout:
        "Recorded in processes.yaml the internal audit of S1 Documented information: 2026-05-06, auditors Zhou Peng (zhoupeng), Zhang Li (zhangli), report IA-2026-02, conforming.\n" +
        "Note: Zhang Li (zhangli) is of Quality Assurance, which owns S1 Documented information; an auditor auditing their own department's work is no impartial internal audit (process/auditor-impartiality). Have an auditor from another department audit it next time.\n" +
        "Wrote processes.yaml; not committed (git commit it, or run with --commit).\n",
      stderr: "",
    });
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.rule === "process/auditor-impartiality");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "processes.yaml:121:43 warning The internal audit of S1 Documented information on 2026-05-06 (report IA-2026-02) names Zhang Li (zhangli) as an auditor, of Quality Assurance, the department that owns the process: an auditor does not audit their own department's work. Have the next audit of the process done by a trained auditor from another department and record it with 'csr process audited S1 --date <date> --by <auditors> --report <report number> --nonconformities <count>'.",
    ]);
    // Set to error in qms.yaml: refused, nothing written.
    writeFileSync(join(dir, "qms.yaml"), `${read(dir, "qms.yaml")}rules:\n  process/auditor-impartiality: error\n`);
    const before = read(dir, "processes.yaml");
    expect(await run(dir, "process", "audited", "M2", "--date", "2026-11-20", "--by", "zhaoqiang", "--report", "IA-2026-03", "--nonconformities", "0")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: --by 赵强（zhaoqiang）：属于过程 M2 内部审核 的负责部门品质部，审核员不审核本部门的工作（process/auditor-impartiality 在 qms.yaml 中设为错误）。\n" +
        "提示：请改由其他部门的审核员审核，例如 'csr process audited M2 --by <其他部门的审核员> …'。\n",
    });
    expect(read(dir, "processes.yaml")).toBe(before);
  });

  it("refuses a date before the standard the processes are audited against was published, and before the auditor's 到岗日期 (breaker61 M3, breaker62 P11)", async () => {
    const dir = await acme();
    const full = ["--by", "zhoupeng", "--report", "IA-1", "--nonconformities", "0"];
    expect(await run(dir, "process", "audited", "C1", "--date", "1990-01-01", ...full)).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 1990-01-01 早于 2016-10-01，即过程审核所依据的 IATF 16949:2016 的发布日期：本审核方案的审核不会早于此。请核对日期。\n",
    });
    // IATF 16949:2016 was published on 2016-10-01, not on 1 January of its year.
    expect((await run(dir, "process", "audited", "C1", "--date", "2016-01-04", ...full)).stderr).toMatch(/^csr: --date 2016-01-04 早于 2016-10-01/);
    expect((await run(dir, "process", "audited", "C1", "--date", "2016-09-30", ...full)).code).toBe(2);
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml").replace("  - id: zhoupeng\n", "  - id: zhoupeng\n    joined: 2016-11-01\n"));
    expect(await run(dir, "process", "audited", "C1", "--date", "2016-10-10", ...full)).toEqual({
      code: 2,
      stdout: "",
      stderr: expect.stringMatching(/^csr: --by 周鹏（zhoupeng）.*2016-11-01.*\n/),
    });
    expect((await run(dir, "process", "audited", "C1", "--date", "2016-11-01", ...full)).code).toBe(0);
  });

  it("counts a catalog without a publication day from 1 January of its edition's year", async () => {
    const dir = await acme();
    mkdirSync(join(dir, "standards"), { recursive: true });
    writeFileSync(join(dir, "standards", "IATF16949.yaml"), "id: IATF16949\ntitle: IATF 16949:2016\nedition: \"2016\"\n");
    const full = ["--by", "zhoupeng", "--report", "IA-1", "--nonconformities", "0"];
    expect(await run(dir, "process", "audited", "C1", "--date", "2015-12-31", ...full)).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --date 2015-12-31 早于 2016 年，即过程审核所依据的 IATF 16949:2016 的发布年份：本审核方案的审核不会早于此。请核对年份。\n",
    });
  });

  it("once people.yaml marks internal auditors (csr person update --auditor-since), records an audit by someone unqualified that day with a note, refuses it while process/auditor-unqualified is an error, and csr list people shows the qualification (tester62 N2)", async () => {
    const dir = await acme();
    const audit = async (code: string, date: string, by: string, report: string) => run(dir, "process", "audited", code, "--date", date, "--by", by, "--report", report, "--nonconformities", "0");
    // Nobody marked: anybody may audit, as before.
    expect((await audit("C3", "2026-06-08", "wangjg", "IA-2026-01")).stdout).toBe(
      "已在 processes.yaml 中记录过程 C3 生产过程控制 的内部审核：2026-06-08，审核员 王建国（wangjg），审核报告 IA-2026-01，符合。\n已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect((await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.rule === "process/auditor-unqualified")).toEqual([]);

    expect(bin(dir, "person", "update", "zhaoqiang", "--auditor-since", "2024-03-15", "--auditor-record", "NS-2024-03")).toEqual({
      code: 0,
      stdout: "已更新 赵强（zhaoqiang）：内审员资格：（无）→ 2024-03-15 起（NS-2024-03）。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-until", "2027-03-14")).stdout).toBe(
      "已更新 赵强（zhaoqiang）：内审员资格：2024-03-15 起（NS-2024-03）→ 2024-03-15 至 2027-03-14（NS-2024-03）。\n已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    expect(read(dir, "people.yaml")).toContain("    emails: [zhao.qiang@example.com]\n    internal_auditor:\n      - {since: 2024-03-15, until: 2027-03-14, record: NS-2024-03}\n");
    const people = read(dir, "people.yaml");
    expect(await run(dir, "person", "update", "wangjg", "--auditor-until", "2027-03-14")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: 王建国（wangjg）没有登记内审员资格：--auditor-until 和 --auditor-record 修改已有的资格，请先用 --auditor-since 登记取得资格的日期。\n提示：例如 'csr person update wangjg --auditor-since 2024-03-15 --auditor-record NS-2024-03'。\n",
    });
    expect(await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2025-03-15", "--auditor-until", "2025-01-01")).toEqual({ code: 2, stdout: "", stderr: "csr: --auditor-until 2025-01-01 早于取得资格的日期 2025-03-15。\n" });
    expect(read(dir, "people.yaml")).toBe(people);

    expect((await audit("S5", "2026-06-09", "wangjg,zhaoqiang", "IA-2026-02")).stdout).toBe(
      "已在 processes.yaml 中记录过程 S5 采购与供应商管理 的内部审核：2026-06-09，审核员 王建国（wangjg）、赵强（zhaoqiang），审核报告 IA-2026-02，符合。\n" +
        // One auditor of the team not qualified: the audit does not count (breaker63 P4), and no next due day is promised.
        "此次审核不计入审核间隔和条款审核覆盖：审核员当日没有内审员资格。\n" +
        "注意：王建国（wangjg）在 2026-06-09 没有内审员资格（people.yaml 中未登记其内审员资格）；people.yaml 已登记内审员，内部审核应由具备资格的内审员进行（process/auditor-unqualified）。如此人当日确有资格，用 'csr person update wangjg --auditor-since <取得资格日期> --auditor-record <证书或培训记录编号>' 登记。\n" +
        "已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
    );
    // The audit of C3 recorded before anybody was marked is reported now, as the one just recorded is.
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-04")).findings.filter((f) => f.rule === "process/auditor-unqualified");
    expect(found.map((f) => [f.severity, `${f.file}:${f.line}:${f.column}`, f.message.slice(0, f.message.indexOf(" as an auditor"))])).toEqual([
      ["warning", "processes.yaml:81:33", "The internal audit of C3 Production on 2026-06-08 (report IA-2026-01) names Wang Jianguo (wangjg)"],
      ["warning", "processes.yaml:188:33", "The internal audit of S5 Purchasing and supplier management on 2026-06-09 (report IA-2026-02) names Wang Jianguo (wangjg)"],
    ]);

    writeFileSync(join(dir, "qms.yaml"), `${read(dir, "qms.yaml")}rules:\n  process/auditor-unqualified: error\n`);
    const before = read(dir, "processes.yaml");
    expect(await audit("S4", "2024-03-14", "zhaoqiang", "IA-2024-01")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: --by 赵强（zhaoqiang）：2024-03-14 没有内审员资格（资格自 2024-03-15 起），内部审核应由具备资格的内审员进行（process/auditor-unqualified 在 qms.yaml 中设为错误）。\n" +
        "提示：请改由具备资格的内审员审核；如此人当日确有资格，先用 'csr person update zhaoqiang --auditor-since <取得资格日期> --auditor-record <证书或培训记录编号>' 登记。\n",
    });
    expect(read(dir, "processes.yaml")).toBe(before);
    expect((await audit("S4", "2026-06-10", "zhaoqiang", "IA-2026-03")).code).toBe(0);

    const listed = (await run(dir, "list", "people")).stdout.split("\n").map((l) => l.trimEnd());
    expect(listed[2]).toBe("序号  id         姓名    部门        职务                       角色              内审员资格");
    expect(listed.find((l) => l.includes("zhaoqiang"))).toMatch(/ 2024-03-15 至 2027-03-14（NS-2024-03）$/);
    expect(listed.find((l) => l.includes("wangjg"))).toMatch(/ 批准$/);
  });

  it("an audit by an auditor not qualified that day is marked 审核员无资格 and counts neither for coverage nor for the interval, in every register, the check and the site; the auditor's page and csr list people give every qualification period (breaker63 P4, P9, P3)", async () => {
    const dir = await acme();
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-01-01", "--auditor-until", "2026-06-30", "--auditor-record", "NS-001")).code).toBe(0);
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-09-01", "--auditor-record", "NS-002")).code).toBe(0);
    // C3 (8.5, 8.5.1 …) audited while qualified, then in the lapse; S6 (8.7 …) only in the lapse. C3 every 6 months. S6 is
    // 品质部's, as 赵强 is: this organisation has turned process/auditor-impartiality off, so only qualification decides (tester78 A8).
    writeFileSync(join(dir, "qms.yaml"), `${read(dir, "qms.yaml")}rules:\n  process/auditor-impartiality: off\n`);
    writeFileSync(
      join(dir, "processes.yaml"),
      read(dir, "processes.yaml")
        .replace("    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n", "    documents: [QP-010, WI-010-01, WI-010-02, HH-WI-06]\n    audit_months: 6\n    audits:\n      - {date: 2026-03-04, by: [zhaoqiang], report: IA-2026-01, nonconformities: 0}\n      - {date: 2026-08-03, by: [zhaoqiang], report: IA-2026-02, nonconformities: 1}\n")
        .replace("    clauses:\n      - IATF16949:8.6\n", "    audits:\n      - {date: 2026-08-04, by: [zhaoqiang], report: IA-2026-03, nonconformities: 0}\n    clauses:\n      - IATF16949:8.6\n"),
    );
    const today = ["--today", "2026-12-04"];
    const processes = (await run(dir, "list", "processes", ...today, "--format", "csv")).stdout.split(/\r?\n/);
    expect(processes.find((l) => l.includes(",C3,"))).toMatch(/,2026-03-04,符合,赵强,IA-2026-01,6,2026-09-04,已逾期 91 天；2026-08-03 的审核（IA-2026-02）审核员无资格，不计$/);
    expect(processes.find((l) => l.includes(",S6,"))).toMatch(/,,,,,,,尚未审核；2026-08-04 的审核（IA-2026-03）审核员无资格，不计$/);
    expect((await run(dir, "list", "processes", ...today)).stdout).toContain("\n标“审核员无资格”的审核，审核员当日没有内审员资格（people.yaml 的 internal_auditor）：照常记录，但不计入条款审核覆盖和审核间隔；csr check 的 process/auditor-unqualified 逐个列出。\n");
    expect((await csrInProcess(["-C", dir, "list", "processes", ...today], { lang: "en" })).stdout).toContain(" 91 days overdue; the audit of 2026-08-03 (IA-2026-02) does not count: auditor not qualified\n");

    const audits = (await run(dir, "list", "audits", ...today)).stdout.split("\n").map((l) => l.trimEnd());
    expect(audits.filter((l) => /^\d/.test(l))).toEqual([
      "1     2026-03-04  C3        生产过程控制        生产部    赵强            IA-2026-01  0",
      "2     2026-08-03  C3        生产过程控制        生产部    赵强（无资格）  IA-2026-02  1",
      "3     2026-08-04  S6        检验与不合格品控制  品质部    赵强（无资格）  IA-2026-03  0",
    ]);
    // The totals above give the count of audits not counted; the note under them says only what that means (review of stop 65).
    expect(audits).toContain("标“审核员无资格”的审核，审核员当日没有内审员资格（people.yaml 的 internal_auditor）：照常记录，但不计入条款审核覆盖和审核间隔；csr check 的 process/auditor-unqualified 逐个列出。");
    expect(audits).not.toContain("其中 2 次审核的审核员当日没有内审员资格");

    const cell = (stdout: string, number: string) => stdout.split("\n").find((l) => l.startsWith(`${number} `))?.trimEnd().split(/\s+/).at(-1);
    const matrix = (await run(dir, "matrix", "clauses", "--audits", ...today)).stdout;
    expect([cell(matrix, "8.5.1"), cell(matrix, "8.7"), cell(matrix, "4.1")]).toEqual(["2026-03-04；2026-08-03（审核员无资格）", "2026-08-04（审核员无资格）", "未审核"]);
    expect((await csrInProcess(["-C", dir, "matrix", "clauses", "--audits", ...today], { lang: "en" })).stdout).toMatch(/\n8\.7 [^\n]* 2026-08-04 \(auditor not qualified\)\n/);
    // The cycle counts C3's clauses by the audit of 2026-03-04, S6's not at all.
    const counted = (stdout: string) => Number(/内审核过 (\d+)\//.exec(stdout)![1]);
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml").replace("{since: 2026-09-01, record: NS-002}", "{since: 2026-07-01, record: NS-002}"));
    const qualified = (await run(dir, "matrix", "clauses", "--audits", ...today)).stdout;
    expect(cell(qualified, "8.7")).toBe("2026-08-04");
    expect(qualified).not.toContain("审核员无资格");
    expect(counted(qualified)).toBeGreaterThan(counted(matrix));
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml").replace("{since: 2026-07-01, record: NS-002}", "{since: 2026-09-01, record: NS-002}"));
    const since = (await run(dir, "matrix", "clauses", "--not-audited-since", "2026-06-01", ...today)).stdout.split("\n");
    expect(since.some((l) => l.startsWith("8.5.1 "))).toBe(true);
    expect(since.some((l) => l.startsWith("8.7 "))).toBe(true);

    const review = (await run(dir, "list", "management-review", "--format", "csv", "--from", "2026-01-01", "--to", "2026-12-04", ...today)).stdout.split(/\r?\n/);
    expect(review.find((l) => l.includes("期间完成的内部审核"))).toMatch(/,期间完成的内部审核（次）,1,体系审核 1 次（IA-2026-01）：C3 1 次；另有 2 次审核员无资格，不计：C3 1 次、S6 1 次,/);
    // The nonconformity of C3's uncounted audit is said beside the count, as its audit is (breaker64 P9).
    expect(review.find((l) => l.includes("期间审核开出的不符合项"))).toMatch(/,期间审核开出的不符合项,0,另有 1 项出自审核员无资格、不计的审核：C3 1 项,/);
    expect(review.find((l) => l.includes("尚未审核的过程"))).toMatch(/,14,C1、C2、C4、C5、S1、S2、S3、S4、S5、S6（审核员无资格）、M1、M2、M3、M4,/);

    const due = (await checkJsonInProcess(dir, ...today)).findings.filter((f) => f.rule === "process/audit-due");
    expect(due.map((f) => f.message)).toEqual([
      "Process C3 Production was last audited on 2026-03-04; with an audit interval of 6 months it was due again by 2026-09-04. The audit of 2026-08-03 (report IA-2026-02) does not count: an auditor held no internal auditor qualification that day (process/auditor-unqualified). Audit it and record the audit with 'csr process audited C3 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
      // No interval for M1: the three-year cycle of IATF 16949 9.2.2.1 from QM-001's first release (tester67a A11).
      "Process M1 Business planning and QMS management has no internal audit recorded: its three-year audit cycle, counted from 2019-03-01 when QM-001 was first released, ended on 2022-03-01 (no audit interval is set in qms.yaml, so the IATF 16949 9.2.2.1 three-year cycle applies); plan its audit. Audit it and record the audit with 'csr process audited M1 --date <date> --by <auditors> --report <report number> --nonconformities <count>'; a process audited more or less often by its risk gets audit_months in processes.yaml.",
    ]);

    const out = join(tempDir(), "site");
    expect((await run(dir, "site", "--out", out, ...today)).code).toBe(0);
    const coverage = readFileSync(join(out, "coverage.html"), "utf8");
    expect(coverage).toMatch(/<span class="number">8\.7<\/span>[^\n]*<td class="audit out-of-cycle">2026-08-04（审核员无资格）<\/td><\/tr>/);
    expect(coverage).toMatch(/<span class="number">8\.5\.1<\/span>[^\n]*<td class="audit">2026-03-04；2026-08-03（审核员无资格）<\/td><\/tr>/);
    const page = readFileSync(join(out, "processes", "C3.html"), "utf8");
    expect(page).toContain('<tr><td class="date">2026-08-03</td><td>赵强（无资格）</td><td>IA-2026-02</td><td>1</td><td></td></tr>');
    expect(page).toContain('<p class="site-note">其中 1 次审核的审核员当日没有内审员资格（标“无资格”');
    // The auditor's page: every qualification period, and the audits they made, each saying whether they were qualified that day (breaker63 P9).
    const person = readFileSync(join(out, "people", "zhaoqiang.html"), "utf8");
    expect(person).toContain('<div><dt>内审员资格</dt><dd><span class="nobr">2026-01-01 至 2026-06-30（NS-001）</span>、<span class="nobr">2026-09-01 起（NS-002）</span></dd></div>');
    expect(person).toContain("<h2>做过的内部审核（3）</h2>");
    expect(person).toContain('<tr><td class="date">2026-03-04</td><td><a href="../processes/C3.html">C3 生产过程控制</a></td><td>IA-2026-01</td><td>0</td><td>有</td></tr>');
    expect(person).toContain('<tr><td class="date">2026-08-04</td><td><a href="../processes/S6.html">S6 检验与不合格品控制</a></td><td>IA-2026-03</td><td>0</td><td>无资格（不计）</td></tr>');
    const other = readFileSync(join(out, "people", "zhangli.html"), "utf8");
    expect(other).toContain("<div><dt>内审员资格</dt><dd>无</dd></div>");
    expect(other).not.toContain("做过的内部审核");
    // csr list people gives every period, the lapse between them visible (breaker63 P3).
    expect((await run(dir, "list", "people")).stdout.split("\n").find((l) => l.includes("zhaoqiang"))?.trimEnd()).toMatch(/ 2026-01-01 至 2026-06-30（NS-001）、2026-09-01 起（NS-002）$/);
    expect((await csrInProcess(["-C", dir, "list", "people", "--format", "csv"], { lang: "en" })).stdout).toContain(',author,"2026-01-01 to 2026-06-30 (NS-001), from 2026-09-01 (NS-002)"');
  });

  it("refuses a qualification period overlapping one recorded, saying which and how to record it, and says a period added as added (breaker63 P3)", async () => {
    const dir = await acme();
    const wrote = "已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-01-01", "--auditor-until", "2026-06-30", "--auditor-record", "NS-001")).stdout).toBe(`已更新 赵强（zhaoqiang）：内审员资格：（无）→ 2026-01-01 至 2026-06-30（NS-001）。\n${wrote}`);
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-09-01", "--auditor-record", "NS-002")).stdout).toBe(`已更新 赵强（zhaoqiang）：内审员资格：新增 2026-09-01 起（NS-002）（已登记 2026-01-01 至 2026-06-30（NS-001））。\n${wrote}`);
    const people = read(dir, "people.yaml");
    expect(await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-05-01")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "csr: 赵强（zhaoqiang）的内审员资格 2026-05-01 起 与已登记的 2026-01-01 至 2026-06-30（NS-001）、2026-09-01 起（NS-002）重叠：同一天只能属于一段资格。\n" +
        "提示：资格中断后重新取得的，用 --auditor-until 给出新一段的最后有效日，使它不与已登记的重叠；已登记的一段有误的，用 'csr person update zhaoqiang --auditor-since 2026-01-01 --auditor-until <最后有效日>' 更正那一段。\n",
    });
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-07-01")).stderr).toBe(
      "csr: 赵强（zhaoqiang）的内审员资格 2026-07-01 起 与已登记的 2026-09-01 起（NS-002）重叠：同一天只能属于一段资格。\n" +
        "提示：资格中断后重新取得的，用 --auditor-until 给出新一段的最后有效日，使它不与已登记的重叠；已登记的一段有误的，用 'csr person update zhaoqiang --auditor-since 2026-09-01 --auditor-until <最后有效日>' 更正那一段。\n",
    );
    expect(read(dir, "people.yaml")).toBe(people);
    // The gap filled with an end, and a recorded period corrected by its first day, are accepted.
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-07-01", "--auditor-until", "2026-08-15", "--auditor-record", "NS-003")).stdout).toBe(
      `已更新 赵强（zhaoqiang）：内审员资格：新增 2026-07-01 至 2026-08-15（NS-003）（已登记 2026-01-01 至 2026-06-30（NS-001）、2026-09-01 起（NS-002））。\n${wrote}`,
    );
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-01-01", "--auditor-until", "2026-05-31", "--auditor-record", "NS-001")).code).toBe(0);
    expect(read(dir, "people.yaml")).toContain("    internal_auditor:\n      - {since: 2026-01-01, until: 2026-05-31, record: NS-001}\n      - {since: 2026-07-01, until: 2026-08-15, record: NS-003}\n      - {since: 2026-09-01, record: NS-002}\n");
  });

  it("records the kinds of audit a qualification is for (IATF 16949 7.2.3, 7.2.4): a product auditor's is no QMS auditor's for an audit by process, two kinds' periods do not overlap, and csr check warns ahead of a lapse with no requalification (tester72 Q10)", async () => {
    const dir = await acme();
    const wrote = "已写入 people.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n";
    expect(await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2025-05-01", "--auditor-record", "PA-2025-01", "--auditor-kinds", "product,manufacturing-process")).toEqual({
      code: 0,
      stdout: `已更新 赵强（zhaoqiang）：内审员资格：（无）→ 制造过程审核员、产品审核员 2025-05-01 起（PA-2025-01）。\n${wrote}`,
      stderr: "",
    });
    expect((await run(dir, "process", "audited", "C3", "--date", "2025-06-10", "--by", "zhaoqiang", "--report", "IA-2025-01", "--nonconformities", "0")).stdout.split("\n")[2]).toBe(
      "注意：赵强（zhaoqiang）在 2025-06-10 没有内审员资格（当日只有制造过程审核员、产品审核员资格，没有体系审核员资格）；people.yaml 已登记内审员，内部审核应由具备资格的内审员进行（process/auditor-unqualified）。如此人当日确有资格，用 'csr person update zhaoqiang --auditor-since <取得资格日期> --auditor-record <证书或培训记录编号>' 登记。",
    );
    // A QMS auditor's qualification beside it is a second qualification, not an overlap.
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-01-01", "--auditor-until", "2026-12-31", "--auditor-record", "NS-001")).code).toBe(0);
    expect(read(dir, "people.yaml")).toContain("    internal_auditor:\n      - {since: 2025-05-01, record: PA-2025-01, kinds: [manufacturing-process, product]}\n      - {since: 2026-01-01, until: 2026-12-31, record: NS-001}\n");
    const people = read(dir, "people.yaml");
    expect(await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-03-01", "--auditor-kinds", "prodcut")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --auditor-kinds：没有审核员类别“prodcut”；可用 qms、manufacturing-process、product、second-party。是否应为 'product'？\n",
    });
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2026-03-01", "--auditor-kinds", "product")).stderr.split("\n")[0]).toBe(
      "csr: 赵强（zhaoqiang）的内审员资格 产品审核员 2026-03-01 起 与已登记的 制造过程审核员、产品审核员 2025-05-01 起（PA-2025-01）重叠：同一天只能属于一段资格。",
    );
    expect(read(dir, "people.yaml")).toBe(people);

    const expiring = async (today: string) => (await checkJsonInProcess(dir, "--today", today)).findings.filter((f) => f.rule === "person/auditor-qualification-expiring");
    expect(await expiring("2026-10-31")).toEqual([]);
    expect((await expiring("2026-11-01")).map((f) => f.message.slice(0, f.message.indexOf(" and no")))).toEqual(["The QMS auditor qualification of Zhao Qiang (zhaoqiang) lapses after 2026-12-31 (in 60 days)"]);
    expect((await expiring("2026-12-04")).map((f) => [f.severity, `${f.file}:${f.line}:${f.column}`, f.message])).toEqual([
      [
        "warning",
        expect.stringMatching(/^people\.yaml:\d+:36$/),
        "The QMS auditor qualification of Zhao Qiang (zhaoqiang) lapses after 2026-12-31 (in 27 days) and no requalification is recorded. Requalify them before it lapses and record it with 'csr person update zhaoqiang --auditor-since <first day of the new qualification> --auditor-until <last valid day> --auditor-record <certificate>'; if they stop auditing, plan the audits after that day with other auditors.",
      ],
    ]);
    const qms = read(dir, "qms.yaml");
    writeFileSync(join(dir, "qms.yaml"), `${qms}internal_audit:\n  requalification_notice_days: 20\n`);
    expect(await expiring("2026-12-04")).toEqual([]);
    writeFileSync(join(dir, "qms.yaml"), qms);
    expect((await run(dir, "person", "update", "zhaoqiang", "--auditor-since", "2027-01-01", "--auditor-until", "2029-12-31", "--auditor-record", "NS-2026-09")).code).toBe(0);
    expect(await expiring("2026-12-04")).toEqual([]);
  });

  it("records an audit dated on a day off (a holiday, a weekend) with a note to check the date, and a working day without (tester62 N11)", async () => {
    const dir = await acme();
    expect(await run(dir, "process", "audited", "S5", "--date", "2026-10-01", "--by", "zhaoqiang", "--report", "IA-2026-04", "--nonconformities", "0")).toEqual({
      code: 0,
      stdout:
        "已在 processes.yaml 中记录过程 S5 采购与供应商管理 的内部审核：2026-10-01，审核员 赵强（zhaoqiang），审核报告 IA-2026-04，符合。\n" +
        "注意：2026-10-01 按工作日历（qms.yaml 的 calendar）是休息日；请核对审核日期，如有误，用 csr process audited S5 --amend IA-2026-04 --date <正确日期> 更正。\n" +
        "已写入 processes.yaml，尚未提交（git commit，或运行时加 --commit 由 csr 提交）。\n",
      stderr: "",
    });
    expect((await csrInProcess(["-C", dir, "--lang", "en", "process", "audited", "C3", "--date", "2026-06-06", "--by", "zhaoqiang", "--report", "IA-2026-01", "--nonconformities", "1"])).stdout.split("\n")[1]).toBe(
      "Note: 2026-06-06 is a day off in the working-day calendar (calendar of qms.yaml); check the audit date and, if it is wrong, correct it with csr process audited C3 --amend IA-2026-01 --date <the right date>.",
    );
    expect((await run(dir, "process", "audited", "C4", "--date", "2026-06-05", "--by", "zhaoqiang", "--report", "IA-2026-02", "--nonconformities", "0")).stdout).not.toContain("休息日");
  });

  it("refuses the 军代表 as an internal auditor, by id or name, writing nothing, and csr check reports such an audit written by hand (tester62 N3, breaker62 P3)", async () => {
    const dir = await gjb();
    const before = read(dir, "processes.yaml");
    expect(await run(dir, "process", "audited", "C3", "--date", "2026-09-15", "--by", "luox,wangjd", "--report", "NS-2026-03", "--nonconformities", "1")).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --by 王建东（wangjd）属于军代表室，是军代表：军代表只以军代表身份签字，内部审核由本公司的内审员进行（csr list people）。\n",
    });
    expect(await csrInProcess(["-C", dir, "--lang", "en", "process", "audited", "C3", "--date", "2026-09-15", "--by", "王建东", "--report", "NS-2026-03", "--nonconformities", "1"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "csr: --by Wang Jiandong (wangjd) belongs to Military Representative Office and is a military representative: a military representative signs only as such; the organisation's own auditors make its internal audits (csr list people).\n",
    });
    expect(read(dir, "processes.yaml")).toBe(before);
    expect(git(dir, ["status", "--porcelain"])).toBe("");
    writeFileSync(
      join(dir, "processes.yaml"),
      before.replace(
        "    documents: [CS/QP-009, CS/QP-013, CS/QP-014, CS/WI-003, CS/WI-004]\n",
        "    documents: [CS/QP-009, CS/QP-013, CS/QP-014, CS/WI-003, CS/WI-004]\n    audits:\n      - {date: 2026-09-15, by: [luox, wangjd], report: NS-2026-03, nonconformities: 1}\n",
      ),
    );
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.rule === "person/military-signature");
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      "processes.yaml:109:39 error The auditors of the internal audit of process C3 Production and service provision on 2026-09-15 (report NS-2026-03) include the military representative Wang Jiandong (wangjd) of Military Representative Office: the organisation's own auditors make its internal audits; a military representative signs only as such. Record the organisation's people who audited.",
    ]);
  });

  it("reports audits edited by hand: an unknown auditor, a date after today, an auditor not yet started or already left", async () => {
    const dir = await acme();
    writeFileSync(join(dir, "people.yaml"), read(dir, "people.yaml").replace("  - id: zhoupeng\n", "  - id: zhoupeng\n    joined: 2026-06-01\n").replace("  - id: sunwei\n", "  - id: sunwei\n    left: 2026-03-31\n"));
    writeFileSync(
      join(dir, "processes.yaml"),
      read(dir, "processes.yaml").replace(
        "    documents: [QP-004]\n",
        "    documents: [QP-004]\n    audits:\n      - {date: 2026-04-10, by: [zhoupeng, sunwei], report: IA-1, nonconformities: 0}\n      - {date: 2026-12-20, by: [nobody], report: IA-2, nonconformities: 0}\n",
      ),
    );
    // The audits' own errors; process/audit-due (the three-year cycle of processes never audited here) and process/audit-frequency-unreviewed (C3's complaint) are other tests'.
    const found = (await checkJsonInProcess(dir, "--today", "2026-12-05")).findings.filter((f) => f.file === "processes.yaml" && f.rule !== "process/audit-due" && f.rule !== "process/audit-frequency-unreviewed");
    expect(found.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message.split(/: |\. /)[0]}`)).toEqual([
      "271:33 person/work-before-joining Zhou Peng (zhoupeng) starts work on 2026-06-01, but the internal audit (report IA-1) on 2026-04-10 is recorded in their name",
      "271:43 person/work-after-leaving Sun Wei (sunwei) left on 2026-03-31 (their last working day), but the internal audit (report IA-1) on 2026-04-10 is recorded in their name",
      "272:16 date/in-future M2",
      "272:33 ref/unresolved Unknown person 'nobody'",
    ]);
    expect(found.every((f) => f.severity === "error")).toBe(true);
  });
});
