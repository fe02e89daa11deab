import { sentences, t } from "../../../i18n/index.js";
import { openSupplierActions } from "../../../model/actions.js";
import { actionGrade, gradeAtOrBelow, latestRating, maySupply, statusOn, suppliers } from "../../../model/suppliers.js";
import type { Rule } from "../../rule.js";

/**
 * A supplier that may supply (approved or conditional today) whose latest performance rating (csr supplier rate) is
 * graded at or below qms.yaml `suppliers.action_grade` (default C) has no open corrective action asked of it (SCAR,
 * csr action open --supplier): IATF 16949 8.4.2.4 has the organisation monitor supplier performance and 8.4.2.5 (supplier
 * development) and 10.2.3 act on a supplier performing poorly. A warning: the rating stands, the action is what is missing.
 */
export const rule: Rule = {
  id: "supplier/rating-without-action",
  severity: "warning",
  scope: { files: "own" },
  clock: "follow-up",
  dependsOn: ["qms.yaml"],
  summary: "A supplier's latest performance rating is at or below qms.yaml's action grade (default C) and no corrective action (SCAR) of it is open.",
  docs: {
    description:
      "A supplier of `suppliers/` whose status today is approved or conditional has as its latest entry under `ratings` (written by `csr supplier rate`: quality PPM, on-time delivery, disruptions at the customer, the grade) a grade at or below `suppliers.action_grade` of qms.yaml (B, C or D; default C), and no corrective action record of source `supplier` naming it is open today (`csr action open --supplier`, a SCAR). {{cite:supplier-monitoring}} has the organisation monitor its suppliers' performance, and a supplier rated poorly is asked to improve: a rating of C or D with nothing done about it is what a certification auditor asks about. Reported on the rating's `grade`. A supplier suspended, disqualified or not yet evaluated is not reported: nothing is bought from it.",
    bad: `
ratings:
  - {period: 2026-Q3, ppm: 850, on_time: 88, disruptions: 1, grade: C, date: 2026-10-08, by: zhang}   # no open SCAR of CZXS
`,
    good: `
ratings:
  - {period: 2026-Q3, ppm: 850, on_time: 88, disruptions: 1, grade: C, date: 2026-10-08, by: zhang}   # actions/SCAR-2026-003.yaml: source supplier, supplier CZXS, open
`,
    fix: "Ask the supplier for its corrective action: `csr action open --supplier <code> --title <problem> --received <date> --owner <person> --due D3=<date> D5=<date>`; or, if the supplier is no longer to supply, record that decision with `csr supplier update <code> --status suspended`. Set the grade that asks for an action with `suppliers.action_grade` in qms.yaml.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const threshold = actionGrade(ctx.repo);
    const actions = ctx.repo.actions.map((a) => a.value);
    for (const supplier of suppliers(ctx.repo)) {
      const record = supplier.record;
      if (!record || !ctx.keeps(record.file) || !maySupply(statusOn(supplier, today))) continue;
      const latest = latestRating(supplier, today);
      if (!latest || typeof latest.rating.grade !== "string" || !gradeAtOrBelow(latest.rating.grade, threshold)) continue;
      if (openSupplierActions(actions, supplier.code, today).length > 0) continue;
      ctx.report(
        { file: record.file, path: [...record.path, "ratings", latest.index, "grade"] },
        sentences(
          t("rule.supplier/rating-without-action", { supplier: t("people.department-choice", { code: supplier.code, name: supplier.name }), period: latest.rating.period, grade: latest.rating.grade, threshold }),
          t("rule.supplier/rating-without-action.fix", { code: supplier.code }),
        ),
      );
    }
  },
};
