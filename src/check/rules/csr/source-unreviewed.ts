import { repositoryCalendar } from "../../../load/calendar.js";
import { DEFAULT_REVIEW_DAYS } from "../../../model/csr-status.js";
import { sourceRevisionsUnreviewed } from "../../../model/source-review.js";
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
    // A CSR file set aside for a schema error may be this revision's: its own finding is the one to fix first (one root cause, one finding).
    if (ctx.repo.unvalidated.csrs.size > 0) return;
    const customers = ctx.repo.customers.filter(({ file }) => ctx.keeps(file));
    const files = new Map(customers.map(({ value, file }) => [value, file]));
    const calendar = repositoryCalendar(config);
    const days = config?.csr?.review_days ?? DEFAULT_REVIEW_DAYS;
    const unreviewed = sourceRevisionsUnreviewed([...files.keys()], ctx.repo.csrs.map((c) => c.value), ctx.options.today, calendar, days);
    for (const { customer, source, revision, at, due } of unreviewed) {
      // Pending within its review period: the dashboard counts it; reported once the period has passed.
      if (due >= ctx.options.today) continue;
      ctx.report(
        { file: files.get(customer)!, path: ["sources", at.source, "revisions", at.revision, "received"] },
        sentences(
          t("rule.csr/source-unreviewed", { source: source.id, title: source.title, named: revisionName(revision.revision), received: revision.received, due, days }),
          t("rule.csr/source-unreviewed.fix", { customer: shellArgument(customer.code), source: shellArgument(source.id), revision: shellArgument(revision.revision) }),
        ),
      );
    }
  },
};
