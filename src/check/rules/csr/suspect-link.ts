import { currentRevision } from "../../../model/index.js";
import { changedEnds, csrFingerprint } from "../../../model/fingerprint.js";
import type { Rule } from "../../rule.js";

/**
 * A link between a CSR and the section that addresses it holds only for the texts it was made
 * against (IATF 16949 7.5.1.1 asks where each CSR is addressed; a changed procedure may no longer
 * address it). Suspicion flows both ways: a changed requirement makes every section that addresses
 * it suspect, a changed section makes every requirement it addresses suspect.
 */
export const rule: Rule = {
  id: "csr/suspect-link",
  severity: "warning",
  summary: "The requirement or the section addressing it changed since the link was made or confirmed.",
  docs: {
    description:
      "A link in `addressed` whose `pin` no longer matches one of its ends: the addressed section of the document changed (its title, text or any sub-section; the whole body when the link names no section), or the CSR changed (title, text, clauses, category or the disposition of its decision). The message says which end changed, and the document's version then and now.\n\nIATF 16949 7.5.1.1 asks where each CSR is addressed, and auditors trace change: a procedure edited so that it no longer does what the CSR needed, or a requirement that changed while the procedure stayed as it was. Suspicion flows both ways. Links without a `pin` are not reported; `csr address --pin-all` pins them once.",
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
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (csr.superseded || !(csr.addressed ?? []).some((p) => p.pin)) continue;
      const csrPrint = csrFingerprint(csr);
      (csr.addressed ?? []).forEach((place, i) => {
        const doc = ctx.index.documents.get(place.document)?.value;
        const changed = doc && changedEnds(csr, place, doc, csrPrint);
        if (!changed || (!changed.section && !changed.csr)) return;
        const pin = place.pin!;
        const what = place.section ? `section ${place.section} of ${doc.id}` : doc.id;
        const reasons: string[] = [];
        if (changed.section) {
          const version = currentRevision(doc)?.version;
          const since = pin.revision && version && version !== pin.revision ? ` (revision ${pin.revision} then, ${version} now)` : "";
          reasons.push(`${place.section ? what : `the body of ${doc.id}`} changed since the link was made or last confirmed on ${pin.date}${since}`);
        }
        if (changed.csr) reasons.push(`${csr.id}'s title, text, clauses, category or disposition changed since ${pin.date}`);
        ctx.report(
          { file, path: ["addressed", i] },
          `The link from ${csr.id} to ${what} is suspect: ${reasons.join("; and ")}. Check that it still addresses the requirement, then run 'csr address --confirm ${csr.id} ${place.document}${place.section ? ` --section "${place.section}"` : ""} --by <person>', or correct 'addressed'.`,
        );
      });
    }
  },
};
