import { t } from "../../../i18n/index.js";
import type { DocumentRole } from "../../../model/types.js";
import type { Rule } from "../../rule.js";

/**
 * The role a form's title names: a control plan, a PFMEA (潜在失效模式及后果分析), a process flow chart — the title
 * being one (its name ends with the term, a bracketed remark after it left aside: 「D1制动软管总成控制计划（生产）」,
 * 「过程FMEA（PFMEA）」), not a record about one (「控制计划变更提交记录」 is a record of submissions: no role).
 */
export function roleByTitle(title: string): DocumentRole | undefined {
  let text = title.normalize("NFKC").trim();
  // A remark in brackets at the end (（PFMEA）, (OP30)) says which one, not what it is.
  for (let rest = text.replace(/\s*\([^()]*\)\s*$/, ""); rest !== text && rest !== ""; rest = text.replace(/\s*\([^()]*\)\s*$/, "")) text = rest;
  if (/(PFMEA|潜在失效模式及(其)?后果分析|潜在失效模式(与|和)影响分析|过程\s*FMEA|process\s+FMEA)$/i.test(text)) return "pfmea";
  if (/(控制计划(表)?|control\s+plan)$/i.test(text)) return "control-plan";
  if (/(过程流程图|工艺流程图|process\s+flow(\s+(chart|diagram))?)$/i.test(text)) return "process-flow";
  if (/(特性分类表|characteristic\s+classification)$/i.test(text)) return "characteristic-classification";
  return undefined;
}

const LABELS = { pfmea: "set.role.pfmea", "control-plan": "set.role.control-plan", "process-flow": "set.role.process-flow", "characteristic-classification": "set.role.characteristic-classification" } as const;

/**
 * A form titled as a control plan, a PFMEA or a process flow chart without a `role`: its characteristic rows are
 * then not read, so a special characteristic missing from it goes unreported (symbol/characteristic-untraced).
 */
export const rule: Rule = {
  id: "doc/role-missing",
  severity: "warning",
  scope: { files: "own" },
  summary: "A form titled as a control plan, PFMEA or process flow chart has no role, so its characteristics are not traced.",
  docs: {
    description:
      "A form whose title is that of a control plan (ending with 控制计划), a PFMEA (PFMEA, 潜在失效模式及后果分析, 过程FMEA), a process flow chart (过程流程图) or a 特性分类表 (GJB 190; its parts and 关键/重要 characteristics make the 关键件、重要件项目明细表, `csr list key-parts`) has no `role`; a bracketed remark at the end is left aside, and a record about one (控制计划变更提交记录) is not one. csr reads the characteristic rows of a document by its role, not its title: without one, the special characteristics its tables mark are not traced to the PFMEA, the control plan and the work instructions ({{cite:special-characteristics}}; `symbol/characteristic-untraced`, `doc/ecn-out-of-order`). Withdrawn forms are not reported.",
    bad: `
title: D1制动软管总成控制计划
level: 4
kind: form
department: QA
status: draft
`,
    good: `
title: D1制动软管总成控制计划
level: 4
kind: form
department: QA
role: control-plan
status: draft
`,
    fix: "Give the form its role: `csr set <id> --role control-plan` (or `pfmea`, `process-flow`, `characteristic-classification`); register data, no new revision.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.repo.documents) {
      if (doc.kind !== "form" || doc.role !== undefined || doc.status === "obsolete" || !ctx.keeps(file)) continue;
      const role = roleByTitle(doc.title);
      if (role === undefined) continue;
      ctx.report({ file, path: ["title"] }, t("rule.doc/role-missing", { document: doc.id, title: doc.title, role, kind: t(LABELS[role]) }));
    }
  },
};
