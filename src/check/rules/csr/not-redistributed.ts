import { repositoryCalendar } from "../../../load/calendar.js";
import { shellArgument } from "../../../core/text.js";
import { csrDistributions, distributionRevision, recallDays, redistributionChange, redistributionDue } from "../../../model/distribution.js";
import { firstDecisionOfRound } from "../../../model/review-timeliness.js";
import type { Rule } from "../../rule.js";
import { t } from "../../../i18n/index.js";
import { revisionName } from "../../../i18n/values.js";

/**
 * IATF 16949 7.5.3.2.2 and the CSR procedure (the examples' QP-015 §5 分发): a customer's revision is
 * reviewed, then distributed to the departments that act on it. A CSR re-reviewed on a new source
 * revision (`csr source update`) whose decision changed what is to be met, distributed before but not
 * since (model/distribution.ts redistributionDue), leaves the departments with the earlier requirement.
 * A revision confirmed unchanged (`--unchanged`) closes no round, so its earlier distribution stands; a
 * re-review that came to the same conclusion on the same wording changes nothing the departments hold.
 */
export const rule: Rule = {
  id: "csr/not-redistributed",
  severity: "warning",
  scope: { files: "own" },
  clock: true,
  summary: "A CSR re-reviewed on a new source revision, whose decision changed what is to be met, was not distributed again.",
  docs: {
    description:
      "A CSR whose review `csr source update` restarted on a new source revision, decided again, and distributed only before the restart (each `distribution` entry is of an earlier revision, or dated before `review.restarted`), more than `document_control.recall_days` working days (qms.yaml, default 5) after the new decision. Reported only when the new decision changed what is to be met: its disposition differs from the closed round's, or the requirement's wording changed and it is to be met (`must` or `optional`; the closed round in `review.history` keeps the `title`, `text` or `clauses` it reviewed). A revision confirmed unchanged (`csr source update --unchanged`) is not a re-review and keeps its distribution; a re-review that reached the same conclusion on the same wording leaves the departments' copy true, and is not reported. Superseded CSRs are not reported. Customer requirements and their revisions are reviewed, distributed and implemented ({{cite:requirements-review}}); `csr show` says \"V3.0 版尚未发放\".",
    bad: `
  decision: {disposition: must, by: wang, date: 2026-10-08}
  history:
    - {source_revision: C, closed: 2026-10-01, revised_to: D, decision: {disposition: optional, by: wang, date: 2026-03-13}}
distribution:
  - {departments: [QA, MKT], date: 2026-03-20, source_revision: C}   # the decision on D is not distributed
`,
    good: `
distribution:
  - {departments: [QA, MKT], date: 2026-03-20, source_revision: C}
  - {departments: [QA, MKT], date: 2026-10-09, source_revision: D}
`,
    fix: "Distribute the decision on the new revision: `csr distribute DYA-001 --to QA MKT`.",
  },
  check(ctx) {
    const config = ctx.repo.config?.value;
    const calendar = repositoryCalendar(config);
    const days = recallDays(config);
    for (const { value: csr, file } of ctx.repo.csrs) {
      // Only a restarted review can leave a distribution behind: the others are passed over before
      // their distributions and decisions are gathered (a check looks at every CSR).
      if (!csr.review?.restarted) continue;
      const pending = redistributionDue(csr);
      const decision = firstDecisionOfRound(csr);
      if (!pending || !decision) continue;
      const change = redistributionChange(csr);
      if (change === undefined) continue;
      const due = calendar.addWorkdays(decision.date, days);
      if (due >= ctx.options.today) continue;
      const entries = csrDistributions(csr);
      const last = entries[entries.length - 1]!;
      const from = distributionRevision(csr, last);
      ctx.report(
        { file, path: last.path },
        t(from === undefined ? "rule.csr/not-redistributed.unknown-from" : "rule.csr/not-redistributed", {
          csr: csr.id,
          source: csr.source.document,
          revision: revisionName(csr.source.revision),
          date: decision.date,
          change: "wording" in change ? t("rule.csr/not-redistributed.wording") : t("rule.csr/not-redistributed.disposition", { was: t(`value.disposition.${change.was}`), now: t(`value.disposition.${change.now}`) }),
          from: from === undefined ? "" : revisionName(from),
          due,
          days,
          id: shellArgument(csr.id),
          departments: pending.departments.join(" "),
        }),
      );
    }
  },
};
