import { neverReleased } from "../../../model/revision.js";
import type { DocumentKind } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { releasedReferences } from "./references.js";
import { sentences, t } from "../../../i18n/index.js";

/** The `csr import --as` that reads a register of documents of each kind. */
const IMPORT_AS: Record<DocumentKind, string> = { manual: "documents", procedure: "procedures", instruction: "instructions", form: "forms", external: "external" };

/**
 * IATF 16949 7.5.3.2.1 / GJB 9001C 7.5.3: a document in force sends its users only to documents and
 * forms that are approved and issued. A form never released has no version to fill in, and the
 * printed procedure would list it without one.
 */
export const rule: Rule = {
  id: "doc/unreleased-referenced",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.related, f.data.forms, f.data.revisions?.length ?? 0, f.data.revising !== undefined] : null) },
  summary: "A released document refers to a document or form that has never been released.",
  docs: {
    description:
      "A released document whose `related` or `forms` name a document that has never been released: a draft (草稿) or a document in review (审批中) without any revision entry. A document in force must refer only to documents that are approved and issued ({{cite:document-control}}): its users would look for a form or procedure that does not exist yet, and the printed related records (相关记录) would show it without a version. A draft with revision entries is a new revision in preparation: its last released version is still in force, and referring to it is fine. A document under revision (修订中, `csr submit`) holds its draft: a reference that the draft adds to a document or form drafted alongside it (the usual pull request: a work instruction's revision and the new form it needs) is a warning, not an error, reminding that the form is released before or with the revision; `csr release` refuses the revision while the form is still unreleased.",
    bad: `
forms: [QR-001-01]   # QR-001-01 is a draft, never released
`,
    good: `
forms: [QR-001-01]
`,
    fix: "Release the referenced document first (`csr release <id>`), then the one that refers to it; or remove the reference.",
  },
  check(ctx) {
    for (const { document, file, field, index, id, target } of releasedReferences(ctx, neverReleased)) {
      const status = t(`value.document-status.${target.status}`);
      // The file of a document under revision holds the draft (修订中): the reference is the draft's, to be released with it (tester57 E5).
      if (document.revising !== undefined) {
        ctx.report({ file, path: [field, index] }, t("rule.doc/unreleased-referenced.revising", { document: document.id, target: id, status }), "warning");
        continue;
      }
      // A document released before csr (imported) that names it had it in use then: its version is on the paper record, to be
      // imported as the document's was, not released today (tester67b B5; the import's advice for the drafts it wrote).
      const inUse = document.revisions?.at(-1)?.imported === true;
      const path = ctx.index.documents.get(id)?.file.path ?? "";
      const fix = inUse
        ? t("rule.doc/unreleased-referenced.fix-in-use", { document: document.id, target: id, path, as: IMPORT_AS[target.kind] })
        : t("rule.doc/unreleased-referenced.fix", { document: document.id, target: id });
      ctx.report({ file, path: [field, index] }, sentences(t("rule.doc/unreleased-referenced", { document: document.id, target: id, status }), fix));
    }
  },
};
