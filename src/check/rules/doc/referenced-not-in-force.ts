import { revisionEffective } from "../../../model/index.js";
import type { ControlledDocument } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { sentences, t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.5.2 / 7.5.3.2.1, GJB 9001C 7.5.3: a document in force prescribes only forms in force. A procedure whose version took effect before a form it lists was
 * first in force was approved listing a form that did not exist yet (tester23 F13): the two
 * controlled copies' dates show it to an auditor. doc/unreleased-referenced judges today's state;
 * this rule judges the dates, of the version in force: a document being revised (修订中) is judged by
 * its current version as released (options.inForce, as the registers read it), not by the draft in
 * its file, whose new forms take effect with the revision (tester64 N1).
 */
export const rule: Rule = {
  id: "doc/referenced-not-in-force",
  severity: "error",
  scope: { files: "all", reads: (f) => (f.kind === "document" ? [f.data.id, f.data.status, f.data.related, f.data.forms, f.data.effective, f.data.revisions, f.data.revising !== undefined] : null) },
  summary: "A released document's version took effect before a form it lists was first in force.",
  docs: {
    description:
      "A released document whose current version took effect (its 生效日期 `effective`, else its date) before a form named in its `forms` (its 相关记录) was first in force (the effective day of the form's first revision). The printed copy prescribes a form that did not exist yet when it was approved and put into force ({{cite:document-control}}); an auditor comparing the dates of the two controlled copies sees it. This happens when a release is back-dated (`csr release --date`) to before the release of the form it lists. Documents in `related` are not compared: procedures that refer to each other are often released over a few days when a system is set up, and one of them always comes first. A revision imported without a date (见原纸质记录) is not compared, and a referring version imported from a register (approved on paper, whose register may date it otherwise) gives a warning. The form's later revisions do not matter: once first in force, a form exists.\n\nA document being revised (修订中, `revising`: `csr submit`, or `csr new --used-by` adding a new form to a procedure) holds the draft of its next version: the version in force is judged by the forms it listed as released (its release tag, else the commit that recorded it, as the registers read it), and a form only the draft lists takes effect with the revision, which is not yet released. When git does not have the version as released (no git, a shallow clone), a form the draft lists that was first in force later is a warning reminding that the revision is released on or after that day.",
    bad: `
forms: [QR-001-01]   # QR-001-01 A/0 takes effect 2024-02-01
revisions:
  - version: A/0
    date: 2024-01-10   # QP-001 in force from 2024-01-10
`,
    good: `
forms: [QR-001-01]   # QR-001-01 A/0 takes effect 2024-01-05
`,
    fix: "Release a new revision of the referring document (under revision: the revision being prepared) dated, or taking effect (`--effective`), on or after the day the form first takes effect. The dates recorded for the version in force stay as they are: they are what was approved.",
  },
  check(ctx) {
    // The form's first version's effective day against the referring document's current version's; an undated one is not compared.
    const firstDated = (form: ControlledDocument) => (form.revisions?.length ?? 0) > 0 && revisionEffective(form, 0) !== "";
    for (const { value: document, file } of ctx.index.documents.values()) {
      if (document.status !== "released" || !ctx.keeps(file) || (document.revisions ?? []).length === 0) continue;
      // Under revision, the file's `forms` are the draft's; the version in force lists what it was released with (tester64 N1).
      const released = document.revising !== undefined ? ctx.options.inForce?.get(document.id) : undefined;
      const draftOnly = document.revising !== undefined && released === undefined;
      const inForce = released ?? document;
      const revisions = inForce.revisions ?? [];
      if (revisions.length === 0) continue;
      const from = revisionEffective(inForce, revisions.length - 1);
      if (from === "") continue;
      const revision = revisions.at(-1)!;
      const version = revision.version;
      for (const id of new Set(inForce.forms ?? [])) {
        const target = ctx.index.documents.get(id)?.value;
        if (!target || !firstDated(target)) continue;
        const since = revisionEffective(target, 0);
        if (from >= since) continue;
        const first = target.revisions![0]!.version;
        // Where the file names it: the draft may have dropped a form its version in force lists.
        const at = (document.forms ?? []).indexOf(id);
        const place = { file, path: at >= 0 ? ["forms", at] : ["revising"], ...(at >= 0 ? {} : { key: true }) };
        const data = { document: document.id, version, from, target: id, since, first };
        if (draftOnly) {
          ctx.report(place, t("rule.doc/referenced-not-in-force.draft", data), "warning");
          continue;
        }
        // A version imported from a register was approved on paper: the register's dates may be the register's, not the approval's.
        ctx.report(place, sentences(t("rule.doc/referenced-not-in-force", data), t(document.revising !== undefined ? "rule.doc/referenced-not-in-force.fix-revising" : "rule.doc/referenced-not-in-force.fix", data)), revision.imported ? "warning" : undefined);
      }
    }
  },
};
