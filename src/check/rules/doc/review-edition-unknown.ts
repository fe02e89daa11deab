import type { Rule } from "../../rule.js";
import { didYouMean } from "../../../core/text.js";
import { list, t } from "../../../i18n/index.js";

/**
 * A periodic review's `edition` (换版评审, csr periodic-review --for-edition) names no catalog of a new
 * edition: a catalog csr has not got, or one that supersedes no catalog csr has. The review counts for
 * no edition then: the register of documents to review for the new edition (csr list edition-review)
 * leaves it out, while the periodic review record prints it as an edition review. The command refuses
 * such an id; a hand-edited or merged record is what this rule sees.
 */
export const rule: Rule = {
  id: "doc/review-edition-unknown",
  severity: "error",
  scope: { files: "own" },
  summary: "A document's periodic review is recorded as the review for a new edition that is no new edition's catalog.",
  docs: {
    description:
      "An entry of a document's `reviews` with `edition` (an edition review, 换版评审, recorded by `csr periodic-review --for-edition`) must name the catalog of a new edition: `standards/<ID>.yaml` with `supersedes` naming a catalog csr has. Otherwise the review counts for no edition: `csr list edition-review` still lists the document as not reviewed, while the periodic review record prints the review as an edition review. Documents are reviewed against the requirements in force ({{cite:documents-in-use}}); the auditor of the transition asks for the record.",
    bad: `
reviews:
  - { by: li, date: 2026-11-20, edition: IATF16949E3 }   # no such catalog
  - { by: zhang, date: 2026-11-23, edition: IATF16949 }   # supersedes nothing
`,
    good: `
reviews:
  - { by: li, date: 2026-11-20, edition: IATF16949E2 }
`,
    fix: "Write the id of the new edition's catalog the document was reviewed for (`csr list edition-review` names it), or remove `edition` when the review was an ordinary periodic review.",
  },
  check(ctx) {
    const catalogs = ctx.repo.catalogs;
    const editions = [...catalogs.values()].filter((c) => c.supersedes && catalogs.has(c.supersedes.standard)).map((c) => c.id);
    for (const { value: doc, file } of ctx.repo.documents) {
      (doc.reviews ?? []).forEach((review, i) => {
        const edition = review.edition;
        if (edition === undefined || editions.includes(edition)) return;
        const data = { document: doc.id, date: review.date, edition, editions: list(editions) };
        const known = catalogs.has(edition);
        ctx.report(
          { file, path: ["reviews", i, "edition"] },
          t(known ? "rule.doc/review-edition-unknown.not-new" : "rule.doc/review-edition-unknown", data) +
            (known ? "" : didYouMean(edition, editions)) +
            t("common.sentence-separator") +
            t(editions.length > 0 ? "rule.doc/review-edition-unknown.fix" : "rule.doc/review-edition-unknown.fix-none", data),
        );
      });
    }
  },
};
