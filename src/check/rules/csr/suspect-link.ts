import { currentRevision } from "../../../model/index.js";
import { changedEnds, csrFingerprint, SectionPrints } from "../../../model/fingerprint.js";
import type { Rule } from "../../rule.js";
import { language, t } from "../../../i18n/index.js";
import { personToType } from "../../../model/people.js";

/**
 * A link between a CSR and the section that addresses it holds only for the texts it was made
 * against (IATF 16949 7.5.1.1 asks where each CSR is addressed; a changed procedure may no longer
 * address it). Suspicion flows both ways: a changed requirement makes every section that addresses
 * it suspect, a changed section makes every requirement it addresses suspect.
 */
export const rule: Rule = {
  id: "csr/suspect-link",
  severity: "warning",
  scope: {
    files: "all",
    // A CSR without a pinned link is skipped; one with a pin is fingerprinted whole (csrFingerprint).
    reads: (f) => (f.kind === "csr" ? (f.data.superseded || !(f.data.addressed ?? []).some((p) => p.pin) ? null : f.data) : f.kind === "document" ? [f.data.id, f.data.sections, f.data.revisions?.at(-1)?.version] : null),
  },
  summary: "The requirement or the section addressing it changed since the link was made or confirmed.",
  docs: {
    description:
      "A link in `addressed` whose `pin` no longer matches one of its ends: the addressed section of the document changed (its title, text or any sub-section; the whole body when the link names no section), or the CSR changed (title, text, clauses, category or the disposition of its decision; a first decision to meet it, must or optional, of a link made during the review is no change). The message says which end changed, and the document's version then and now.\n\nThe CSR matrix ({{cite:requirements-matrix}}) shows where each CSR is addressed, and auditors trace change: a procedure edited so that it no longer does what the CSR needed, or a requirement that changed while the procedure stayed as it was. Suspicion flows both ways. Links without a `pin` are not reported; `csr address --pin-all` pins them once.",
    bad: `
addressed:
  - document: QP-020
    section: "5.2"
    pin:
      revision: A/0
`,
    fix: "Read the changed section against the requirement. If it still addresses it, run `csr address --confirm DYA-001 QP-020 --section 5.2 --by zhang` (a new pin, with who and when); if not, change the document or point `addressed` elsewhere.",
  },
  check(ctx) {
    const prints = new SectionPrints();
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file) || csr.superseded || !(csr.addressed ?? []).some((p) => p.pin)) continue;
      const csrPrint = csrFingerprint(csr);
      (csr.addressed ?? []).forEach((place, i) => {
        const doc = ctx.index.documents.get(place.document)?.value;
        const changed = doc && changedEnds(csr, place, doc, csrPrint, prints);
        if (!changed || (!changed.section && !changed.csr)) return;
        const pin = place.pin!;
        const what = place.section ? t("rule.csr/suspect-link.section", { section: place.section, document: doc.id }) : doc.id;
        const reasons: string[] = [];
        if (changed.section) {
          const version = currentRevision(doc)?.version;
          const part = place.section ? what : t("rule.csr/suspect-link.body", { document: doc.id });
          const data = { part, date: pin.date, then: pin.revision ?? "", now: version ?? "" };
          reasons.push(t(pin.revision && version && version !== pin.revision ? "rule.csr/suspect-link.document-revised" : "rule.csr/suspect-link.document-changed", data));
        }
        if (changed.csr) reasons.push(t("rule.csr/suspect-link.csr-changed", { csr: csr.id, date: pin.date }));
        // Whoever linked or last confirmed it knows the link best; else the requirement's owner or approver.
        const by = personToType(ctx.index.people, [pin.by, csr.implementation?.owner, csr.review?.decision?.by], language(), ctx.options.today);
        const command = `csr address --confirm ${csr.id} ${place.document}${place.section ? ` --section "${place.section}"` : ""} --by ${by}`;
        ctx.report(
          { file, path: ["addressed", i] },
          t("rule.csr/suspect-link", { csr: csr.id, what, reasons: reasons.join(t("rule.csr/suspect-link.and")), command }),
        );
      });
    }
  },
};
