import { sectionNumberProblems } from "../../../model/sections.js";
import type { Rule } from "../../rule.js";

/** Section numbers are what CSRs and other documents cite; an ambiguous number makes a citation ambiguous. */
export const rule: Rule = {
  id: "doc/section-number",
  severity: "error",
  summary: "A document numbers two sections alike, or numbers a subsection outside its parent.",
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      for (const problem of sectionNumberProblems(doc)) ctx.report({ file, path: problem.path }, `${doc.id}: ${problem.message}`);
    }
  },
};
