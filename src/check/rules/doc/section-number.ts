import { sectionNumberProblems } from "../../../model/sections.js";
import { numberedSections } from "./numbered-sections.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/** Section numbers are what CSRs and other documents cite; an ambiguous number makes a citation ambiguous. */
export const rule: Rule = {
  id: "doc/section-number",
  severity: "error",
  scope: { files: "own" },
  summary: "A document numbers two sections alike, or numbers a subsection outside its parent.",
  docs: {
    description:
      "A document that gives two sections the same number, or declares a number for a subsection that does not belong to its parent (`number: \"4.2\"` inside section 5). CSRs and other documents cite sections by number; a number that is ambiguous makes the citation ambiguous.",
    bad: `
  - title: 适用范围        # 2
  - number: 2
    title: 职责            # 2 again
`,
    good: `
  - title: 适用范围
  - title: 职责
`,
    fix: "Give each section its own number, or leave `number` out so the section follows on from the one before it.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      for (const problem of sectionNumberProblems(doc, numberedSections(ctx.repo, doc))) ctx.report({ file, path: problem.path }, t("rule.doc/section-number", { document: doc.id, problem: problem.message }));
    }
  },
};
