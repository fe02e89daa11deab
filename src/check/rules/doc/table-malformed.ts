import { documentSections } from "../../../model/sections.js";
import { markdownTables, tableRowCells } from "../../../model/markdown-tables.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** What is wrong with one Markdown table of a section's text: the 1-based line of the text it is found on. */
export type TableProblem =
  | { kind: "separator"; line: number; header: number; separator: number }
  | { kind: "row"; line: number; row: number; cells: number; header: number };

/**
 * A form's fields are mostly a Markdown table (csr new form's hint), and a table that markdown-it
 * does not read as one is printed as raw pipes on the controlled copy (tester23 F7): a delimiter row
 * (`|---|---|`) with another number of cells than the header row above it is no table at all, and a
 * body row with more cells than the header loses the extra ones silently. Lines in a ``` or ~~~
 * fence are code, not tables. Cells are split on `|` not escaped as `\|`.
 */
export function tableProblems(text: string): TableProblem[] {
  const lines = text.split(/\r?\n/);
  const problems: TableProblem[] = [];
  for (const { header: at, delimiter, last } of markdownTables(lines)) {
    const header = tableRowCells(lines[at]!);
    const separator = tableRowCells(lines[delimiter]!);
    if (header !== separator) {
      problems.push({ kind: "separator", line: delimiter + 1, header, separator });
      continue;
    }
    for (let j = delimiter + 1; j <= last; j++) {
      const count = tableRowCells(lines[j]!);
      if (count > header) problems.push({ kind: "row", line: j + 1, row: j - delimiter, cells: count, header });
    }
  }
  return problems;
}

export const rule: Rule = {
  id: "doc/table-malformed",
  severity: "error",
  scope: { files: "own" },
  summary: "A Markdown table in a section's text would not print as a table, or would drop cells.",
  docs: {
    description:
      "A section's text has a Markdown table whose delimiter row (`|---|---|`) has another number of cells than its header row, which is then printed as the raw text with its pipes instead of a table, or a row with more cells than the header, whose extra cells are not printed. A form's fields are usually such a table: released so, the blank the shop floor fills in is unusable, and its approvers signed it. `csr release` refuses a document with this error. Tables in a code fence (```) are not checked.",
    bad: `
  - title: 表格
    text: |
      | 序号 | 零件号 | 特性 | 吉利符号 | 本公司符号 |
      |---|---|---|
`,
    good: `
  - title: 表格
    text: |
      | 序号 | 零件号 | 特性 | 吉利符号 | 本公司符号 |
      |---|---|---|---|---|
`,
    fix: "Give the delimiter row one `---` per column of the header, and each row no more cells than the header (add a header column, or write a `|` inside a cell as `\\|`).",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      if (!doc.sections) continue;
      for (const { number, section, path } of documentSections(doc)) {
        if (!section.text?.includes("|")) continue;
        for (const problem of tableProblems(section.text)) {
          const where = { document: doc.id, number, title: section.title, line: problem.line };
          ctx.report(
            { file, path: [...path, "text"] },
            problem.kind === "separator"
              ? t("rule.doc/table-malformed.separator", { ...where, header: problem.header, separator: problem.separator })
              : t("rule.doc/table-malformed.row", { ...where, row: problem.row, cells: problem.cells, header: problem.header }),
          );
        }
      }
    }
  },
};
