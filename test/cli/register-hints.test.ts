/**
 * A register handed to an auditor holds the register alone, in its one language: the hints for the
 * one who runs the command (what has no English text and the command that adds it; the command that
 * lists the drafts left out, records a customer's approval or lists a period; the qms.yaml setting
 * for inherited clauses) go to stderr, in every format of csr list, csr matrix and csr changes and
 * in csr export's workbook (tester23 F12), while the notes under the table say only what the
 * register holds. The registers are printed by csr in this process (csrInProcess: what a run writes to
 * stdout and to stderr is captured apart, as from the binary); csr export, the Chinese list and csr
 * changes run the built binary.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { committedFixture, csr, csrInProcess, git, ROOT, tempDir } from "../helpers.js";

const ACME = join(ROOT, "examples/acme-auto");
const FORMS =
  "17 forms keep their records with a retention period or location that has no English text, printed as written (HH-F-045, QR-001-01, QR-001-02, QR-001-03, QR-002-01, ...): add it with 'csr set <form> --retention-en <text> --location-en <text>'.\n";
/** The cells of an English CSR list or matrix that quote the records in Chinese (tester65 N1). */
const QUOTED = (count: number) => `${count} cells are quoted as written in the organisation's records (Chinese); csr does not translate their text.\n`;
const CATEGORIES = "8 categories have no English name and are printed as written: add them under csr.categories_en in qms.yaml ({category: English name}).\n";

describe("operator hints of an English register go to stderr, never into it (tester23 F12)", () => {
  it.each(["md", "html", "csv", "xlsx", "pdf"])("csr list forms and csr list csr --format %s", { timeout: 120_000 }, async (format) => {
    for (const [what, hint] of [["forms", FORMS], ["csr", CATEGORIES]] as const) {
      const out = ["xlsx", "pdf"].includes(format) ? join(tempDir(), `${what}.${format}`) : undefined;
      const run = await csrInProcess(["-C", ACME, "list", what, "--today", "2026-11-27", "--format", format, ...(out ? ["--out", out] : [])], { lang: "en" });
      // A CSV's reader is told on stderr how many of its cells are quoted in Chinese; the other formats carry it as a note (tester65 N1).
      const quoted = what === "csr" && format === "csv" ? QUOTED(57) : "";
      expect([run.code, run.stderr]).toEqual([0, (out ? `wrote ${out}\n` : "") + quoted + hint]);
      // A workbook and a PDF are compressed: what they hold is the notes, which no longer carry the hint (the text formats show it).
      if (!out) expect(run.stdout).not.toMatch(/retention-en|categories_en/);
    }
  });

  it("csr export: each hint once on stderr, none in the workbook", { timeout: 120_000 }, () => {
    const out = join(tempDir(), "registers.xlsx");
    const run = csr(["-C", ACME, "export", "--today", "2026-11-27", "--out", out], { lang: "en" });
    // The drafts' hint first, then in the order of the sheets (179ef57b): the CSR list (context), the forms (support), the symbol table (operation).
    expect([run.code, run.stderr]).toEqual([0, `wrote ${out}\n${DRAFTS.en}${CATEGORIES}${FORMS}${SYMBOLS_EN(6, "BCM S")}`]);
  });

  it("in Chinese there is nothing to say: the register is in Chinese", () => {
    const run = csr(["-C", ACME, "list", "forms", "--today", "2026-11-27", "--format", "md"], { lang: "zh-CN" });
    expect([run.code, run.stderr]).toEqual([0, ""]);
  });
});

const REGISTERS = join(ROOT, "test/fixtures/audit/registers");
const DRAFTS = {
  en: "'csr list documents --status draft' or '--status all' lists the documents not released yet.\n",
  "zh-CN": "用 'csr list documents --status draft' 或 '--status all' 列出尚未发布的文件。\n",
};
const SYMBOLS = {
  en: (code: string) => `Where a customer requires to approve the symbol table, record its approval with 'csr symbol approve ${code} --by <who> --date <date> --evidence <where>'.\n`,
  "zh-CN": (code: string) => `顾客要求认可对照表时，取得认可后用 'csr symbol approve ${code} --by <认可人> --date <日期> --evidence <依据>' 登记。\n`,
};
/** The rows printing their meaning or our class in Chinese for want of English (tester65 N11): said in English only. */
const SYMBOLS_EN = (count: number, example: string) =>
  `${count} rows of the table have no English meaning or class and print them as written: add the English with 'csr symbol update <customer> <symbol> --meaning-en <text> --class-en <text>' (e.g. ${example}).\n`;
const NO_FORM = {
  en: "Where the table is a controlled record, release its form and name it with 'csr organisation update --register-form symbols=<form number>'.\n",
  "zh-CN": "对照表须作为受控记录时，发布其表单后用 'csr organisation update --register-form symbols=<表单编号>' 指定。\n",
};
const INHERITED = {
  en: "To cover the inherited clauses, name them in the documents that meet them; or, where a clause addressed covers its sub-clauses, set coverage.inherit_from_parent: true in qms.yaml.\n",
  "zh-CN": "要覆盖继承的条款，请在满足这些条款的文件中直接对应；如果对应上级条款即覆盖其下级条款，请在 qms.yaml 中设置 coverage.inherit_from_parent: true。\n",
};
/** What a register's notes must never hold: a command, an option, a qms.yaml key. */
const OPERATOR = /csr (list|symbol|changes|check|release)|--status|inherit_from_parent/;

/** The lines of a Markdown register between its table and its signature lines: its notes. */
function mdNotes(stdout: string): string[] {
  const lines = stdout.split("\n");
  const last = lines.length - 1 - [...lines].reverse().findIndex((line) => line.startsWith("|"));
  return lines.slice(last + 2, lines.findIndex((line, i) => i > last && line === "" && lines[i + 1]?.includes("________")));
}

describe("the notes under a register say what it holds; what to run goes to stderr, in the same one language", () => {
  const cases = {
    "csr list documents": { args: ["list", "documents"], en: ["1 more document not released yet (draft or in review) is not a controlled document and is not listed."], "zh-CN": ["另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。"], hints: [DRAFTS] },
    // The table is a controlled record: without registers.forms.symbols it says it is not on one (tester58 F16).
    "csr list symbols": {
      args: ["list", "symbols"],
      en: ["No customer approval recorded: Ford Motor Company (2 rows).", "This table is not on a controlled form: qms.yaml names no registers.forms.symbols, so the printed table has no form number, revision or signatures."],
      "zh-CN": ["未登记顾客认可：福特汽车 2 行。", "本表未使用受控表单：qms.yaml 未指定 registers.forms.symbols，打印件没有表单编号、版本和签署栏。"],
      hints: [{ en: SYMBOLS.en("FORD"), "zh-CN": SYMBOLS["zh-CN"]("FORD") }, NO_FORM, { en: SYMBOLS_EN(2, "FORD ▽"), "zh-CN": "" }],
    },
    "csr matrix clauses": {
      args: ["matrix", "clauses"],
      en: [
        "Coverage: 8/13 (61.5%) (every applicable numbered clause counted)",
        "Of these, covered by procedures: 3/13 (23.1%) (clauses a procedure itself addresses)",
        'Named by a process only, no document: 2/13 (15.4%) (processes.yaml lists them, no controlled document addresses them; their coverage cells read "process only")',
        "5 clauses with no procedure (covered by the quality manual, a process or other documents only): 8, 8.5, 8.5.2, 9, 9.3",
        "● addressed directly; △ only a parent clause is named (inherited); ○ through the documents it lists",
        "Inherited clauses not counted as covered: 2; only a clause above each is addressed.",
        "Not covered: 4 Context of the organization",
        "Not covered: 4.1 Understanding the organization",
        "Not covered: 4.2 Interested parties",
        "Inherited only: 7.5.1 General",
        "Inherited only: 7.5.3 Control of documented information",
        "1 more document not released yet (draft or in review) is not a controlled document and is not listed.",
      ],
      "zh-CN": [
        "覆盖率：8/13 (61.5%)（计每个适用的编号条款）",
        "其中由程序文件覆盖：3/13 (23.1%)（只计程序文件本身对应的条款）",
        "仅由过程对应、无文件：2/13 (15.4%)（processes.yaml 列出，但没有受控文件对应，覆盖列记为“仅过程对应”）",
        "无程序文件对应的条款 5 条（仅由质量手册、过程或其他文件覆盖）：8、8.5、8.5.2、9、9.3",
        "● 直接对应；△ 仅对应上级条款（继承）；○ 通过下级文件对应",
        "由上级条款继承的 2 条不计为已覆盖：文件只对应了其上级条款。",
        "未覆盖：4 组织环境",
        "未覆盖：4.1 理解组织及其环境",
        "未覆盖：4.2 理解相关方的需求和期望",
        "仅继承：7.5.1 总则",
        "仅继承：7.5.3 成文信息的控制",
        "另有 1 份文件尚未发布（草稿或审批中），不是受控文件，未列入。",
      ],
      hints: [INHERITED, DRAFTS],
    },
  } as const;

  for (const [command, expected] of Object.entries(cases)) {
    it.each(["en", "zh-CN"] as const)(`${command} --lang %s`, { timeout: 120_000 }, async (lang) => {
      const stderr = expected.hints.map((hint) => hint[lang]).join("");
      const md = await csrInProcess(["-C", REGISTERS, ...expected.args, "--today", "2026-11-27", "--format", "md"], { lang });
      expect([md.code, md.stderr, mdNotes(md.stdout).map((line) => line.trimEnd())]).toEqual([0, stderr, expected[lang]]);
      // The other formats: the same notes (JSON), none of the hints in the register, the same stderr.
      const json = await csrInProcess(["-C", REGISTERS, ...expected.args, "--today", "2026-11-27", "--format", "json"], { lang });
      expect([json.code, json.stderr, (JSON.parse(json.stdout) as { notes: string[] }).notes]).toEqual([0, stderr, expected[lang]]);
      for (const format of ["table", "html", "csv"]) {
        const run = await csrInProcess(["-C", REGISTERS, ...expected.args, "--today", "2026-11-27", "--format", format], { lang });
        expect([run.code, run.stderr, OPERATOR.test(run.stdout)]).toEqual([0, stderr, false]);
      }
      const out = join(tempDir(), "register.xlsx");
      expect(await csrInProcess(["-C", REGISTERS, ...expected.args, "--today", "2026-11-27", "--out", out], { lang })).toEqual({ code: 0, stdout: "", stderr: (lang === "en" ? `wrote ${out}\n` : `已写入 ${out}\n`) + stderr });
    });
  }

  it.each(["en", "zh-CN"] as const)("a filtered register says it is filtered; the command for the whole one is on stderr (--lang %s)", async (lang) => {
    const run = await csrInProcess(["-C", REGISTERS, "list", "csr", "--customer", "FORD", "--today", "2026-11-27", "--format", "json"], { lang });
    expect([run.code, run.stderr, (JSON.parse(run.stdout) as { notes: string[] }).notes[0]]).toEqual(
      lang === "en"
        ? [
            0,
            QUOTED(7) +
              "The whole customer-specific requirements list: csr list csr.\n" +
              "2 CSRs have no English title and are printed with their Chinese one: add it with 'csr set <id> --title-en <text>'.\n" +
              "1 category has no English name and is printed as written: add it under csr.categories_en in qms.yaml ({category: English name}).\n",
            "This register is filtered (customer Ford Motor Company) and is not the whole customer-specific requirements list."]
        : [0, "完整的顾客特定要求清单：csr list csr。\n", "本表按条件筛选（顾客：福特汽车），不是完整的顾客特定要求清单。"],
    );
  });

  it.each(["en", "zh-CN"] as const)("csr changes between two commits: how to list a period instead is on stderr (--lang %s)", { timeout: 120_000 }, (lang) => {
    const dir = committedFixture("test/fixtures/audit/registers");
    const at = (day: string) => ({ GIT_AUTHOR_DATE: `${day}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${day}T10:00:00+08:00` });
    // committedFixture committed everything today: that commit, dated a fixed day.
    git(dir, ["commit", "-q", "--amend", "--no-edit", "--reset-author"], at("2026-11-02"));
    writeFileSync(join(dir, "people.yaml"), "  - id: sun\n    name: 孙伟\n    department: QA\n    roles: [author]\n", { flag: "a" });
    git(dir, ["commit", "-qam", "sun"], at("2026-11-03"));
    const run = csr(["-C", dir, "changes", "HEAD~1", "HEAD", "--format", "md"], { lang, env: { TZ: "Asia/Shanghai" } });
    expect([run.code, run.stderr]).toEqual([
      0,
      lang === "en" ? "This report compares two commits; to list the changes by the records' dates in a period: csr changes 2026-11-02 2026-11-03.\n" : "本报告按两个提交比较；要按记录的日期列出某一期间的变更：csr changes 2026-11-02 2026-11-03。\n",
    ]);
    expect(OPERATOR.test(run.stdout)).toBe(false);
  });
});
