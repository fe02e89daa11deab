import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * Segregation of duties: whoever prepares a revision neither reviews nor approves it, and the
 * approval is not the reviewer's second signature (ISO 9001 7.5.2 c: documents are reviewed and
 * approved for adequacy; the review and the approval are each another person's judgement). On a
 * GJB document the preparer does not countersign (会签), sign the standardization check (标准化审查)
 * nor sign as the military representative (军代表), whose signature is not the approver's either
 * (`csr release`, `csr sign` and `csr import` refuse the same: refuseGjbSharedDuties).
 */
export const rule: Rule = {
  id: "doc/self-approval",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "The current revision is reviewed, approved, countersigned, checked for standardization or signed as military representative by the person who prepared it, or two of those signatures are one person's.",
  docs: {
    description:
      "A current revision whose approver (批准) or reviewer (审核) is also its preparer (编制), or whose reviewer also approved it; on a GJB document, whose countersignature (会签), standardization check (标准化审查) or military representative (军代表) signature is the preparer's, or whose military representative also approved it. Segregation of duties: the review, the countersignatures of the other departments concerned, the standardization check and the approval are each another person's judgement of the change, and the military representative signs for the customer, not for the organisation.",
    bad: `
    prepared: { by: wang, date: 2024-01-10 }
    reviewed: { by: li, date: 2024-01-10 }
    approved: { by: wang, date: 2024-01-10 }
`,
    good: `
    prepared: { by: zhang, date: 2024-01-10 }
    reviewed: { by: li, date: 2024-01-10 }
    approved: { by: wang, date: 2024-01-10 }
`,
    fix: "Have another person review or approve the revision, as the message says. `csr release` refuses to record such signatures in the first place.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      const current = currentRevision(doc);
      if (!current) continue;
      const last = doc.revisions!.length - 1;
      const prepared = current.prepared?.by;
      const reviewed = current.reviewed?.by;
      const approved = current.approved?.by;
      const data = { version: current.version, document: doc.id };
      if (approved !== undefined && approved === prepared) {
        ctx.report({ file, path: ["revisions", last, "approved", "by"] }, t("rule.doc/self-approval", { ...data, person: approved }));
      }
      if (reviewed !== undefined && reviewed === prepared) {
        ctx.report({ file, path: ["revisions", last, "reviewed", "by"] }, t("rule.doc/self-approval.reviewed", { ...data, person: reviewed }));
      } else if (reviewed !== undefined && reviewed === approved) {
        ctx.report({ file, path: ["revisions", last, "approved", "by"] }, t("rule.doc/self-approval.reviewed-approved", { ...data, person: reviewed }));
      }
      // 会签 is the agreement of the other departments concerned: the preparer's own is none.
      current.countersigned?.forEach((signature, i) => {
        if (signature.by === prepared) ctx.report({ file, path: ["revisions", last, "countersigned", i, "by"] }, t("rule.doc/self-approval.countersigned", { ...data, person: signature.by }));
      });
      const standardization = current.standardization?.by;
      if (standardization !== undefined && standardization === prepared) {
        ctx.report({ file, path: ["revisions", last, "standardization", "by"] }, t("rule.doc/self-approval.standardization", { ...data, person: standardization }));
      }
      const military = current.military_representative?.by;
      if (military !== undefined && military === prepared) {
        ctx.report({ file, path: ["revisions", last, "military_representative", "by"] }, t("rule.doc/self-approval.military-representative", { ...data, person: military }));
      } else if (military !== undefined && military === approved) {
        ctx.report({ file, path: ["revisions", last, "military_representative", "by"] }, t("rule.doc/self-approval.military-representative-approved", { ...data, person: military }));
      }
    }
  },
};
