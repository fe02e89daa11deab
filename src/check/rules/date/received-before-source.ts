import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";
import { sourceRevisionTakenFrom } from "../../../model/csr-status.js";
import type { Rule } from "../../rule.js";

/**
 * A requirement comes from a revision of the customer's document, so it is received no earlier than
 * that revision (IATF 16949 7.5.3: records are evidence). `csr add` refuses such a date; this finds
 * one typed into a file, or a revision's received date corrected later in the customer's file.
 */
/**
 * What of a CSR and of a customer the findings of a CSR's received date against its source revision
 * follow from (this rule and date/received-after-source): an edit to anything else (opinions, a
 * decision, a customer's contacts) leaves them as they were.
 */
export const RECEIVED_AGAINST_SOURCE: Rule["scope"] = {
  files: "all",
  reads: (f) =>
    f.kind === "csr"
      ? [f.data.id, f.data.customer, f.data.received, f.data.source.document, f.data.source.revision, (f.data.review?.history ?? []).map((r) => r.source_revision), (f.data.review?.confirmations ?? []).map((c) => c.source_revision)]
      : f.kind === "customer"
        ? [f.data.code, (f.data.sources ?? []).map((s) => [s.id, s.revisions.map((r) => [r.revision, r.received])])]
        : null,
};

export const rule: Rule = {
  id: "date/received-before-source",
  severity: "error",
  scope: RECEIVED_AGAINST_SOURCE,
  summary: "A CSR is dated received before the revision of its source document it was taken from.",
  docs: {
    description:
      "A CSR whose `received` date is before the `received` date, in `customers/<CODE>.yaml`, of the revision of its source document that it was taken from: the earliest revision it has been on (`csr source update` moves a CSR on to each new revision and keeps the earlier round in `review.history`, or a confirmation naming the new revision). A requirement cannot reach the organisation before the document it comes from, so one of the two dates is wrong, and the review deadline ({{cite:requirements-review}}) is counted from a date that cannot be true. `csr add` refuses such a date; this rule finds one written by hand or left behind when a revision's date was corrected.",
    bad: `
source: {document: DYA-SQM, revision: C, section: "4.2"}   # customers/DYA.yaml: C received 2026-11-06
received: 2026-11-02
`,
    good: `
source: {document: DYA-SQM, revision: C, section: "4.2"}
received: 2026-11-06
`,
    fix: "Correct whichever date is wrong, as the paper record shows: `received` in the CSR file, or the revision's `received` in `customers/<CODE>.yaml`.",
  },
  check(ctx) {
    for (const { value: csr, file } of ctx.repo.csrs) {
      if (!ctx.keeps(file)) continue;
      const revision = sourceRevisionTakenFrom(csr, ctx.index.customers.get(csr.customer)?.value);
      if (!revision || csr.received >= revision.received) continue;
      ctx.report(
        { file, path: ["received"] },
        t("rule.date/received-before-source", { id: csr.id, received: csr.received, source: csr.source.document, revision: revisionName(revision.revision), sourceReceived: revision.received, customer: csr.customer }),
      );
    }
  },
};
