import { repositoryCalendar } from "../../../load/calendar.js";
import { DEFAULT_REVIEW_DAYS } from "../../../model/csr-status.js";
import { sourceKey, sourceRevisionsWithCsrs } from "../../../model/source-review.js";
import type { Rule } from "../../rule.js";
import { shellArgument } from "../../../core/text.js";
import { revisionName } from "../../../i18n/values.js";
import { sentences, t } from "../../../i18n/index.js";

/**
 * IATF 16949 7.5.3.2.2 / GJB 9001C 8.2.3: every customer document received is reviewed within the
 * review period. A current source revision with no CSR registered from it and no recorded nil review
 * (`no_requirements`, 无特定要求) past its deadline has no review on record at all: the registers, the
 * dashboard and every other rule see nothing to review (tester55 C1).
 */
export const rule: Rule = {
  id: "csr/source-unreviewed",
  severity: "warning",
  scope: { files: "all", reads: (f) => (f.kind === "csr" ? [f.data.id, f.data.source, f.data.review] : f.kind === "customer" ? [f.data.code, f.data.sources] : null) },
  clock: true,
  dependsOn: ["qms.yaml"],
  summary: "A customer source revision received past its review period has no CSR registered from it and no recorded review finding no requirement.",
  docs: {
    description:
      "The current (latest, not superseded) revision of a customer's source document (`customers/<CODE>.yaml`) received more than `csr.review_days` working days ago (default 10), from which no CSR has been registered (none is on it, was on it before a later revision, or was confirmed unchanged in it; CSRs of the source still on an earlier revision are reported by `csr/source-superseded` instead), and whose review has not been recorded as finding no requirement for the supplier (`no_requirements`, written by `csr source update <source> --without-requirements`). Its receipt is on record and nothing else: no register lists a review to do, so a document received and never read passes every other check. {{#IATF16949}}IATF 16949 7.5.3.2.2 expects customer requirements and their changes to be reviewed within 10 working days{{/IATF16949}}{{^IATF16949}}{{cite:requirements-review}} asks for the customer's documents to be reviewed{{/IATF16949}}; a supplier's CSR procedure usually asks for a document without requirements to be marked 无特定要求 in the source register.",
    bad: `
  - id: DYA-PKG
    title: 东岳包装规范
    revisions:
      - {revision: A, received: 2026-11-02}   # no CSR from DYA-PKG A on 2026-11-27
`,
    good: `
      - {revision: A, received: 2026-11-02, no_requirements: {by: wang, date: 2026-11-10}}
`,
    fix: "Register its requirements (`csr add --customer <code> --source <source>`, or `csr import --as csr`), or record that it holds none: `csr source update <source> --revision <rev> --without-requirements --by <approver> --date <date>`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    let calendar: ReturnType<typeof repositoryCalendar> | undefined;
    const days = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
    let withCsrs: ReturnType<typeof sourceRevisionsWithCsrs> | undefined;
    // A CSR file set aside for a schema error may be this revision's: its own finding is the one to fix first (one root cause, one finding).
    if (ctx.repo.unvalidated.csrs.size > 0) return;
    for (const { value: customer, file } of ctx.repo.customers) {
      if (!ctx.keeps(file)) continue;
      for (const [i, source] of (customer.sources ?? []).entries()) {
        // The current revision only: one followed by a later one is superseded by it, marked or not (as csr/source-superseded reads it).
        const j = source.revisions.length - 1;
        const revision = source.revisions[j];
        if (!revision || revision.status === "superseded" || revision.no_requirements || revision.received > ctx.options.today) continue;
        const due = (calendar ??= repositoryCalendar(config)).addWorkdays(revision.received, days);
        if (due >= ctx.options.today) continue;
        withCsrs ??= sourceRevisionsWithCsrs(ctx.repo.csrs.map((c) => c.value));
        const key = sourceKey(customer.code, source.id);
        if (withCsrs.registered.get(key)?.has(revision.revision)) continue;
        // CSRs of the source left on an earlier revision: csr/source-superseded asks for their review against this one
        // (one root cause, one finding), and a CSR the revision removed (csr source update --removed) was reviewed with it.
        const current = withCsrs.current.get(key);
        if (current && source.revisions.slice(0, j).some((r) => current.has(r.revision))) continue;
        ctx.report(
          { file, path: ["sources", i, "revisions", j, "received"] },
          sentences(
            t("rule.csr/source-unreviewed", { source: source.id, title: source.title, named: revisionName(revision.revision), received: revision.received, due, days }),
            t("rule.csr/source-unreviewed.fix", { customer: shellArgument(customer.code), source: shellArgument(source.id), revision: shellArgument(revision.revision) }),
          ),
        );
      }
    }
  },
};
