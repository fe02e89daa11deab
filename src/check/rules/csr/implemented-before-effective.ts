import { list, t } from "../../../i18n/index.js";
import { addressedOnlyAfter, type AddressingRevision } from "../../../model/csr-status.js";
import { implementationFollows } from "../../../model/recorded-events.js";
import type { Csr } from "../../../model/types.js";
import type { Rule } from "../../rule.js";
import { decidedToMeet } from "../../../model/decision.js";

/**
 * The places of a CSR that take effect only after its date implemented (addressedOnlyAfter), as the
 * rule's message and `csr implement`'s note name them: "QP-020 A/2 2026-12-20 实施", "WI-031 尚未发布".
 */
export function placesTakingEffect(places: AddressingRevision[]): string {
  return list(places.map((p) => (p.effective === undefined ? t("register.csr.unaddressed.unreleased", { document: p.document }) : t("register.csr.unaddressed.pending", { document: p.document, version: p.version!, date: p.effective }))));
}

/**
 * A CSR whose date implemented in production precedes every place that addresses it (csr implement
 * notes it when recorded). A date after `today`, or before the decision it follows, is date/in-future's
 * or date/out-of-order's error alone: one wrong date, one finding.
 */
function implementedEarly(csr: Csr, document: Parameters<typeof addressedOnlyAfter>[1], today: string): AddressingRevision[] | undefined {
    const implemented = csr.implementation?.implemented;
  if (csr.superseded || !decidedToMeet(csr.review?.decision) || implemented === undefined) return undefined;
  if (implemented > today || implemented < implementationFollows(csr).date) return undefined;
  return addressedOnlyAfter(csr, document, implemented);
}

/**
 * IATF 16949 7.5.3.2.2 records the date each change is implemented in production; production works
 * to the documents in force (7.5.3.2.1), so a date before every document that carries the requirement
 * takes effect contradicts the record (tester18 F13 at the command; tester58 F10: in a round a
 * reworded source revision opened, only the links confirmed in it count, from the revision confirmed).
 */
export const rule: Rule = {
  id: "csr/implemented-before-effective",
  severity: "warning",
  scope: {
    files: "all",
    // The CSR whole (its links, pins, rounds and wording, implementation); a document's status and revisions date its places.
    reads: (f) => (f.kind === "csr" ? (f.data.implementation?.implemented === undefined ? null : f.data) : f.kind === "document" ? [f.data.id, f.data.status, f.data.revisions] : null),
  },
  summary: "A CSR is recorded as implemented in production before any document that addresses it takes effect.",
  docs: {
    description:
      "A CSR to be implemented (decided `must` or `optional`, not superseded) whose date implemented in production (`implementation.implemented`) is before every place in `addressed` takes effect: each place's revision (the one its `pin` was made or confirmed against, or the `previous` revision in force it records; a link without a pin counts from the document's first revision) has a later 实施日期 (`effective`, else its date), or the document is not released yet. In a review round that a new source revision opened by changing the requirement's wording, only the links confirmed in that round count (the others are `csr/suspect-link`'s), each from the revision it was confirmed against: an earlier revision was written for the earlier wording. A date after today, or before the decision it follows, is `date/in-future`'s or `date/out-of-order`'s finding alone. `csr implement` says so when the date is recorded. {{#IATF16949}}IATF 16949 7.5.3.2.2 asks for the date each change is implemented in production to be recorded; production works to the documents in force, so a date before the document that carries the change takes effect is evidence that contradicts itself.{{/IATF16949}}{{^IATF16949}}{{cite:records}}: records are evidence; production works to the documents in force, so a date before the document that carries the change takes effect contradicts itself.{{/IATF16949}}",
    bad: `
# QP-005 A/1, which addresses it, takes effect 2026-12-20
addressed: [{document: QP-005, section: "5.2", pin: {revision: A/1, previous: A/0, section: b7cbe6d3549b, csr: 6683e9da234f, by: zhang, date: 2026-11-12}}]
implementation: {owner: wang, due: 2026-12-31, status: implemented, implemented: 2026-11-20}
`,
    good: `
# QP-006 A/0, which addresses it, takes effect 2026-11-02: implemented that day
implementation: {owner: wang, due: 2026-11-30, status: implemented, implemented: 2026-11-02, evidence: 周转箱已投用}
`,
    fix: "Check the date implemented against the production records. Written wrong, correct it with `csr implement <CSR> --implemented <date> --amend` (the date replaced stays in `implementation.history`). If production did start earlier under another document (an interim work instruction, a deviation permit), link that document with `csr address <CSR> <document>`: the requirement was addressed there from its effective date.",
  },
  check(ctx) {
    const document = (id: string) => ctx.index.documents.get(id)?.value;
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const places = implementedEarly(csr, document, ctx.options.today);
      if (!places) continue;
      ctx.report({ file, path: ["implementation", "implemented"] }, t("rule.csr/implemented-before-effective", { csr: csr.id, date: csr.implementation!.implemented!, places: placesTakingEffect(places) }));
    }
  },
};
