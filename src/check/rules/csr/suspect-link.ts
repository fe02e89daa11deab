import { addressing } from "../../../model/csr-status.js";
import { currentRevision } from "../../../model/index.js";
import { changedEnds, csrFingerprint, SectionPrints } from "../../../model/fingerprint.js";
import type { Rule } from "../../rule.js";
import { language, t } from "../../../i18n/index.js";
import { personToType } from "../../../model/people.js";
import type { Csr } from "../../../model/types.js";

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
    // A CSR without a pinned link, or a wording changed by a new source revision, is skipped; one with either is read whole
    // (csrFingerprint, the review rounds); a document's revisions date a link (model/link-start.ts).
    reads: (f) => (f.kind === "csr" ? (f.data.superseded || !watched(f.data) ? null : f.data) : f.kind === "document" ? [f.data.id, f.data.sections, f.data.status, f.data.revisions] : null),
  },
  summary: "The requirement or the section addressing it changed since the link was made or confirmed.",
  docs: {
    description:
      "A link in `addressed` whose `pin` no longer matches one of its ends: the addressed section of the document changed (its title, text or any sub-section; the whole body when the link names no section), or the CSR changed (title, text, clauses, category or the disposition of its decision; a first decision to meet it, must or optional, of a link made during the review is no change). The message says which end changed, and the document's version then and now. A link with or without a `pin` made for the wording of an earlier source revision, which the customer's new revision changed (the round it closed keeps that wording, `review.history`), and not confirmed since the review restarted, is reported too: the CSR matrix says 要求已按 V3.0 变更…链接待确认，不计入落实 and does not count it.\n\nThe CSR matrix ({{cite:requirements-matrix}}) shows where each CSR is addressed, and auditors trace change: a procedure edited so that it no longer does what the CSR needed, or a requirement that changed while the procedure stayed as it was. Suspicion flows both ways. Other links without a `pin` are not reported; `csr address --pin-all` pins them once.",
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
      if (!ctx.keeps(file) || csr.superseded || !watched(csr)) continue;
      const csrPrint = (csr.addressed ?? []).some((p) => p.pin) ? csrFingerprint(csr) : undefined;
      (csr.addressed ?? []).forEach((place, i) => {
        const doc = ctx.index.documents.get(place.document)?.value;
        if (!doc) return;
        const what = place.section ? t("rule.csr/suspect-link.section", { section: place.section, document: doc.id }) : doc.id;
        const changed = csrPrint === undefined ? undefined : changedEnds(csr, place, doc, csrPrint, prints);
        const by = () => personToType(ctx.index.people, [place.pin?.by, csr.implementation?.owner, csr.review?.decision?.by], language(), ctx.options.today);
        const command = () => `csr address --confirm ${csr.id} ${place.document}${place.section ? ` --section "${place.section}"` : ""} --by ${by()}`;
        if (!changed || (!changed.section && !changed.csr)) {
          // Made for the wording an earlier source revision gave the requirement, not confirmed since (tester54a A4, as the matrix says it).
          const standing = rewordedSince(csr) ? addressing(place, doc, ctx.options.today, csr) : undefined;
          if (standing?.counts === false && standing.why === "revised") {
            const reason = t("rule.csr/suspect-link.csr-revised", { csr: csr.id, revision: standing.revision, date: standing.date });
            ctx.report({ file, path: ["addressed", i] }, t("rule.csr/suspect-link", { csr: csr.id, what, reasons: reason, command: command() }));
          }
          return;
        }
        const pin = place.pin!;
        const reasons: string[] = [];
        if (changed.section) {
          const version = currentRevision(doc)?.version;
          const part = place.section ? what : t("rule.csr/suspect-link.body", { document: doc.id });
          const data = { part, date: pin.date, then: pin.revision ?? "", now: version ?? "" };
          reasons.push(t(pin.revision && version && version !== pin.revision ? "rule.csr/suspect-link.document-revised" : "rule.csr/suspect-link.document-changed", data));
        }
        if (changed.csr) reasons.push(t("rule.csr/suspect-link.csr-changed", { csr: csr.id, date: pin.date }));
        ctx.report(
          { file, path: ["addressed", i] },
          t("rule.csr/suspect-link", { csr: csr.id, what, reasons: reasons.join(t("rule.csr/suspect-link.and")), command: command() }),
        );
      });
    }
  },
};

/** Whether a new source revision changed the requirement's wording: a round it closed keeps the earlier one (model/link-start.ts linkStandingOn). */
function rewordedSince(csr: Csr): boolean {
  return (csr.review?.history ?? []).some((round) => round.source_revision !== undefined && (round.title !== undefined || round.text !== undefined || round.clauses !== undefined));
}

/** The CSRs the rule looks at: with a pinned link, or with links and a wording changed by a new source revision. */
function watched(csr: Csr): boolean {
  const places = csr.addressed ?? [];
  return places.some((p) => p.pin) || (places.length > 0 && rewordedSince(csr));
}
