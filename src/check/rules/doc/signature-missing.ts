import { conjunction, language, t } from "../../../i18n/index.js";
import { documentLayoutOwner } from "../../../model/layouts.js";
import { currentRevision, documentLayout, GJB_SIGNATURES, issuedOn, layoutSignatures } from "../../../model/index.js";
import { revisionDate } from "../../../model/revision.js";
import type { Revision } from "../../../model/types.js";
import type { Rule } from "../../rule.js";


/**
 * A GJB document is in force with the signatures its printed header shows: 会签 of the departments
 * concerned, 标准化审查 and the military representative's (军代表), where the repository's layout
 * (qms.yaml `document_layouts`) prints them. `csr release` requires them; a document released
 * another way (imported from a register or a Word file, edited by hand) may lack them, and its
 * print would show empty signature cells. 编制 and 批准 are doc/approval-missing's.
 */
export const rule: Rule = {
  id: "doc/signature-missing",
  severity: "error",
  scope: { files: "own" },
  dependsOn: ["qms.yaml"],
  summary: "A released document's current revision lacks a 会签, 标准化审查 or 军代表 signature its printed layout shows.",
  docs: {
    description:
      "A released document whose printed layout (`document_layouts` in `qms.yaml`: its numbering family's, else its kind's, else its level's, the most specific that applies) has a countersignature (会签, `countersigned`), standardization check (标准化审查, `standardization`) or military representative (军代表, `military_representative`) cell, while its current revision records no such signature. The printed copy would show the cell empty: a GJB document is released with these signatures (`csr release` requires each one its layout prints). The preparer (编制) and the approver (批准) are `doc/approval-missing`'s.\n\nA revision is checked against the layout it was issued on: a layout with `since: <date>` applies to the revisions dated on or after that day, so a 会签 cell added to the form of procedures from 2026-12-01 on is no cell of the A/0 issued in March. A layout without `since` applies to every revision; when it has cells that an older revision lacks, the message says to record the signatures only if the paper original has them, and otherwise to give the layout the day it was introduced.",
    bad: `
# level 2, released; qms.yaml: document_layouts: [{levels: [2], signatures: [prepared, reviewed, countersigned, standardization, approved, military_representative]}]
    prepared: { by: zhang, date: 2026-11-20 }
    reviewed: { by: li, date: 2026-11-20 }
    approved: { by: wang, date: 2026-11-20 }
`,
    good: `
    prepared: { by: zhang, date: 2026-11-20 }
    reviewed: { by: li, date: 2026-11-20 }
    countersigned: [{ by: li, date: 2026-11-20 }]
    standardization: { by: zhao, date: 2026-11-20 }
    approved: { by: wang, date: 2026-11-20 }
    military_representative: { by: liujd, date: 2026-11-21 }
`,
    fix: "If the revision was issued on a form without these cells, record nothing: give the layout the day it was introduced (`since: <date>` on its `document_layouts` entry). Otherwise record the signatures of the paper original with `csr sign <id>… --countersigned <person> --standardization <person> --military-representative <person> [--date <date>]` (several documents at once; it never replaces a recorded signature), or release the document with `csr release`, which records them. A layout that should not print a signature lists only the others.",
  },
  check(ctx) {
    for (const { value: doc, file } of ctx.index.documents.values()) {
      if (doc.status !== "released") continue;
      const current = currentRevision(doc);
      // A released document without a revision is doc/approval-missing's finding.
      if (!current) continue;
      // The layout the revision was issued on: a cell added to the form later is no cell of it.
      const printed = layoutSignatures(ctx.repo, doc, issuedOn(current));
      const missing = GJB_SIGNATURES.filter(([role]) => printed.has(role) && !signed(current, role));
      if (missing.length === 0) continue;
      const person = t("rule.doc/approval-missing.person");
      const data = {
        version: current.version,
        document: doc.id,
        owner: documentLayoutOwner(ctx.repo, doc, issuedOn(current)),
        date: revisionDate(current, language()),
        roles: conjunction(missing.map(([role]) => t(`release.signature.${role}`))),
        command: `csr sign ${doc.id} ${missing.map(([, flag]) => `${flag} ${person}`).join(" ")} --date ${t("rule.doc/approval-missing.date")}`,
      };
      // A layout with no day of its own may have been added after the revision was issued, on a form without the cell: nothing to copy then.
      const dated = documentLayout(ctx.repo, doc, issuedOn(current))?.since !== undefined;
      ctx.report({ file, path: ["revisions", doc.revisions!.length - 1] }, t(dated ? "rule.doc/signature-missing" : "rule.doc/signature-missing.undated", data));
    }
  },
};

function signed(revision: Revision, role: (typeof GJB_SIGNATURES)[number][0]): boolean {
  const signature = revision[role];
  return Array.isArray(signature) ? signature.length > 0 : signature !== undefined;
}
