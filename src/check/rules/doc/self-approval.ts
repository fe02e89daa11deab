import { currentRevision } from "../../../model/index.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";

/**
 * Segregation of duties: whoever prepares a revision neither reviews nor approves it, and the
 * approval is not the reviewer's second signature (ISO 9001 7.5.2 c: documents are reviewed and
 * approved for adequacy; the review and the approval are each another person's judgement).
 */
export const rule: Rule = {
  id: "doc/self-approval",
  severity: "error",
  holdsForParts: true,
  scope: { files: "own" },
  summary: "The current revision is reviewed or approved by the person who prepared it, or reviewed and approved by one person.",
  docs: {
    description:
      "A current revision whose approver (批准) or reviewer (审核) is also its preparer (编制), or whose reviewer also approved it. Segregation of duties: the review and the approval are each another person's judgement of the change.",
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
    }
  },
};
