import { list, t } from "../../../i18n/index.js";
import { addressedOnlyAfter, issuedOnlyAfter, type IssuedPlace } from "../../../model/csr-status.js";
import { implementationFollows } from "../../../model/recorded-events.js";
import type { Rule } from "../../rule.js";
import { decidedToMeet } from "../../../model/decision.js";

/** "QP-014 A/1 2025-06-12 首次发放", "WI-031 尚未发布": when each place first reached the points of use. */
function placesIssued(places: IssuedPlace[]): string {
  return list(places.map((p) => (p.issued === undefined ? t("rule.csr/implemented-before-issue.none", { document: p.document }) : t("rule.csr/implemented-before-issue.place", { document: p.document, version: p.version!, date: p.issued }))));
}

/**
 * IATF 16949 7.5.3.2.1: production works to the documents available at the points of use. A CSR
 * implemented while the procedure that carries it was in force but handed out nowhere yet (tester67a
 * A3: DYA-001 导入生产 2025-04-25, QP-014 A/1 实施 2025-03-10 but first issued on OA 2025-06-12) was
 * implemented from no document the shop floor held: the date, or the issue record, is wrong.
 */
export const rule: Rule = {
  id: "csr/implemented-before-issue",
  severity: "warning",
  scope: {
    files: "all",
    // The CSR whole (links, pins, rounds, implementation); a document's kind, level, status, revisions and issue records.
    reads: (f) =>
      f.kind === "csr"
        ? f.data.implementation?.implemented === undefined
          ? null
          : f.data
        : f.kind === "document"
          ? [f.data.id, f.data.kind, f.data.level, f.data.status, f.data.effective, f.data.revisions, f.data.distribution, f.data.electronic_issue]
          : null,
  },
  summary: "A CSR is recorded as implemented in production before any procedure or instruction that addresses it reached the points of use.",
  docs: {
    description:
      "A CSR to be implemented (decided `must` or `optional`, not superseded) whose date implemented in production (`implementation.implemented`) is before every manual, procedure and work instruction in `addressed` was first issued: no controlled copy (`distribution`) and no electronic issue (`electronic_issue`) of the revision the place addresses from (counted as `csr/implemented-before-effective` counts it), or of a later one, is dated on or before it. A document released and in force that nobody holds yet is not worked to. Forms are not counted (they are filled in, not issued), and neither is a document that records no issue at all (its distribution is kept elsewhere); a CSR that `csr/implemented-before-effective` reports is not reported again. {{cite:document-control}} asks for the documents in force to be available at the points of use; production works to what it holds, so a date before the document reached it contradicts the record.",
    bad: `
# QP-005 A/1 takes effect 2026-10-12; its first copy is handed out 2026-11-02
implementation: {owner: wang, due: 2026-11-30, status: implemented, implemented: 2026-10-20}
`,
    good: `
implementation: {owner: wang, due: 2026-11-30, status: implemented, implemented: 2026-11-05}
`,
    fix: "Check the date implemented against the production records and the issue record. A wrong date: correct it with `csr implement <CSR> --implemented <date> --amend`. Copies handed out earlier but recorded late: record them on the day they were handed out (`csr distribute <document> --to <departments> --date <date>`, or `--electronic` for an issue on OA) and remove the late entry.",
  },
  check(ctx) {
    const document = (id: string) => ctx.index.documents.get(id)?.value;
    const today = ctx.options.today;
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
            const implemented = csr.implementation?.implemented;
      if (csr.superseded || !decidedToMeet(csr.review?.decision) || implemented === undefined) continue;
      // A date after today or before its decision is date/in-future's or date/out-of-order's; one before every place takes effect, csr/implemented-before-effective's.
      if (implemented > today || implemented < implementationFollows(csr).date || addressedOnlyAfter(csr, document, implemented)) continue;
      const places = issuedOnlyAfter(csr, document, implemented);
      if (!places) continue;
      ctx.report({ file, path: ["implementation", "implemented"] }, t("rule.csr/implemented-before-issue", { csr: csr.id, date: implemented, places: placesIssued(places) }));
    }
  },
};
