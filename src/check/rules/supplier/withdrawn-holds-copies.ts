import { sentences, t } from "../../../i18n/index.js";
import { stillControlled } from "../../../model/distribution.js";
import { approvalOn, suppliers } from "../../../model/suppliers.js";
import type { Rule } from "../../rule.js";

/**
 * A supplier suspended (暂停供货) or disqualified (取消资格) on `today` still holds a controlled copy of a
 * document of documents/ (out, neither recalled nor recorded lost, destroyed or kept as 作废留用): a
 * supplier no longer supplying works to nothing of ours, and the copy is out of the organisation's control
 * (IATF 16949 7.5.3.2.1, 8.4.2.4). Reported on the copy, where csr recall records its return.
 */
export const rule: Rule = {
  id: "supplier/withdrawn-holds-copies",
  severity: "warning",
  // The suppliers' statuses (suppliers/, qms.yaml: every change of theirs runs the whole check) and each document's copies to them.
  scope: { files: "all", reads: (f) => (f.kind === "document" ? (f.data.distribution ?? []).map((c) => [c.to, c.copy, c.recalled, !!c.lost, !!c.destroyed, !!c.retained]) : null) },
  dependsOn: ["qms.yaml"],
  summary: "A supplier suspended or disqualified still holds a controlled copy.",
  docs: {
    description:
      "A supplier of `suppliers/` whose status today (its last `approvals` entry by then) is `suspended` (暂停供货) or `disqualified` (取消资格) still holds a controlled copy of a document (an entry of the document's `distribution` to the supplier's code, neither recalled nor recorded lost, destroyed or kept as 作废留用). Nothing is bought from it any more, so the copy serves no work of ours and is out of the organisation's control ({{cite:document-control}}; {{cite:supplier-monitoring}} monitoring of suppliers): take it back, or have the supplier destroy it and record so. Reported on the copy.",
    bad: `
  - {copy: 4, version: A/0, to: NJBZ, holder: wangl, issued_by: wang, date: 2026-03-02}   # NJBZ suspended since 2026-10-01
`,
    good: `
  - {copy: 4, version: A/0, to: NJBZ, holder: wangl, issued_by: wang, date: 2026-03-02, recalled: 2026-10-20, returned_by: wangl, received_by: li}
`,
    fix: "Recall the copy: `csr recall WI-008-01 --copy 4 --date <date> --received-by <person>`, or record it destroyed by the supplier with `--destroyed`.",
  },
  check(ctx) {
    const { today } = ctx.options;
    const withdrawn = new Map(
      suppliers(ctx.repo).flatMap((s) => {
        const approval = approvalOn(s, today);
        return approval && (approval.status === "suspended" || approval.status === "disqualified") ? [[s.code, { supplier: s, approval }] as const] : [];
      }),
    );
    if (withdrawn.size === 0) return;
    for (const { value: doc, file, path } of ctx.index.documents.values()) {
      if (!ctx.keeps(file)) continue;
      (doc.distribution ?? []).forEach((copy, i) => {
        const held = withdrawn.get(copy.to);
        if (!held || !stillControlled(copy)) return;
        ctx.report(
          { file, path: [...path, "distribution", i, "to"] },
          sentences(
            t("rule.supplier/withdrawn-holds-copies", { id: doc.id, copy: copy.copy, version: copy.version, supplier: t("people.department-choice", { code: held.supplier.code, name: held.supplier.name }), status: t(`supplier.status.${held.approval.status}`), date: held.approval.date }),
            t("rule.supplier/withdrawn-holds-copies.fix", { id: doc.id, copy: copy.copy }),
          ),
        );
      });
    }
  },
};
