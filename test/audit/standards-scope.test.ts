/**
 * Outputs cite and show what the repository's standards (qms.yaml `standards`) ask for: a GJB 9001C
 * repository's registers cite GJB 9001C, and its workbook and site leave out an empty symbol
 * conversion table, which is IATF 16949's.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadRepository } from "../../src/load/repository.js";
import { ruleText } from "../../src/check/docs.js";
import { rules } from "../../src/check/registry.js";
import { citations, clauseReferenceExample, forStandards, helpExamples, militarySupplier, worksToGjb9001C } from "../../src/model/citations.js";
import { defaultProcedureStyle } from "../../src/report/registers/procedures.js";
import { registerContext } from "../../src/report/registers/context.js";
import { allRegisters, auditRegisters } from "../../src/report/registers/index.js";
import { csrInProcess, ROOT, tempDir } from "../helpers.js";

const GJB = join(ROOT, "examples", "gjb-demo");

/** gjb-demo without its symbols.yaml (its own 关键/重要 marks): a GJB repository with no symbol of any kind. */
function withoutSymbols(): string {
  const dir = tempDir();
  cpSync(GJB, dir, { recursive: true });
  rmSync(join(dir, "symbols.yaml"));
  return dir;
}
const ACME = join(ROOT, "examples", "acme-auto");

describe("citations of the standards in scope", () => {
  it("cite each standard in scope that csr knows, IATF 16949 when none is", () => {
    expect(citations(["GJB9001C"], "requirements-review")).toEqual(["GJB 9001C 8.2.3"]);
    expect(citations(["IATF16949", "GJB9001C"], "requirements-review")).toEqual(["IATF 16949 7.5.3.2.2", "GJB 9001C 8.2.3"]);
    expect(citations(["ISO9001"], "document-approval")).toEqual(["ISO 9001 7.5.2"]);
    expect(citations(["Q/CS-01"], "requirements-review")).toEqual(["IATF 16949 7.5.3.2.2"]);
    expect(citations(undefined, "document-approval")).toEqual(["IATF 16949 7.5.2"]);
    expect(citations(["GJB9001C"], "requirements-matrix")).toEqual(["GJB 9001C 7.5.1"]);
    expect(citations(["IATF16949"], "requirements-matrix")).toEqual(["IATF 16949 7.5.1.1"]);
    // A customer's document given to a supplier (csr distribute --customer-consent) and the supplier rules' monitoring.
    expect(citations(["GJB9001C"], "customer-confidentiality")).toEqual(["GJB 9001C 8.5.3"]);
    expect(citations(["IATF16949"], "customer-confidentiality")).toEqual(["IATF 16949 8.1.2"]);
    expect(citations(["GJB9001C"], "supplier-monitoring")).toEqual(["GJB 9001C 8.4.1"]);
    // A second-party auditor's competence (supplier/auditor-unqualified): IATF 16949 7.2.4 only under IATF.
    expect(citations(["GJB9001C"], "second-party-auditor-competence")).toEqual(["GJB 9001C 7.2"]);
    expect(citations(["IATF16949"], "second-party-auditor-competence")).toEqual(["IATF 16949 7.2.4"]);
  });

  it("give an example clause reference in the first standard in scope that csr knows", () => {
    expect(clauseReferenceExample(["GJB9001C"])).toBe("GJB9001C:8.3");
    expect(clauseReferenceExample(["Q/CS-01", "ISO9001", "IATF16949"])).toBe("ISO9001:8.3");
    expect(clauseReferenceExample(["IATF16949", "GJB9001C"])).toBe("IATF16949:8.3.3.3");
    expect(clauseReferenceExample(undefined)).toBe("IATF16949:8.3.3.3");
  });

  it("one test says a repository works to GJB 9001C (归零, the revision record's change requests and 总页数), another that it is a military supplier's (help examples, procedure list layout)", () => {
    const cases = [["GJB9001C"], ["IATF16949", "GJB9001C"], ["IATF16949"], ["ISO9001"], ["Q/CS-01"], undefined];
    expect(cases.map((standards) => worksToGjb9001C({ standards }))).toEqual([true, true, false, false, false, false]);
    expect(worksToGjb9001C(undefined)).toBe(false);
    expect(cases.map((standards) => [militarySupplier(standards), helpExamples(standards), defaultProcedureStyle(standards)])).toEqual([
      [true, "gjb", "gjb"],
      [false, "iatf", "iatf"],
      [false, "iatf", "iatf"],
      [false, "iatf", "iatf"],
      [false, "iatf", "iatf"],
      [false, "iatf", "iatf"],
    ]);
  });

  it("the help and the messages of a GJB 9001C repository cite GJB 9001C, those of an IATF one IATF 16949", async () => {
    const help = async (dir: string, args: string[]) => (await csrInProcess(["-C", dir, ...args, "--help"], { lang: null })).stdout;
    expect((await help(GJB, ["matrix", "csr"])).split("\n")[2]).toBe("每条顾客要求在何处落实（GJB 9001C 7.5.1）");
    expect((await help(ACME, ["matrix", "csr"])).split("\n")[2]).toBe("每条顾客特定要求在何处落实（IATF 16949 7.5.1.1）");
    expect(await help(GJB, ["add"])).toContain("  --clause <ref>            该要求解释或补充的条款，例如 GJB9001C:8.3（可重复）\n");
    expect(await help(ACME, ["add"])).toContain("  --clause <ref>            该要求解释或补充的条款，例如 IATF16949:8.3.3.3（可重\n                            复）\n");
    // A block list under `standards:` is read as well as a flow one.
    const block = tempDir();
    cpSync(GJB, block, { recursive: true });
    writeFileSync(join(block, "qms.yaml"), readFileSync(join(GJB, "qms.yaml"), "utf8").replace("standards: [GJB9001C]\n", "standards:\n  - \"GJB9001C\"  # 军标\n"));
    expect((await csrInProcess(["-C", block, "matrix", "csr", "--help"], { lang: "en" })).stdout.split("\n")[2]).toBe("where each customer requirement is addressed (GJB 9001C 7.5.1)");
    // One standard in scope: a bare clause number is that standard's; a clause it lacks is named with the nearest one.
    const bare = await csrInProcess(["-C", GJB, "list", "--clause", "8.3"], { lang: null });
    expect([bare.code, bare.stderr, bare.stdout.split("\n")[0]]).toEqual([0, "完整的顾客要求清单：csr list csr。\n", "顾客要求清单（条款：8.3；共 0 项）"]);
    const wrong = await csrInProcess(["-C", GJB, "list", "--clause", "第8.3条"], { lang: null });
    expect([wrong.code, wrong.stderr]).toEqual([2, "csr: --clause 第8.3条：条款写作“标准:条款号”，如 GJB9001C:8.3。\n"]);
    const two = await csrInProcess(["-C", GJB, "list", "--clause", "8.3、8.4"], { lang: null });
    expect([two.code, two.stderr]).toEqual([2, "csr: --clause 只取一个条款，例如 GJB9001C:8.3（只有一个标准在范围内时可只写条款号）；实际为 '8.3、8.4'。\n"]);
    const missing = await csrInProcess(["-C", GJB, "list", "--clause", "8.3.99"], { lang: "en" });
    expect([missing.code, missing.stderr]).toEqual([2, "csr: --clause 8.3.99: GJB 9001C-2017 has no such clause; the nearest parent clause is GJB9001C:8.3.\n"]);
  });

  it("a repository without IATF 16949 says 顾客要求 where IATF 16949's term is 顾客特定要求: registers, record labels, rule texts", async () => {
    const title = async (dir: string, args: string[], lang: "en" | null = null) => (await csrInProcess(["-C", dir, ...args], { lang })).stdout.split("\n")[0];
    expect(await title(GJB, ["list"])).toBe("顾客要求清单（共 0 项）");
    expect(await title(ACME, ["list", "--today", "2026-11-27"])).toMatch(/^顾客特定要求清单（共 \d+ 项）$/);
    expect(await title(GJB, ["list", "reviews", "--today", "2026-11-27"])).toBe("顾客要求评审及时性记录（共 0 项，截至 2026-11-27）");
    expect(await title(GJB, ["list"], "en")).toBe("Customer requirements list (0 in total)");
    expect(await title(ACME, ["list", "--today", "2026-11-27"], "en")).toMatch(/^Customer-specific requirements list \(\d+ in total\)$/);
    const { inWording } = await import("../../src/i18n/terms.js");
    expect(inWording("顾客特定要求评审报告", "zh-CN", "general")).toBe("顾客要求评审报告");
    expect(inWording("登记一条新的顾客特定要求（CSR）", "zh-CN", "general")).toBe("登记一条新的顾客要求");
    expect(inWording("Customer-Specific Requirement Review Report", "en", "general")).toBe("Customer Requirement Review Report");
    expect(inWording("顾客特定要求评审报告", "zh-CN", "iatf")).toBe("顾客特定要求评审报告");
    // The abbreviation CSR where Chinese writes it, set off by spaces from Chinese but not from a placeholder (tester68 G9).
    expect(inWording("列出 CSR（默认）或一份清单", "zh-CN", "general")).toBe("列出顾客要求（默认）或一份清单");
    expect(inWording("{{count}} 条 CSR 需重新评审；CSR {{id}} 只登记发放", "zh-CN", "general")).toBe("{{count}} 条顾客要求需重新评审；顾客要求 {{id}} 只登记发放");
    expect(inWording("登记顾客的一份新的 CSR 来源文件；两条 CSR 要求内容相同", "zh-CN", "general")).toBe("登记顾客的一份新的来源文件；两条顾客要求的内容相同");
    expect(inWording("变量 CSR_PUBLISH_SITE，值为 true；csr check", "zh-CN", "general")).toBe("变量 CSR_PUBLISH_SITE，值为 true；csr check");
    expect(inWording("列出 CSR（默认）", "zh-CN", "iatf")).toBe("列出 CSR（默认）");
    expect((await csrInProcess(["-C", GJB, "list", "--help"], { lang: null })).stdout.split("\n")[2]).toBe("列出顾客要求（默认）或一份清单：csr、procedures、documents、forms、external、");
    expect((await csrInProcess(["-C", GJB, "list", "--help"], { lang: "en" })).stdout.split("\n")[2]).toBe("list customer requirements (default) or a register: csr, procedures, documents,");
    const rule = rules.find((r) => r.id === "csr/training-overdue")!;
    expect(ruleText(rule, "zh-CN", ["GJB9001C"]).description).not.toContain("顾客特定要求");
    expect(ruleText(rule, "zh-CN", ["GJB9001C"]).description).toContain("顾客要求");
  });

  it("a text written for every standard reads as the standards in scope", () => {
    const text = "{{cite:requirements-training}}{{#IATF16949}}, ten days{{/IATF16949}}{{^IATF16949}}, own period{{/IATF16949}} ({{standard}}:8.3)";
    expect(forStandards(text, ["GJB9001C"], "、")).toBe("GJB 9001C 7.2、7.3, own period (GJB9001C:8.3)");
    expect(forStandards(text, undefined, ", ")).toBe("IATF 16949 4.3.2, 7.2.2, ten days (IATF16949:8.3)");
    expect(forStandards(text, ["IATF16949", "ISO9001"], ", ")).toBe("IATF 16949 4.3.2, 7.2.2 / ISO 9001 7.2, 7.3, ten days (IATF16949:8.3)");
    expect(() => forStandards("{{cite:no-such}}", undefined, ", ")).toThrow("Unknown citation {{cite:no-such}}");
  });

  // A rule may name IATF 16949 itself (its transition rules for a new edition); it cites none of its clauses.
  it("no rule's documentation cites a clause of IATF 16949 to a GJB 9001C repository, in either language", () => {
    const citing = rules.flatMap((rule) =>
      (["en", "zh-CN"] as const).flatMap((lang) => Object.values(ruleText(rule, lang, ["GJB9001C"])).filter((v) => typeof v === "string" && /IATF 16949 \d|\{\{/.test(v)).map(() => `${lang} ${rule.id}`)),
    );
    expect(citing).toEqual([]);
  });

  it("csr explain, the help and the schema hints of a GJB 9001C repository cite GJB 9001C, those of an IATF one IATF 16949", async () => {
    const explain = async (dir: string, rule: string, lang: "zh-CN" | "en") => (await csrInProcess(["-C", dir, "explain", rule], { lang })).stdout.split("\n\n");
    expect(await explain(GJB, "csr/review-overdue", "zh-CN")).toContain("GJB 9001C 8.2.3 要求在承诺供货之前、在本单位规定的期限内评审顾客要求；审核员会抽查日期。`csr check --today YYYY-MM-DD` 固定计算期限所依据的日期，使 CI 的结果可以复现。");
    expect(await explain(ACME, "csr/review-overdue", "en")).toContain("IATF 16949 7.5.3.2.2 expects customer requirements and their changes to be reviewed within 10 working days; an auditor samples the dates. `csr check --today YYYY-MM-DD` fixes the day deadlines are measured against, so CI results are reproducible.");
    expect((await explain(GJB, "doc/record-retention-missing", "en"))[2]).toBe(
      "A released form (`kind: form`) without `record.retention`, the retention period of the records filled in on it (保存期限). GJB 9001C 7.5.3.2 asks for a documented retention period for records. Where the records are kept (`medium`, `location`) belongs in the same block.",
    );
    expect((await explain(GJB, "symbol/conflict", "zh-CN"))[2]).toMatch(/（GJB 9001C 8\.3\.5）。/);
    expect((await explain(ACME, "symbol/conflict", "zh-CN"))[2]).toMatch(/（IATF 16949 8\.2\.3\.1\.2、8\.3\.3\.3）。/);
    expect((await csrInProcess(["-C", GJB, "set", "--help"], { lang: null })).stdout).toMatch(/，如\s+GJB9001C:8\.3\n/);
    const bad = tempDir();
    cpSync(GJB, bad, { recursive: true });
    mkdirSync(join(bad, "csr"));
    writeFileSync(join(bad, "csr", "T-001.yaml"), "id: T-001\nclauses: [\"8.3\"]\n");
    expect((await csrInProcess(["-C", bad, "check", "--no-cache", "--today", "2026-11-27"], { lang: null })).stdout).toContain("csr/T-001.yaml:2:11 error schema/invalid-value 'clauses[0]' 的值 '8.3' 格式不对。标准条款，写作 标准:条款，如 GJB9001C:8.3。\n");
  });

  it("the review-timeliness register's footer gives the period as the company's own rule in a GJB 9001C repository, citing 8.2.3 for the review, and as IATF 16949's ten working days in an IATF one", async () => {
    const notes = async (dir: string, lang: "zh-CN" | "en") =>
      (JSON.parse((await csrInProcess(["-C", dir, "list", "reviews", "--format", "json", "--today", "2026-11-27"], { lang })).stdout) as { notes: string[] }).notes;
    expect(await notes(GJB, "zh-CN")).toEqual(["评审期限为起算日后第 10 个工作日（本公司规定；评审要求见 GJB 9001C 8.2.3），按工作日历计算；逾期或逾期未决 0 项。"]);
    expect(await notes(GJB, "en")).toEqual(["Due on the 10th working day after the start (the company's own limit; the review itself: GJB 9001C 8.2.3), counted in the working-day calendar; 0 late or overdue."]);
    expect((await notes(ACME, "zh-CN"))[0]).toMatch(/^评审期限为起算日后第 10 个工作日（IATF 16949 7\.5\.3\.2\.2），/);
  });
});

describe("a GJB 9001C repository's site says 顾客要求 / customer requirement where IATF 16949's term would be (tester48 #8)", () => {
  it("in English on the dashboard, its lists and the person pages, and in Chinese without the values must and optional in its notes", async () => {
    const site = async (lang: "zh-CN" | "en") => {
      const out = join(tempDir(), "site");
      expect((await csrInProcess(["-C", GJB, "site", "--out", out, "--today", "2026-11-27"], { lang })).code).toBe(0);
      return (path: string) => readFileSync(join(out, path), "utf8");
    };
    const en = await site("en");
    const index = en("index.html");
    expect(index).toContain("<h2>Customer requirement reviews</h2>");
    expect(index).toContain('<span class="label">training on a customer requirement overdue</span>');
    expect(index).not.toMatch(/\bCSR reviews|training on a CSR/);
    expect(en("lists/reviews-overdue.html")).toContain("Customer requirement reviews: overdue in review");
    expect(en("people/chenhw.html")).toMatch(/Customer requirement implementations owned \(\d+\)/);
    const zh = await site("zh-CN");
    // Nor the abbreviation CSR, which a GJB 9001C reader never met (tester68 G9).
    expect(zh("lists/csr-not-addressed.html")).toContain("结论为必须满足或可选的顾客要求没有写明由哪份文件落实。");
    expect(zh("lists/csr-forced-decision.html")).toContain("顾客要求的评审结论是在缺少部分必需部门会签的情况下强制作出的，这些部门的意见仍然缺少。");
    expect(zh("lists/csr-review-late.html")).toContain("顾客要求当前这一轮评审（或确认所沿用的结论）在评审期之后才结束，且没有记录延误原因。");
    const check = await csrInProcess(["-C", GJB, "check", "--no-cache", "--today", "2026-11-27"], { lang: null });
    expect(check.stdout).toContain("2025-07-16 已过，但既没有从中登记任何顾客要求，也没有记录“无特定要求”的评审结论。");
    const chinese = ["index.html", "findings.html", "customers/NES.html", ...["not-addressed", "forced-decision", "review-late", "training-overdue", "implementation-overdue"].map((l) => `lists/csr-${l}.html`)];
    expect(chinese.filter((page) => /\bCSR\b/.test(zh(page).replace(/<style>[\s\S]*?<\/style>/g, "")))).toEqual([]);
  });
});

describe("the symbol conversion table", () => {
  const ids = (dir: string, registers: typeof auditRegisters) => registers(registerContext(loadRepository(dir), "zh-CN"), "2026-11-27").map((t) => t.id);

  it("is left out of a GJB 9001C repository's workbook and site while symbols.yaml has no entry, and kept for csr import", async () => {
    const gjb = withoutSymbols();
    expect(ids(gjb, auditRegisters)).not.toContain("symbols");
    expect(ids(gjb, allRegisters)).toContain("symbols");
    const out = join(tempDir(), "体系清单.xlsx");
    const result = await csrInProcess(["-C", gjb, "export", "--out", out, "--today", "2026-11-27"], { lang: null });
    // The clause matrices' hint (its catalog is provisional), for the one who runs the command.
    expect([result.code, result.stderr]).toEqual([0, `已写入 ${out}\nGJB 9001C-2017 的条款目录是暂定的：可在本库 standards/GJB9001C.yaml 中修正或补充。\n`]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "过程清单",
      "条款覆盖矩阵 GJB9001C",
      "条款过程文件对照 GJB9001C",
      "顾客清单",
      // GJB 9001C's wording: 顾客特定要求 is IATF 16949's term (i18n/terms.ts).
      "顾客要求矩阵",
      "顾客要求清单",
      "评审及时性",
      // The quality objectives of the year (GJB 9001C 6.2), as the example's objectives.yaml has them (rec82 5).
      "质量目标及实现情况",
      "人员名单",
      // The example's 关键工序 operators are qualified (people.yaml skills).
      "多能工矩阵",
      "培训记录",
      "未完成培训",
      "2026年度培训计划",
      "程序文件一览表",
      "受控文件清单",
      "表单清单",
      "外来文件清单",
      "作废文件清单",
      "发放回收记录",
      "文件定期评审记录",
      "到期记录清单",
      // Its 特性分类表 CS/QR-009-02 (GJB 909A, 190).
      "关键件重要件项目明细表",
      // GJB 9001C 8.4: the approved supplier list (合格供方名录), empty too.
      "合格供方名录",
      // The record of first article inspections (GJB 9001C-2017 8.5.1), as the example's first-articles.yaml has them.
      "首件鉴定台账",
      "内部审核方案",
      "2026年度内部审核计划",
      "内部审核记录",
      "管理评审输入",
      // The previous month's report to the 军代表 (质量监督月报, GJB 9001C 4.4; tester81 J7).
      "质量监督月报",
      // GJB 9001C 10.2: each record is a quality problem brought to 归零 (tester66 N7).
      "质量问题归零及纠正措施台账",
    ]);
  });

  it("is there in a GJB 9001C repository as soon as symbols.yaml has an entry", () => {
    const dir = tempDir();
    cpSync(GJB, dir, { recursive: true });
    writeFileSync(join(dir, "symbols.yaml"), "symbols:\n  - { customer: NES, customer_symbol: G, customer_class: 关键特性, symbol: ★, class: 关键 }\n");
    expect(ids(dir, auditRegisters)).toContain("symbols");
  });

  it("says why it is empty when csr list symbols has nothing to show, in the terms of GJB 9001C (特性分类, not FMEA and control plans)", async () => {
    const result = await csrInProcess(["-C", withoutSymbols(), "list", "symbols", "--format", "json", "--today", "2026-11-27"], { lang: null });
    // The register says what it holds and names no file; where the symbols are recorded is the hint on stderr.
    expect((JSON.parse(result.stdout) as { rows: unknown[]; notes: string[] }).notes).toEqual([
      "没有登记顾客的特性分类符号：没有顾客规定自己的符号时，设计文件、工艺文件和检验文件只用本公司标注关键特性、重要特性的符号。",
    ]);
    expect(result.stderr).toContain("顾客规定了符号时，用 'csr symbol add' 登记其与本公司符号的对照（写入 symbols.yaml）。");
  });
});
