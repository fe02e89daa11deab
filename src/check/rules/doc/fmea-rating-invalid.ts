import { t } from "../../../i18n/index.js";
import { ratingProblems } from "../../../model/characteristics.js";
import { documentSections } from "../../../model/sections.js";
import type { Rule } from "../../rule.js";

/**
 * A severity, occurrence or detection cell of a PFMEA's or control plan's characteristic table that is written and is
 * not a rating 1–10 (S = 11, O = 高), an action priority cell that is not H/M/L (高/中/低), and a row rated S, O and D
 * without its AP where the table has the column (AIAG-VDA FMEA Handbook 2019: S, O, D rated 1–10, AP High/Medium/Low;
 * IATF 16949 8.3.3.3). The characteristic rows leave such a value out without a word (model/characteristics.ts
 * ratingProblems); one finding per cell, at the cell.
 */
export const rule: Rule = {
  id: "doc/fmea-rating-invalid",
  severity: "error",
  scope: { files: "own" },
  summary: "A PFMEA's or control plan's S, O or D is not a rating 1–10, or its AP is not H/M/L or is missing.",
  docs: {
    description:
      "In a document with `role: pfmea` or `role: control-plan`, a cell of a characteristic table (read by its headers, as `symbol/characteristic-untraced` reads it) under severity, occurrence or detection (S/严重度, O/频度, D/探测度) holds something other than a whole number from 1 to 10 (`11`, `0`, `7.5`, `高`), or a cell under the action priority (AP/措施优先级) holds something other than H, M or L (高/中/低, High/Medium/Low); or a row whose S, O and D are all rated has an empty AP in a table that has the column. The AIAG-VDA FMEA Handbook rates S, O and D on scales of 1 to 10 and gives each failure an action priority H, M or L; a released PFMEA with `S = 11` or `O = 高` is a finding of an audit of the risk analysis behind the special characteristics ({{cite:special-characteristics}}), and csr cannot read such a value: the row is traced without it. One finding per cell, at the cell, naming the row's operation and characteristic. A cell written blank, `-`, `—` or `/` is not rated and not reported (a continued row); csr does not compute the AP from S, O and D. Withdrawn documents are not checked.",
    bad: `
    text: |
      | 工序 | 失效模式 | S | O | D | AP |
      |---|---|---|---|---|---|
      | OP30 | 扭矩不足 | 11 | 高 | 3 | H |
`,
    good: `
    text: |
      | 工序 | 失效模式 | S | O | D | AP |
      |---|---|---|---|---|---|
      | OP30 | 扭矩不足 | 10 | 4 | 3 | H |
`,
    fix: "Rate S, O and D with a whole number 1–10 from the rating tables of the FMEA handbook your customer requires (AIAG-VDA 2019), and write the AP as H, M or L (高/中/低) from its AP table; leave a cell blank (or `-`) where a row is not rated. Revise and release the document.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      if ((doc.role !== "pfmea" && doc.role !== "control-plan") || doc.status === "obsolete" || !doc.sections || !ctx.keeps(file)) continue;
      for (const { number, section, path } of documentSections(doc)) {
        if (!section.text?.includes("|")) continue;
        for (const problem of ratingProblems(section.text)) {
          const where = {
            document: doc.id,
            number,
            title: section.title,
            line: problem.line,
            op: problem.op,
            characteristic: problem.characteristic || problem.op,
            cell: problem.cell,
            column: problem.column === "ap" ? "AP" : t(`rule.doc/fmea-rating-invalid.${problem.column}`),
          };
          const message =
            problem.kind === "missing"
              ? t("rule.doc/fmea-rating-invalid.ap-missing", where)
              : problem.column === "ap"
                ? t("rule.doc/fmea-rating-invalid.ap", where)
                : t("rule.doc/fmea-rating-invalid.rating", where);
          ctx.report({ file, path: [...path, "text"], quote: problem.text, quoteAt: problem.at }, message);
        }
      }
    }
  },
};
